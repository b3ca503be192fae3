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
 * quantity settings are chosen by. Each source's dev split is scored on its own and the sources of a language are
 * averaged, so that a small customer-service set counts as much as a large Reddit one. Multi-label heads are scored
 * over the classes each source labels; an empty predicted set falls back to the most probable class.
 */
export function devScores(
  logits: Float64Array,
  set: FeaturizedSet,
  calibration: ModelHeader['calibration'],
): DevScores {
  const langs = [...new Set(set.lang)].sort();
  const result: Record<string, { emotion?: number; ekman?: number; sentiment?: number; count: number }> = {};
  for (const lang of langs) {
    const heads: Record<'emotion' | 'ekman' | 'sentiment', number[]> = { emotion: [], ekman: [], sentiment: [] };
    let count = 0;
    for (const source of [...new Set(set.source)].sort()) {
      const emotion = createMultiLabelTally();
      const ekman = createMultiLabelTally();
      const sentiment = createSingleLabelTally();
      for (let i = 0; i < set.size; i++) {
        if (set.lang[i] !== lang || set.source[i] !== source) continue;
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
              (logits[row + HEAD_OFFSET.sentiment + c] as number) >
              (logits[row + HEAD_OFFSET.sentiment + best] as number)
            )
              best = c;
          sentiment.add(SENTIMENTS[label] as string, SENTIMENTS[best] as string);
        }
      }
      // Sources with a handful of examples in a language (e.g. XED's few stray lines) would only add noise.
      if (emotion.count >= 30) heads.emotion.push(emotion.metrics().macroF1);
      if (ekman.count >= 30) heads.ekman.push(ekman.metrics().macroF1);
      if (sentiment.count >= 30) heads.sentiment.push(sentiment.metrics().macroF1);
    }
    const avg = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
    result[lang] = {
      count,
      ...(heads.emotion.length > 0 ? { emotion: avg(heads.emotion) } : {}),
      ...(heads.ekman.length > 0 ? { ekman: avg(heads.ekman) } : {}),
      ...(heads.sentiment.length > 0 ? { sentiment: avg(heads.sentiment) } : {}),
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
