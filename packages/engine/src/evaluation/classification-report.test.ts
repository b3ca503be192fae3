import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateClassification } from './classification-report.ts';

describe('evaluateClassification', () => {
  it('reports single-label metrics with a confusion matrix when given strings', () => {
    const r = evaluateClassification(['pos', 'neg', 'neg'], ['pos', 'pos', 'neg'], { classes: ['neg', 'pos'] });
    assert.equal(r.multi_label, false);
    assert.equal(r.count, 3);
    assert.ok(Math.abs(r.accuracy - 2 / 3) < 1e-12);
    // pos: tp 1 fp 1 fn 0 -> F1 2/3; neg: tp 1 fp 0 fn 1 -> F1 2/3
    assert.ok(Math.abs(r.macro_f1 - 2 / 3) < 1e-12);
    assert.deepEqual(r.confusion, { neg: { neg: 1, pos: 1 }, pos: { pos: 1 } });
    assert.deepEqual(Object.keys(r.per_class), ['neg', 'pos']);
  });

  it('reports multi-label metrics with per-class counts when given label sets', () => {
    const r = evaluateClassification([['joy'], ['anger', 'joy']], [['joy'], ['anger']]);
    assert.equal(r.multi_label, true);
    assert.equal(r.accuracy, 0.5);
    assert.deepEqual(r.counts, { joy: { tp: 1, fp: 0, fn: 1 }, anger: { tp: 1, fp: 0, fn: 0 } });
    assert.ok(Math.abs(r.micro_f1 - 0.8) < 1e-12);
  });

  it('serialises to JSON without NaN or Infinity for empty input of either kind', () => {
    for (const r of [evaluateClassification([], []), evaluateClassification([], [], { multiLabel: true })]) {
      const json = JSON.stringify(r);
      assert.doesNotMatch(json, /NaN|Infinity|null/);
    }
    assert.equal(evaluateClassification([], [], { multiLabel: true }).multi_label, true);
  });

  it('refuses a mix of labels and label sets, naming the example', () => {
    const gold = [['a'], 'b'] as unknown as string[][];
    assert.throws(() => evaluateClassification(gold, [['a'], ['b']]), /example 1 is not a pair of label sets/);
  });
});
