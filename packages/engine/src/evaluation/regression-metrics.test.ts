import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { averageRanks, regressionMetrics } from './regression-metrics.ts';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} is not ${b}`);

describe('regressionMetrics', () => {
  it('matches a hand count of MAE, Spearman and within-1', () => {
    // errors 0 1 1 2; ranks of pred 1 3 2 4 -> sum d^2 = 2 -> rho = 1 - 6*2 / (4*15) = 0.8
    const m = regressionMetrics([1, 2, 3, 4], [1, 3, 2, 6]);
    assert.equal(m.count, 4);
    close(m.mae, 1);
    close(m.spearman, 0.8);
    close(m.within1, 0.75);
  });

  it('gives tied values their average rank, as scipy.stats.spearmanr does', () => {
    assert.deepEqual(averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
    assert.deepEqual(averageRanks([3, 3, 3]), [2, 2, 2]);
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 2, 3, 4]) = 0.9486832980505138
    close(regressionMetrics([1, 2, 2, 3], [1, 2, 3, 4]).spearman, 0.9486832980505138);
  });

  it('reports a perfect inverse ranking as -1', () => {
    close(regressionMetrics([1, 2, 3], [9, 5, 1]).spearman, -1);
  });

  it('reports Spearman 0, not NaN, when one side is constant or there is no data', () => {
    assert.equal(regressionMetrics([1, 2, 3], [2, 2, 2]).spearman, 0);
    assert.deepEqual(regressionMetrics([], []), { count: 0, mae: 0, spearman: 0, within1: 0 });
  });

  it('refuses NaN and infinite values instead of letting them reach a report', () => {
    assert.throws(() => regressionMetrics([1, NaN], [1, 2]), /example 1 is not a pair of finite numbers/);
    assert.throws(() => regressionMetrics([1], [Infinity]), TypeError);
  });
});
