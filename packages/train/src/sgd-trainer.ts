import { DENSE_COUNT, EKMAN_EMOTIONS, EMOTIONS, HEAD_OFFSET, OUTPUT_COUNT, SENTIMENTS } from '@attune/engine';
import type { FeaturizedSet } from './featurized-set.ts';

export interface TrainSettings {
  readonly epochs: number;
  /** AdaGrad base learning rate. */
  readonly learningRate: number;
  /** L2 penalty applied to the weights an example touches. */
  readonly l2: number;
  /**
   * Probability of training an example on its dense (lexicon and surface) features alone. Forces those
   * language-independent features to carry signal by themselves, which is what transfers to languages with
   * little training data.
   */
  readonly hashedDropout: number;
  /** Weight of each training example by language (missing languages weigh 1). */
  readonly languageWeight: Readonly<Record<string, number>>;
  /**
   * Extra weight per source, multiplied with the language weight. Attune's own corpus is small but is the only
   * data written as customer-service messages, so it can be weighted up.
   */
  readonly sourceWeight?: Readonly<Record<string, number>>;
  readonly seed: number;
}

/** Float weights during training; quantized when the model is built. */
export interface FloatWeights {
  readonly buckets: number;
  readonly hashed: Float32Array;
  readonly dense: Float32Array;
  readonly bias: Float32Array;
}

const EMO = HEAD_OFFSET.emotion;
const EKM = HEAD_OFFSET.ekman;
const SEN = HEAD_OFFSET.sentiment;

/**
 * Trains the shared linear layer with AdaGrad on a multi-task loss: binary cross-entropy for each known class of
 * the two multi-label heads, softmax cross-entropy for sentiment. Deterministic for a given seed.
 */
export function trainLinear(
  set: FeaturizedSet,
  buckets: number,
  settings: TrainSettings,
  onEpoch?: (epoch: number, loss: number) => void,
): FloatWeights {
  const k = OUTPUT_COUNT;
  const hashed = new Float32Array(buckets * k);
  const hashedG = new Float32Array(buckets * k);
  const dense = new Float32Array(DENSE_COUNT * k);
  const denseG = new Float32Array(DENSE_COUNT * k);
  const bias = new Float32Array(k);
  const biasG = new Float32Array(k);
  const z = new Float64Array(k);
  const g = new Float64Array(k);
  const rng = mulberry32(settings.seed);
  const order = Int32Array.from({ length: set.size }, (_, i) => i);
  const weight = Float32Array.from(
    set.lang,
    (l, i) => (settings.languageWeight[l] ?? 1) * (settings.sourceWeight?.[set.source[i] as string] ?? 1),
  );
  const eps = 1e-8;
  const lr = settings.learningRate;
  const l2 = settings.l2;

  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffle(order, rng);
    let loss = 0;
    for (let o = 0; o < order.length; o++) {
      const i = order[o] as number;
      const useHashed = rng() >= settings.hashedDropout;
      const from = set.offsets[i] as number;
      const to = set.offsets[i + 1] as number;
      const v = set.hashedValue[i] as number;
      const denseRow = i * DENSE_COUNT;
      // Forward.
      for (let j = 0; j < k; j++) z[j] = bias[j] as number;
      if (useHashed) {
        for (let f = from; f < to; f++) {
          const row = (set.buckets[f] as number) * k;
          for (let j = 0; j < k; j++) z[j] = (z[j] as number) + (hashed[row + j] as number) * v;
        }
      }
      for (let d = 0; d < DENSE_COUNT; d++) {
        const x = set.dense[denseRow + d] as number;
        if (x === 0) continue;
        const row = d * k;
        for (let j = 0; j < k; j++) z[j] = (z[j] as number) + (dense[row + j] as number) * x;
      }
      // Gradient of the loss with respect to each output logit.
      g.fill(0);
      const w = weight[i] as number;
      loss += sigmoidHeadGradient(
        z,
        g,
        EMO,
        EMOTIONS.length,
        set.emotionPresent[i] as number,
        set.emotionKnown[i] as number,
        w,
      );
      loss += sigmoidHeadGradient(
        z,
        g,
        EKM,
        EKMAN_EMOTIONS.length,
        set.ekmanPresent[i] as number,
        set.ekmanKnown[i] as number,
        w,
      );
      const s = set.sentiment[i] as number;
      if (s >= 0) loss += softmaxHeadGradient(z, g, SEN, SENTIMENTS.length, s, w);
      // Backward with AdaGrad.
      for (let j = 0; j < k; j++) {
        const gj = g[j] as number;
        if (gj === 0) continue;
        biasG[j] = (biasG[j] as number) + gj * gj;
        bias[j] = (bias[j] as number) - (lr * gj) / Math.sqrt((biasG[j] as number) + eps);
      }
      if (useHashed) {
        for (let f = from; f < to; f++) {
          const row = (set.buckets[f] as number) * k;
          for (let j = 0; j < k; j++) {
            const gj = g[j] as number;
            if (gj === 0) continue;
            const idx = row + j;
            const grad = gj * v + l2 * (hashed[idx] as number);
            hashedG[idx] = (hashedG[idx] as number) + grad * grad;
            hashed[idx] = (hashed[idx] as number) - (lr * grad) / Math.sqrt((hashedG[idx] as number) + eps);
          }
        }
      }
      for (let d = 0; d < DENSE_COUNT; d++) {
        const x = set.dense[denseRow + d] as number;
        if (x === 0) continue;
        const row = d * k;
        for (let j = 0; j < k; j++) {
          const gj = g[j] as number;
          if (gj === 0) continue;
          const idx = row + j;
          const grad = gj * x + l2 * (dense[idx] as number);
          denseG[idx] = (denseG[idx] as number) + grad * grad;
          dense[idx] = (dense[idx] as number) - (lr * grad) / Math.sqrt((denseG[idx] as number) + eps);
        }
      }
    }
    onEpoch?.(epoch, loss / Math.max(1, set.size));
  }
  return { buckets, hashed, dense, bias };
}

function sigmoidHeadGradient(
  z: Float64Array,
  g: Float64Array,
  offset: number,
  size: number,
  present: number,
  known: number,
  w: number,
): number {
  if (known === 0) return 0;
  let loss = 0;
  for (let c = 0; c < size; c++) {
    if (((known >> c) & 1) === 0) continue;
    const y = (present >> c) & 1;
    const zc = z[offset + c] as number;
    const p = 1 / (1 + Math.exp(-zc));
    g[offset + c] = w * (p - y);
    loss += w * (y === 1 ? -Math.log(p + 1e-12) : -Math.log(1 - p + 1e-12));
  }
  return loss;
}

function softmaxHeadGradient(
  z: Float64Array,
  g: Float64Array,
  offset: number,
  size: number,
  label: number,
  w: number,
): number {
  let max = -Infinity;
  for (let c = 0; c < size; c++) max = Math.max(max, z[offset + c] as number);
  let total = 0;
  for (let c = 0; c < size; c++) total += Math.exp((z[offset + c] as number) - max);
  let loss = 0;
  for (let c = 0; c < size; c++) {
    const p = Math.exp((z[offset + c] as number) - max) / total;
    g[offset + c] = w * (p - (c === label ? 1 : 0));
    if (c === label) loss = -w * Math.log(p + 1e-12);
  }
  return loss;
}

function shuffle(a: Int32Array, rng: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

/** Small seeded PRNG so training is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
