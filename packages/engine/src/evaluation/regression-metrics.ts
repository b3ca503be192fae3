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
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    // Positions i..j (0-based) hold ranks i+1..j+1; their mean is (i + j) / 2 + 1.
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Pearson's correlation; 0 when either side has no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
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
  for (let i = 0; i < gold.length; i++) {
    if (!Number.isFinite(gold[i]) || !Number.isFinite(pred[i])) {
      throw new TypeError(`regressionMetrics: example ${i} is not a pair of finite numbers: ${gold[i]}, ${pred[i]}`);
    }
  }
  const n = gold.length;
  let absErr = 0;
  let within = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(pred[i]! - gold[i]!);
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
