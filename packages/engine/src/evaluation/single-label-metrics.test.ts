import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSingleLabelTally, singleLabelMetrics } from './single-label-metrics.ts';
import { createMultiLabelTally } from './multi-label-metrics.ts';

const close = (a: number | undefined, b: number): void =>
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${a} is not ${b}`);

describe('singleLabelMetrics', () => {
  // gold a a a b b c / pred a a b b c c, counted by hand:
  // a: tp 2, predicted 2, support 3 -> P 1, R 2/3, F1 0.8
  // b: tp 1, predicted 2, support 2 -> P 0.5, R 0.5, F1 0.5
  // c: tp 1, predicted 2, support 1 -> P 0.5, R 1, F1 2/3
  const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
  const pred = ['a', 'a', 'b', 'b', 'c', 'c'];

  it('matches a hand count of accuracy, per-class scores and macro-F1', () => {
    const m = singleLabelMetrics(gold, pred);
    assert.equal(m.count, 6);
    close(m.accuracy, 4 / 6);
    close(m.perClass['a']?.precision, 1);
    close(m.perClass['a']?.recall, 2 / 3);
    close(m.perClass['a']?.f1, 0.8);
    assert.equal(m.perClass['a']?.support, 3);
    close(m.perClass['b']?.f1, 0.5);
    close(m.perClass['c']?.precision, 0.5);
    close(m.perClass['c']?.recall, 1);
    close(m.macroF1, (0.8 + 0.5 + 2 / 3) / 3);
  });

  it('builds the confusion matrix as gold -> predicted -> count, leaving out empty cells', () => {
    assert.deepEqual(singleLabelMetrics(gold, pred).confusion, {
      a: { a: 2, b: 1 },
      b: { b: 1, c: 1 },
      c: { c: 1 },
    });
  });

  it('lists declared classes that never occur with zeros but leaves them out of macro-F1', () => {
    const m = singleLabelMetrics(gold, pred, ['d', 'c', 'b', 'a']);
    assert.deepEqual(Object.keys(m.perClass), ['d', 'c', 'b', 'a']);
    assert.deepEqual(m.perClass['d'], { precision: 0, recall: 0, f1: 0, support: 0 });
    close(m.macroF1, (0.8 + 0.5 + 2 / 3) / 3);
  });

  it('counts a class that is only ever predicted, wrongly, in macro-F1 with F1 0', () => {
    const m = singleLabelMetrics(['a', 'a'], ['a', 'x']);
    assert.deepEqual(m.perClass['x'], { precision: 0, recall: 0, f1: 0, support: 0 });
    close(m.macroF1, (2 / 3 + 0) / 2);
  });

  it('gives zeros, not NaN, for no examples at all', () => {
    const m = singleLabelMetrics([], [], ['a']);
    assert.equal(m.count, 0);
    assert.equal(m.accuracy, 0);
    assert.equal(m.macroF1, 0);
    assert.deepEqual(m.confusion, {});
  });

  it('refuses arrays of different lengths, saying what it received', () => {
    assert.throws(() => singleLabelMetrics(['a'], []), /1 gold labels but 0 predictions/);
  });

  it('stays within [0, 1], never NaN, and its confusion matrix adds up to the count, for any labels', () => {
    const label = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { maxLength: 60 }), (pairs) => {
        const tally = createSingleLabelTally(['a', 'b']);
        for (const [g, p] of pairs) tally.add(g, p);
        const m = tally.metrics();
        for (const x of [
          m.accuracy,
          m.macroF1,
          ...Object.values(m.perClass).flatMap((s) => [s.precision, s.recall, s.f1]),
        ]) {
          assert.ok(x >= 0 && x <= 1, `out of range: ${x}`);
        }
        const total = Object.values(m.confusion).reduce(
          (s, row) => s + Object.values(row).reduce((a, b) => a + b, 0),
          0,
        );
        assert.equal(total, pairs.length);
      }),
    );
  });

  it('agrees with micro-F1 of the multi-label tally fed one label per example (both equal accuracy)', () => {
    const label = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 40 }), (pairs) => {
        const single = createSingleLabelTally();
        const multi = createMultiLabelTally();
        for (const [g, p] of pairs) {
          single.add(g, p);
          multi.add([g], [p]);
        }
        close(multi.metrics().microF1, single.metrics().accuracy);
        close(multi.metrics().macroF1, single.metrics().macroF1);
      }),
    );
  });
});
