import { safeDivide } from './class-scores.ts';

/** Metrics of a score predictor (a rating, a satisfaction level, a politeness score). */
export interface RegressionMetrics {
  readonly count: number;
  /** Mean absolute error. */
  readonly mae: number;
  /**
   * Spearman's rank correlation, ties given their average rank. 0 when either side is constant (the
   * correlation is undefined there), so a report never carries NaN.
   */
  readonly spearman: number;
  /** Fraction of predictions within 1 of the gold value (inclusive). */
  readonly within1: number;
}

/**
 * Ranks 1..n, tied values sharing the mean of the ranks they occupy.
 *
 * @example
 * ```ts
 * averageRanks([10, 20, 20, 30]); // [1, 2.5, 2.5, 4]
 * ```
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && order[k]?.v === order[start]?.v) continue;
    // Sorted positions start..k-1 (0-based) hold ranks start+1..k; ties share their mean.
    const rank = (start + k + 1) / 2;
    for (const { i } of order.slice(start, k)) ranks[i] = rank;
    start = k;
  }
  return ranks;
}

/** Pearson's correlation of two equally long arrays; 0 when either side has no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = safeDivide(sxy, Math.sqrt(sxx * syy));
  // Rounding can push a perfect correlation a hair past 1.
  return Math.max(-1, Math.min(1, r));
}

/**
 * Scores parallel arrays of gold and predicted numbers.
 * Throws a RangeError when the lengths differ and a TypeError for a value that is not a finite number:
 * both are caller bugs, and silently dropping them would change the figures.
 *
 * @example
 * ```ts
 * regressionMetrics([1, 2, 3], [1, 3, 5]); // { count: 3, mae: 1, spearman: 1, within1: 2 / 3 }
 * ```
 */
export function regressionMetrics(gold: readonly number[], pred: readonly number[]): RegressionMetrics {
  if (gold.length !== pred.length) {
    throw new RangeError(`regressionMetrics: ${gold.length} gold values but ${pred.length} predictions`);
  }
  const n = gold.length;
  let absErr = 0;
  let within = 0;
  for (const [i, g] of gold.entries()) {
    const p = pred[i];
    if (!Number.isFinite(g) || p === undefined || !Number.isFinite(p)) {
      throw new TypeError(`regressionMetrics: example ${i} is not a pair of finite numbers: ${g}, ${p}`);
    }
    const e = Math.abs(p - g);
    absErr += e;
    if (e <= 1) within++;
  }
  return {
    count: n,
    mae: safeDivide(absErr, n),
    spearman: pearson(averageRanks(gold), averageRanks(pred)),
    within1: safeDivide(within, n),
  };
}
