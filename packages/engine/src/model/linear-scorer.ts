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
 */
export function scoreLogits(
  model: EmotionModel,
  features: ScoringInput,
  out: Float64Array,
  sums: Int32Array,
  /**
   * When given (length >= count * OUTPUT_COUNT), each feature's weight row is copied here while it is in cache, so
   * explaining the result later (cues) reads them sequentially instead of from the weight matrix again.
   */
  rows?: Int8Array,
): void {
  const k = OUTPUT_COUNT;
  const w = model.hashed;
  const buckets = features.buckets;
  // The hot loop: one random row of the weight matrix per feature. The 18 running sums live in locals (registers)
  // rather than an array, which is several times faster in V8. OUTPUT_COUNT is asserted to be 18 below.
  {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0,
      s9 = 0,
      s10 = 0,
      s11 = 0,
      s12 = 0,
      s13 = 0,
      s14 = 0,
      s15 = 0,
      s16 = 0,
      s17 = 0;
    if (rows !== undefined) {
      for (let f = 0, o = 0; f < features.count; f++) {
        const r = (buckets[f] as number) * 18;
        for (let j = 0; j < 18; j++, o++) rows[o] = w[r + j] as number;
      }
    }
    for (let f = 0; f < features.count; f++) {
      const r = (buckets[f] as number) * 18;
      s0 += w[r + 0] as number;
      s1 += w[r + 1] as number;
      s2 += w[r + 2] as number;
      s3 += w[r + 3] as number;
      s4 += w[r + 4] as number;
      s5 += w[r + 5] as number;
      s6 += w[r + 6] as number;
      s7 += w[r + 7] as number;
      s8 += w[r + 8] as number;
      s9 += w[r + 9] as number;
      s10 += w[r + 10] as number;
      s11 += w[r + 11] as number;
      s12 += w[r + 12] as number;
      s13 += w[r + 13] as number;
      s14 += w[r + 14] as number;
      s15 += w[r + 15] as number;
      s16 += w[r + 16] as number;
      s17 += w[r + 17] as number;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
    sums[4] = s4;
    sums[5] = s5;
    sums[6] = s6;
    sums[7] = s7;
    sums[8] = s8;
    sums[9] = s9;
    sums[10] = s10;
    sums[11] = s11;
    sums[12] = s12;
    sums[13] = s13;
    sums[14] = s14;
    sums[15] = s15;
    sums[16] = s16;
    sums[17] = s17;
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

if (OUTPUT_COUNT !== 18)
  throw new Error(`attune: scoreLogits is unrolled for 18 outputs, the model has ${OUTPUT_COUNT}`);

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
