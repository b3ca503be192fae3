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
      // Same sums, also keeping each row for the cues while it is in cache.
      for (let f = 0, o = 0; f < features.count; f++, o += 18) {
        const r = (buckets[f] as number) * 18;
        const x0 = w[r + 0] as number;
        s0 += x0;
        rows[o + 0] = x0;
        const x1 = w[r + 1] as number;
        s1 += x1;
        rows[o + 1] = x1;
        const x2 = w[r + 2] as number;
        s2 += x2;
        rows[o + 2] = x2;
        const x3 = w[r + 3] as number;
        s3 += x3;
        rows[o + 3] = x3;
        const x4 = w[r + 4] as number;
        s4 += x4;
        rows[o + 4] = x4;
        const x5 = w[r + 5] as number;
        s5 += x5;
        rows[o + 5] = x5;
        const x6 = w[r + 6] as number;
        s6 += x6;
        rows[o + 6] = x6;
        const x7 = w[r + 7] as number;
        s7 += x7;
        rows[o + 7] = x7;
        const x8 = w[r + 8] as number;
        s8 += x8;
        rows[o + 8] = x8;
        const x9 = w[r + 9] as number;
        s9 += x9;
        rows[o + 9] = x9;
        const x10 = w[r + 10] as number;
        s10 += x10;
        rows[o + 10] = x10;
        const x11 = w[r + 11] as number;
        s11 += x11;
        rows[o + 11] = x11;
        const x12 = w[r + 12] as number;
        s12 += x12;
        rows[o + 12] = x12;
        const x13 = w[r + 13] as number;
        s13 += x13;
        rows[o + 13] = x13;
        const x14 = w[r + 14] as number;
        s14 += x14;
        rows[o + 14] = x14;
        const x15 = w[r + 15] as number;
        s15 += x15;
        rows[o + 15] = x15;
        const x16 = w[r + 16] as number;
        s16 += x16;
        rows[o + 16] = x16;
        const x17 = w[r + 17] as number;
        s17 += x17;
        rows[o + 17] = x17;
      }
    } else
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
