import type { ClassScores } from './class-scores.ts';
import { createMultiLabelTally, type ClassCounts, type MultiLabelMetrics } from './multi-label-metrics.ts';
import { createSingleLabelTally, type SingleLabelMetrics } from './single-label-metrics.ts';

/**
 * The wire form of classification metrics, as `attune eval` prints them and training logs them.
 * Keys are snake_case because this object is a documented file format (docs/cli.md), not an API type.
 */
export interface SingleLabelReport {
  readonly multi_label: false;
  readonly count: number;
  readonly accuracy: number;
  readonly macro_f1: number;
  readonly per_class: Readonly<Record<string, ClassScores>>;
  /** `confusion[gold][pred]`, zero cells omitted. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface MultiLabelReport {
  readonly multi_label: true;
  readonly count: number;
  /** Exact-match (subset) accuracy. */
  readonly accuracy: number;
  readonly macro_f1: number;
  readonly micro_f1: number;
  readonly per_class: Readonly<Record<string, ClassScores>>;
  /** One-vs-rest counts per class (a multi-label task has no single confusion matrix). */
  readonly counts: Readonly<Record<string, ClassCounts>>;
}

export type ClassificationReport = SingleLabelReport | MultiLabelReport;

export interface EvaluateClassificationOptions {
  /** The label space, in display order; classes never seen are still listed (with zeros). */
  readonly classes?: readonly string[];
  /** Decides the kind for empty input, where the arrays' element type cannot tell. */
  readonly multiLabel?: boolean;
}

export function singleLabelReport(m: SingleLabelMetrics): SingleLabelReport {
  return {
    multi_label: false,
    count: m.count,
    accuracy: m.accuracy,
    macro_f1: m.macroF1,
    per_class: m.perClass,
    confusion: m.confusion,
  };
}

export function multiLabelReport(m: MultiLabelMetrics): MultiLabelReport {
  return {
    multi_label: true,
    count: m.count,
    accuracy: m.accuracy,
    macro_f1: m.macroF1,
    micro_f1: m.microF1,
    per_class: m.perClass,
    counts: m.counts,
  };
}

/**
 * Scores gold against predicted labels: strings for a single-label task, arrays of strings (label sets) for
 * a multi-label one. Throws a RangeError when the lengths differ and a TypeError when the two arrays mix
 * strings and sets.
 *
 * @example
 * ```ts
 * evaluateClassification(['pos', 'neg', 'neg'], ['pos', 'pos', 'neg']).macro_f1; // 0.666…
 * evaluateClassification([['joy'], ['anger', 'joy']], [['joy'], ['anger']]).accuracy; // 0.5
 * ```
 */
export function evaluateClassification(
  gold: readonly string[],
  pred: readonly string[],
  options?: EvaluateClassificationOptions,
): SingleLabelReport;
export function evaluateClassification(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  options?: EvaluateClassificationOptions,
): MultiLabelReport;
export function evaluateClassification(
  gold: readonly (string | readonly string[])[],
  pred: readonly (string | readonly string[])[],
  options: EvaluateClassificationOptions = {},
): ClassificationReport {
  if (gold.length !== pred.length) {
    throw new RangeError(`evaluateClassification: ${gold.length} gold labels but ${pred.length} predictions`);
  }
  const multi = gold.length === 0 ? options.multiLabel === true : Array.isArray(gold[0]);
  if (multi) {
    const tally = createMultiLabelTally(options.classes);
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i];
      const p = pred[i];
      if (!Array.isArray(g) || !Array.isArray(p)) {
        throw new TypeError(`evaluateClassification: example ${i} is not a pair of label sets like the first one`);
      }
      tally.add(g, p);
    }
    return multiLabelReport(tally.metrics());
  }
  const tally = createSingleLabelTally(options.classes);
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = pred[i];
    if (typeof g !== 'string' || typeof p !== 'string') {
      throw new TypeError(`evaluateClassification: example ${i} is not a pair of labels like the first one`);
    }
    tally.add(g, p);
  }
  return singleLabelReport(tally.metrics());
}
