import { mean, safeDivide, scoresFromCounts, type ClassScores } from './class-scores.ts';

/** True positives, false positives and false negatives of one class, one-vs-rest over label sets. */
export interface ClassCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** Metrics of a multi-label classifier: each example has a set of gold and a set of predicted classes. */
export interface MultiLabelMetrics {
  readonly count: number;
  /** Exact-match (subset) accuracy: the predicted set equals the gold set. */
  readonly accuracy: number;
  /** Unweighted mean of per-class F1 over classes with gold support or predictions. */
  readonly macroF1: number;
  /** F1 of the summed counts over all classes. */
  readonly microF1: number;
  readonly perClass: Readonly<Record<string, ClassScores>>;
  readonly counts: Readonly<Record<string, ClassCounts>>;
}

export interface MultiLabelTally {
  /** Adds one example. Duplicates inside a set count once. */
  add(gold: readonly string[], pred: readonly string[]): void;
  readonly count: number;
  metrics(): MultiLabelMetrics;
}

interface MutableCounts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Starts an empty multi-label tally; memory grows with the number of classes, not of examples.
 *
 * @example
 * ```ts
 * const tally = createMultiLabelTally(['joy', 'anger']);
 * tally.add(['joy'], ['joy', 'anger']);
 * tally.metrics().accuracy; // 0 (the sets differ)
 * ```
 */
export function createMultiLabelTally(classes: readonly string[] = []): MultiLabelTally {
  const counts = new Map<string, MutableCounts>();
  const entry = (label: string): MutableCounts => {
    let c = counts.get(label);
    if (c === undefined) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
    }
    return c;
  };
  for (const c of classes) entry(c);
  let count = 0;
  let exact = 0;

  return {
    add(gold, pred) {
      if (!Array.isArray(gold) || !Array.isArray(pred)) {
        throw new TypeError(`multi-label tally: expected two arrays, received ${typeof gold} and ${typeof pred}`);
      }
      const g = new Set(gold);
      const p = new Set(pred);
      count++;
      let same = g.size === p.size;
      for (const label of g) {
        if (p.has(label)) entry(label).tp++;
        else {
          entry(label).fn++;
          same = false;
        }
      }
      for (const label of p) if (!g.has(label)) entry(label).fp++;
      if (same) exact++;
    },
    get count() {
      return count;
    },
    metrics() {
      const perClass: Record<string, ClassScores> = {};
      const out: Record<string, ClassCounts> = {};
      const f1s: number[] = [];
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [label, c] of counts) {
        const scores = scoresFromCounts(c.tp, c.fp, c.fn);
        perClass[label] = scores;
        out[label] = { tp: c.tp, fp: c.fp, fn: c.fn };
        if (c.tp + c.fp + c.fn > 0) f1s.push(scores.f1);
        tp += c.tp;
        fp += c.fp;
        fn += c.fn;
      }
      return {
        count,
        accuracy: safeDivide(exact, count),
        macroF1: mean(f1s),
        microF1: scoresFromCounts(tp, fp, fn).f1,
        perClass,
        counts: out,
      };
    },
  };
}

/** Scores parallel arrays of gold and predicted label sets. Throws a RangeError when their lengths differ. */
export function multiLabelMetrics(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  classes?: readonly string[],
): MultiLabelMetrics {
  if (gold.length !== pred.length) {
    throw new RangeError(`multiLabelMetrics: ${gold.length} gold label sets but ${pred.length} predictions`);
  }
  const tally = createMultiLabelTally(classes);
  for (const [i, g] of gold.entries()) tally.add(g, pred[i] as readonly string[]);
  return tally.metrics();
}
