import {
  EKMAN_EMOTIONS,
  EMOTIONS,
  SENTIMENTS,
  mapLabels,
  type LabelScheme,
  type MessageAnalysis,
  type TargetSpace,
} from '@attune/engine';
import { jsonTypeOf, type InputIssue } from '../input/input-issue.ts';

/** Where an example's gold labels are read from (see `goldLabels`). */
export interface LabelSource {
  /** `--label-field`: always this field. */
  readonly labelField?: string;
  /** The task's own field, `emotion` or `sentiment`, used when it holds a string. */
  readonly taskField: string;
}

export type GoldResult =
  | { readonly kind: 'labels'; readonly labels: readonly string[] }
  /** The example has no label in the scheme's target space (e.g. GoEmotions' "surprise" under `goemotions`). */
  | { readonly kind: 'unmapped' }
  | { readonly kind: 'issue'; readonly issue: InputIssue };

const TARGET_ORDER: Readonly<Record<TargetSpace, readonly string[]>> = {
  emotion: EMOTIONS,
  ekman: EKMAN_EMOTIONS,
  sentiment: SENTIMENTS,
};

/**
 * The classes a scheme can produce, in the target space's model order: the only classes a prediction
 * may choose from. For `binary` that is negative and positive, so a binary dataset compares
 * P(positive) with P(negative) and never predicts neutral.
 */
export function schemeClasses(scheme: LabelScheme): readonly string[] {
  const produced = new Set<string>(Object.values(scheme.map).filter((v): v is NonNullable<typeof v> => v != null));
  return TARGET_ORDER[scheme.target].filter((c) => produced.has(c));
}

function labelList(value: unknown): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

/**
 * Reads an example's labels and maps them through the scheme. Field choice, in order: `--label-field`
 * if given; the task field (`emotion`/`sentiment`) when it holds a string; else `labels` (a string or
 * an array). So `{"text", "emotion": "anger"}` and the datasets' `{"text", "labels": [...]}` both work,
 * and GoEmotions' derived `"sentiment": [...]` arrays do not shadow its original `labels`.
 */
export function goldLabels(
  example: Readonly<Record<string, unknown>>,
  scheme: LabelScheme,
  source: LabelSource,
): GoldResult {
  let field: string;
  if (source.labelField !== undefined) field = source.labelField;
  else if (typeof example[source.taskField] === 'string') field = source.taskField;
  else field = 'labels';
  if (!Object.hasOwn(example, field)) return { kind: 'issue', issue: { code: 'missing_field', field } };
  const raw = labelList(example[field]);
  if (raw === undefined) {
    return { kind: 'issue', issue: { code: 'not_a_string', field, received: jsonTypeOf(example[field]) } };
  }
  const { mapped, unknown } = mapLabels(scheme, raw);
  if (unknown.length > 0)
    return { kind: 'issue', issue: { code: 'unknown_label', labels: unknown, scheme: scheme.name } };
  if (mapped.length === 0) return { kind: 'unmapped' };
  if (!scheme.multiLabel && mapped.length > 1) {
    return { kind: 'issue', issue: { code: 'several_labels', labels: mapped, scheme: scheme.name } };
  }
  return { kind: 'labels', labels: mapped };
}

/** The analyzer head a target space is compared with: emotions, ekman or sentiment probabilities. */
export function headProbabilities(analysis: MessageAnalysis, target: TargetSpace): Readonly<Record<string, number>> {
  switch (target) {
    case 'emotion':
      return analysis.emotions.probs;
    case 'ekman':
      return analysis.ekman.probs;
    case 'sentiment':
      return analysis.sentiment.probs;
  }
}

/** The most probable of `classes` (the first in order on a tie). Throws for an empty class list (a bad scheme). */
export function predictSingle(probs: Readonly<Record<string, number>>, classes: readonly string[]): string {
  let best: string | undefined;
  let bestP = -Infinity;
  for (const c of classes) {
    const p = probs[c] ?? 0;
    if (p > bestP) {
      best = c;
      bestP = p;
    }
  }
  if (best === undefined) throw new RangeError('predictSingle: no classes to choose from');
  return best;
}

/**
 * Every class of `classes` whose probability reaches its threshold; if none does, the most probable one
 * (an example always has at least one label in these datasets, neutral included).
 */
export function predictMulti(
  probs: Readonly<Record<string, number>>,
  classes: readonly string[],
  thresholds: Readonly<Record<string, number>>,
): readonly string[] {
  const chosen = classes.filter((c) => (probs[c] ?? 0) >= (thresholds[c] ?? 0.5));
  return chosen.length > 0 ? chosen : [predictSingle(probs, classes)];
}
