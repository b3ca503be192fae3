import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { multiLabelMetrics } from './multi-label-metrics.ts';

const close = (a: number | undefined, b: number): void =>
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${a} is not ${b}`);

describe('multiLabelMetrics', () => {
  // Hand count, one-vs-rest:
  // a: ex0 tp, ex1 tp, ex2 fp          -> tp 2 fp 1 fn 0: P 2/3, R 1, F1 0.8
  // b: ex1 fn, ex2 tp                  -> tp 1 fp 0 fn 1: P 1, R 0.5, F1 2/3
  // exact sets: ex0 yes, ex1 no, ex2 no, ex3 yes (both empty) -> 0.5
  // micro: tp 3 fp 1 fn 1 -> F1 6/8
  const gold = [['a'], ['a', 'b'], ['b'], []];
  const pred = [['a'], ['a'], ['b', 'a'], []];

  it('matches a hand count of per-class scores, subset accuracy, macro- and micro-F1', () => {
    const m = multiLabelMetrics(gold, pred);
    assert.equal(m.count, 4);
    close(m.accuracy, 0.5);
    close(m.perClass['a']?.precision, 2 / 3);
    close(m.perClass['a']?.recall, 1);
    close(m.perClass['a']?.f1, 0.8);
    assert.equal(m.perClass['a']?.support, 2);
    close(m.perClass['b']?.f1, 2 / 3);
    assert.equal(m.perClass['b']?.support, 2);
    close(m.macroF1, (0.8 + 2 / 3) / 2);
    close(m.microF1, 0.75);
    assert.deepEqual(m.counts, { a: { tp: 2, fp: 1, fn: 0 }, b: { tp: 1, fp: 0, fn: 1 } });
  });

  it('treats label order and repeats inside a set as irrelevant', () => {
    const m = multiLabelMetrics([['a', 'b', 'a']], [['b', 'a']]);
    assert.equal(m.accuracy, 1);
    assert.deepEqual(m.counts, { a: { tp: 1, fp: 0, fn: 0 }, b: { tp: 1, fp: 0, fn: 0 } });
  });

  it('lists declared classes that never occur with zeros but leaves them out of macro-F1', () => {
    const m = multiLabelMetrics(gold, pred, ['z', 'a', 'b']);
    assert.deepEqual(Object.keys(m.perClass), ['z', 'a', 'b']);
    assert.deepEqual(m.perClass['z'], { precision: 0, recall: 0, f1: 0, support: 0 });
    close(m.macroF1, (0.8 + 2 / 3) / 2);
  });

  it('gives zeros, not NaN, for no examples and for only empty sets', () => {
    for (const m of [multiLabelMetrics([], []), multiLabelMetrics([[]], [[]])]) {
      assert.equal(m.macroF1, 0);
      assert.equal(m.microF1, 0);
      assert.ok(!Number.isNaN(m.accuracy));
    }
    assert.equal(multiLabelMetrics([[]], [[]]).accuracy, 1);
  });

  it('refuses arrays of different lengths', () => {
    assert.throws(() => multiLabelMetrics([['a']], []), /1 gold label sets but 0 predictions/);
  });
});
