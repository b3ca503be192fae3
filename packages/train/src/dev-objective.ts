import {
  EKMAN_EMOTIONS,
  EMOTIONS,
  HEAD_OFFSET,
  OUTPUT_COUNT,
  SENTIMENTS,
  createMultiLabelTally,
  createSingleLabelTally,
  sigmoid,
  type ModelHeader,
} from '@attune/engine';
import type { FeaturizedSet } from './featurized-set.ts';

export type DevScores = Readonly<
  Record<string, { emotion?: number; ekman?: number; sentiment?: number; count: number }>
>;

/**
 * Macro-F1 of each head on each language's dev examples, with the model's calibration and thresholds: the
 * quantity settings are chosen by. Multi-label heads are scored over the classes each source labels; an empty
 * predicted set falls back to the most probable class.
 */
export function devScores(
  logits: Float64Array,
  set: FeaturizedSet,
  calibration: ModelHeader['calibration'],
): DevScores {
  const langs = [...new Set(set.lang)].sort();
  const result: Record<string, { emotion?: number; ekman?: number; sentiment?: number; count: number }> = {};
  for (const lang of langs) {
    const emotion = createMultiLabelTally();
    const ekman = createMultiLabelTally();
    const sentiment = createSingleLabelTally();
    let count = 0;
    for (let i = 0; i < set.size; i++) {
      if (set.lang[i] !== lang) continue;
      count++;
      const row = i * OUTPUT_COUNT;
      addMulti(
        emotion,
        logits,
        row + HEAD_OFFSET.emotion,
        EMOTIONS,
        set.emotionPresent[i] as number,
        set.emotionKnown[i] as number,
        calibration.emotion,
      );
      addMulti(
        ekman,
        logits,
        row + HEAD_OFFSET.ekman,
        EKMAN_EMOTIONS,
        set.ekmanPresent[i] as number,
        set.ekmanKnown[i] as number,
        calibration.ekman,
      );
      const label = set.sentiment[i] as number;
      if (label >= 0) {
        let best = 0;
        for (let c = 1; c < SENTIMENTS.length; c++)
          if (
            (logits[row + HEAD_OFFSET.sentiment + c] as number) > (logits[row + HEAD_OFFSET.sentiment + best] as number)
          )
            best = c;
        sentiment.add(SENTIMENTS[label] as string, SENTIMENTS[best] as string);
      }
    }
    result[lang] = {
      count,
      ...(emotion.count > 0 ? { emotion: round(emotion.metrics().macroF1) } : {}),
      ...(ekman.count > 0 ? { ekman: round(ekman.metrics().macroF1) } : {}),
      ...(sentiment.count > 0 ? { sentiment: round(sentiment.metrics().macroF1) } : {}),
    };
  }
  return result;
}

/** One number to choose settings by: languages weigh alike, and so do heads within a language. */
export function objective(scores: DevScores, languages: readonly string[] = ['en', 'ru', 'zh']): number {
  const perLang = languages
    .map((l) => scores[l])
    .filter((s) => s !== undefined)
    .map((s) => {
      const heads = [s.emotion, s.ekman, s.sentiment].filter((x): x is number => x !== undefined);
      return heads.reduce((a, b) => a + b, 0) / Math.max(1, heads.length);
    });
  return round(perLang.reduce((a, b) => a + b, 0) / Math.max(1, perLang.length));
}

function addMulti(
  tally: ReturnType<typeof createMultiLabelTally>,
  logits: Float64Array,
  offset: number,
  classes: readonly string[],
  present: number,
  known: number,
  calibration: { readonly a: readonly number[]; readonly b: readonly number[]; readonly thresholds: readonly number[] },
): void {
  if (known === 0) return;
  const gold: string[] = [];
  const pred: string[] = [];
  let best = -1;
  let bestP = -1;
  for (let c = 0; c < classes.length; c++) {
    if (((known >> c) & 1) === 0) continue;
    const p = sigmoid((calibration.a[c] ?? 1) * (logits[offset + c] as number) + (calibration.b[c] ?? 0));
    if ((present >> c) & 1) gold.push(classes[c] as string);
    if (p >= (calibration.thresholds[c] ?? 0.5)) pred.push(classes[c] as string);
    if (p > bestP) {
      bestP = p;
      best = c;
    }
  }
  if (pred.length === 0 && best >= 0) pred.push(classes[best] as string);
  tally.add(gold, pred);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
