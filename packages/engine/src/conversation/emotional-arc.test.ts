import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storedAnalysis } from './analysis-fixture.test-support.ts';
import { emotionalArc } from './emotional-arc.ts';

describe('emotionalArc', () => {
  it('has no peak and no "now" without customer turns', () => {
    const arc = emotionalArc([]);
    assert.equal(arc.peak, undefined);
    assert.equal(arc.now, undefined);
    assert.equal(arc.trend, 'steady');
  });

  it('calls a customer who gets angrier escalating and finds the peak', () => {
    const arc = emotionalArc([
      { turnIndex: 0, analysis: storedAnalysis('neutral', 0.7) },
      { turnIndex: 2, analysis: storedAnalysis('frustration', 0.6) },
      { turnIndex: 4, analysis: storedAnalysis('anger', 0.9) },
    ]);
    assert.equal(arc.trend, 'escalating');
    assert.equal(arc.peak?.turnIndex, 4);
    assert.equal(arc.now?.dominant, 'anger');
  });

  it('calls a customer who goes from angry to grateful calming', () => {
    const arc = emotionalArc([
      { turnIndex: 0, analysis: storedAnalysis('anger', 0.8) },
      { turnIndex: 2, analysis: storedAnalysis('neutral', 0.6) },
      { turnIndex: 4, analysis: storedAnalysis('gratitude', 0.9) },
    ]);
    assert.equal(arc.trend, 'calming');
    assert.equal(arc.peak?.turnIndex, 0);
  });

  it('smooths one outlier so the arc does not swing on a single message', () => {
    const arc = emotionalArc([
      { turnIndex: 0, analysis: storedAnalysis('joy', 0.8) },
      { turnIndex: 1, analysis: storedAnalysis('anger', 0.8) },
    ]);
    const now = arc.now;
    assert.ok(now !== undefined && now.smoothedValence > now.valence);
  });
});
