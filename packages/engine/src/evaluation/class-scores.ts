/**
 * Precision, recall and F1 of one class from its counts. Every ratio with a zero denominator is 0, the
 * convention scikit-learn reports with `zero_division=0`, so no NaN can reach a report or a JSON file.
 */
export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** How many examples carry this class in the gold labels. */
  readonly support: number;
}

/** `a / b`, or 0 when `b` is 0 (or the result is not finite). */
export function safeDivide(a: number, b: number): number {
  if (b === 0) return 0;
  const q = a / b;
  return Number.isFinite(q) ? q : 0;
}

/**
 * Scores from true positives, false positives and false negatives.
 *
 * @example
 * ```ts
 * scoresFromCounts(3, 1, 2); // { precision: 0.75, recall: 0.6, f1: 0.666…, support: 5 }
 * ```
 */
export function scoresFromCounts(truePositives: number, falsePositives: number, falseNegatives: number): ClassScores {
  const precision = safeDivide(truePositives, truePositives + falsePositives);
  const recall = safeDivide(truePositives, truePositives + falseNegatives);
  return {
    precision,
    recall,
    // From counts rather than from P and R, which gives the same value without the 0/0 case when both are 0.
    f1: safeDivide(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
    support: truePositives + falseNegatives,
  };
}

/** The mean of the values, 0 for none. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return safeDivide(sum, values.length);
}
