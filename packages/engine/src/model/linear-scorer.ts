import { OUTPUT_COUNT, type EmotionModel } from './emotion-model.ts';

/** What the scorer reads: `Features` from the extractor, or a row of a pre-featurized training set. */
export interface ScoringInput {
  readonly buckets: ArrayLike<number>;
  readonly count: number;
  readonly hashedValue: number;
  readonly dense: ArrayLike<number>;
}

/**
 * Computes the model's raw output logits for one message into `out` (length OUTPUT_COUNT).
 * The hashed part is summed in integers per output and scaled once, which keeps the inner loop to int adds.
 */
export function scoreLogits(model: EmotionModel, features: ScoringInput, out: Float64Array, sums: Int32Array): void {
  const k = OUTPUT_COUNT;
  const w = model.hashed;
  sums.fill(0);
  const buckets = features.buckets;
  for (let f = 0; f < features.count; f++) {
    const row = (buckets[f] as number) * k;
    for (let j = 0; j < k; j++) sums[j] = (sums[j] as number) + (w[row + j] as number);
  }
  const v = features.hashedValue;
  for (let j = 0; j < k; j++)
    out[j] = (model.bias[j] as number) + (sums[j] as number) * (model.hashedScale[j] as number) * v;
  const dense = features.dense;
  const wd = model.dense;
  for (let d = 0; d < dense.length; d++) {
    const x = dense[d] as number;
    if (x === 0) continue;
    const row = d * k;
    for (let j = 0; j < k; j++) out[j] = (out[j] as number) + x * (wd[row + j] as number);
  }
}

/** The contribution of one hashed feature (by bucket) to one output's logit. */
export function hashedWeight(model: EmotionModel, bucket: number, output: number): number {
  return (model.hashed[bucket * OUTPUT_COUNT + output] as number) * (model.hashedScale[output] as number);
}

export function denseWeight(model: EmotionModel, feature: number, output: number): number {
  return model.dense[feature * OUTPUT_COUNT + output] as number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
