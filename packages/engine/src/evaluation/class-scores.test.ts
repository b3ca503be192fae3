import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mean, safeDivide, scoresFromCounts } from './class-scores.ts';

describe('scoresFromCounts', () => {
  it('computes precision, recall and F1 from counts', () => {
    const s = scoresFromCounts(3, 1, 2);
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.6);
    assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
    assert.equal(s.support, 5);
  });

  it('reports 0 rather than NaN for a class never seen and never predicted', () => {
    assert.deepEqual(scoresFromCounts(0, 0, 0), { precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('reports precision 0 for a class that was never predicted', () => {
    assert.deepEqual(scoresFromCounts(0, 0, 4), { precision: 0, recall: 0, f1: 0, support: 4 });
  });
});

describe('safeDivide and mean', () => {
  it('divide by zero gives 0, and the mean of nothing is 0', () => {
    assert.equal(safeDivide(1, 0), 0);
    assert.equal(safeDivide(0, 0), 0);
    assert.equal(safeDivide(Infinity, 1), 0);
    assert.equal(mean([]), 0);
    assert.equal(mean([1, 2]), 1.5);
  });
});
