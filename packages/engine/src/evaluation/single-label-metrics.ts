import { mean, scoresFromCounts, type ClassScores } from './class-scores.ts';

/** Metrics of a single-label classifier: each example has exactly one gold and one predicted class. */
export interface SingleLabelMetrics {
  readonly count: number;
  /** Fraction of examples whose prediction equals the gold class. */
  readonly accuracy: number;
  /**
   * Unweighted mean F1 over the classes that occur in the gold labels or the predictions. Classes that
   * were only declared (never seen, never predicted) are listed in `perClass` but do not drag the mean down.
   */
  readonly macroF1: number;
  readonly perClass: Readonly<Record<string, ClassScores>>;
  /** `confusion[gold][pred]` = how many examples of class `gold` were predicted as `pred`. Zero cells are omitted. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Adds examples one at a time, so a stream of any length is scored in memory proportional to the classes. */
export interface SingleLabelTally {
  add(gold: string, pred: string): void;
  readonly count: number;
  metrics(): SingleLabelMetrics;
}

/**
 * Starts an empty tally. `classes` fixes the order (and presence) of classes in the result; classes
 * met later are appended in first-seen order.
 *
 * @example
 * ```ts
 * const tally = createSingleLabelTally(['negative', 'positive']);
 * tally.add('positive', 'positive');
 * tally.add('negative', 'positive');
 * tally.metrics().accuracy; // 0.5
 * ```
 */
export function createSingleLabelTally(classes: readonly string[] = []): SingleLabelTally {
  const order: string[] = [];
  const known = new Set<string>();
  const confusion = new Map<string, Map<string, number>>();
  let count = 0;
  let correct = 0;
  const remember = (label: string): void => {
    if (!known.has(label)) {
      known.add(label);
      order.push(label);
    }
  };
  for (const c of classes) remember(c);

  return {
    add(gold, pred) {
      if (typeof gold !== 'string' || typeof pred !== 'string') {
        throw new TypeError(`single-label tally: expected two strings, received ${typeof gold} and ${typeof pred}`);
      }
      remember(gold);
      remember(pred);
      count++;
      if (gold === pred) correct++;
      let row = confusion.get(gold);
      if (row === undefined) {
        row = new Map();
        confusion.set(gold, row);
      }
      row.set(pred, (row.get(pred) ?? 0) + 1);
    },
    get count() {
      return count;
    },
    metrics() {
      const support = new Map<string, number>();
      const predicted = new Map<string, number>();
      for (const [gold, row] of confusion) {
        for (const [pred, n] of row) {
          support.set(gold, (support.get(gold) ?? 0) + n);
          predicted.set(pred, (predicted.get(pred) ?? 0) + n);
        }
      }
      const perClass: Record<string, ClassScores> = {};
      const f1s: number[] = [];
      for (const label of order) {
        const tp = confusion.get(label)?.get(label) ?? 0;
        const sup = support.get(label) ?? 0;
        const pre = predicted.get(label) ?? 0;
        const scores = scoresFromCounts(tp, pre - tp, sup - tp);
        perClass[label] = scores;
        if (sup > 0 || pre > 0) f1s.push(scores.f1);
      }
      const matrix: Record<string, Record<string, number>> = {};
      for (const gold of order) {
        const row = confusion.get(gold);
        if (row === undefined) continue;
        const out: Record<string, number> = {};
        for (const pred of order) {
          const n = row.get(pred);
          if (n !== undefined) out[pred] = n;
        }
        matrix[gold] = out;
      }
      return {
        count,
        accuracy: count === 0 ? 0 : correct / count,
        macroF1: mean(f1s),
        perClass,
        confusion: matrix,
      };
    },
  };
}

/**
 * Scores parallel arrays of gold and predicted classes.
 * Throws a RangeError when the arrays differ in length (a caller bug, not a data problem).
 */
export function singleLabelMetrics(
  gold: readonly string[],
  pred: readonly string[],
  classes?: readonly string[],
): SingleLabelMetrics {
  if (gold.length !== pred.length) {
    throw new RangeError(`singleLabelMetrics: ${gold.length} gold labels but ${pred.length} predictions`);
  }
  const tally = createSingleLabelTally(classes);
  for (const [i, g] of gold.entries()) tally.add(g, pred[i] as string);
  return tally.metrics();
}
