import { DENSE_COUNT, type FeatureExtractor } from '@attune/engine';
import type { TrainingExample } from './load-examples.ts';

/**
 * Examples turned into features once, in flat typed arrays, so every training epoch and every dev pass reuses
 * them. Multi-label targets are bitmasks (at most 16 classes per head).
 */
export interface FeaturizedSet {
  readonly size: number;
  /** Hashed feature bucket ids of example i are buckets[offsets[i] .. offsets[i+1]). */
  readonly offsets: Int32Array;
  readonly buckets: Int32Array;
  readonly hashedValue: Float32Array;
  /** Dense features, row-major [example][feature]. */
  readonly dense: Float32Array;
  readonly emotionPresent: Uint16Array;
  readonly emotionKnown: Uint16Array;
  readonly ekmanPresent: Uint16Array;
  readonly ekmanKnown: Uint16Array;
  /** Sentiment class index, -1 when unlabelled. */
  readonly sentiment: Int8Array;
  readonly lang: readonly string[];
  readonly source: readonly string[];
}

export function featurize(examples: readonly TrainingExample[], extractor: FeatureExtractor): FeaturizedSet {
  const n = examples.length;
  const offsets = new Int32Array(n + 1);
  let buckets = new Int32Array(Math.max(1024, n * 64));
  const hashedValue = new Float32Array(n);
  const dense = new Float32Array(n * DENSE_COUNT);
  const emotionPresent = new Uint16Array(n);
  const emotionKnown = new Uint16Array(n);
  const ekmanPresent = new Uint16Array(n);
  const ekmanKnown = new Uint16Array(n);
  const sentiment = new Int8Array(n).fill(-1);
  let at = 0;
  examples.forEach((example, i) => {
    const f = extractor.extract(example.text, false);
    if (at + f.count > buckets.length) {
      const grown = new Int32Array(Math.max(buckets.length * 2, at + f.count));
      grown.set(buckets);
      buckets = grown;
    }
    buckets.set(f.buckets.subarray(0, f.count), at);
    at += f.count;
    offsets[i + 1] = at;
    hashedValue[i] = f.hashedValue;
    dense.set(f.dense, i * DENSE_COUNT);
    if (example.emotion) {
      emotionPresent[i] = bits(example.emotion.present);
      emotionKnown[i] = bits(example.emotion.known);
    }
    if (example.ekman) {
      ekmanPresent[i] = bits(example.ekman.present);
      ekmanKnown[i] = bits(example.ekman.known);
    }
    if (example.sentiment !== undefined) sentiment[i] = example.sentiment;
  });
  return {
    size: n,
    offsets,
    buckets: buckets.slice(0, at),
    hashedValue,
    dense,
    emotionPresent,
    emotionKnown,
    ekmanPresent,
    ekmanKnown,
    sentiment,
    lang: examples.map((e) => e.lang),
    source: examples.map((e) => e.source),
  };
}

function bits(indices: readonly number[]): number {
  let mask = 0;
  for (const i of indices) mask |= 1 << i;
  return mask;
}
