import {
  EKMAN_EMOTIONS,
  EMOTIONS,
  HEAD_OFFSET,
  OUTPUT_COUNT,
  SENTIMENTS,
  scoreLogits,
  type EmotionModel,
  type SigmoidCalibration,
} from '@attune/engine';
import { DENSE_COUNT } from '@attune/engine';
import type { FeaturizedSet } from './featurized-set.ts';

/** Raw logits of every example of a set under a model, row-major [example][output]. */
export function setLogits(model: EmotionModel, set: FeaturizedSet): Float64Array {
  const k = OUTPUT_COUNT;
  const all = new Float64Array(set.size * k);
  const out = new Float64Array(k);
  const sums = new Int32Array(k);
  for (let i = 0; i < set.size; i++) {
    const from = set.offsets[i] as number;
    const to = set.offsets[i + 1] as number;
    scoreLogits(
      model,
      {
        buckets: set.buckets.subarray(from, to),
        count: to - from,
        hashedValue: set.hashedValue[i] as number,
        dense: set.dense.subarray(i * DENSE_COUNT, (i + 1) * DENSE_COUNT),
      },
      out,
      sums,
    );
    all.set(out, i * k);
  }
  return all;
}

/**
 * Platt scaling per class (p = sigmoid(a z + b), fitted by Newton's method on the examples whose source labels
 * that class) and per-class thresholds that maximise F1 after calibration.
 */
export function calibrateSigmoidHead(
  logits: Float64Array,
  set: FeaturizedSet,
  head: 'emotion' | 'ekman',
): SigmoidCalibration {
  const size = head === 'emotion' ? EMOTIONS.length : EKMAN_EMOTIONS.length;
  const offset = HEAD_OFFSET[head];
  const present = head === 'emotion' ? set.emotionPresent : set.ekmanPresent;
  const known = head === 'emotion' ? set.emotionKnown : set.ekmanKnown;
  const a: number[] = [];
  const b: number[] = [];
  const thresholds: number[] = [];
  for (let c = 0; c < size; c++) {
    const zs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < set.size; i++) {
      if ((((known[i] as number) >> c) & 1) === 0) continue;
      zs.push(logits[i * OUTPUT_COUNT + offset + c] as number);
      ys.push(((present[i] as number) >> c) & 1);
    }
    const [ac, bc] = fitPlatt(zs, ys);
    a.push(round(ac));
    b.push(round(bc));
    thresholds.push(
      bestThreshold(
        zs.map((z) => 1 / (1 + Math.exp(-(ac * z + bc)))),
        ys,
      ),
    );
  }
  return { a, b, thresholds };
}

/** Temperature for the sentiment softmax minimising negative log-likelihood on dev. */
export function calibrateSentimentTemperature(logits: Float64Array, set: FeaturizedSet): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 3.001; t += 0.1) {
    let loss = 0;
    let n = 0;
    for (let i = 0; i < set.size; i++) {
      const label = set.sentiment[i] as number;
      if (label < 0) continue;
      const row = i * OUTPUT_COUNT + HEAD_OFFSET.sentiment;
      let max = -Infinity;
      for (let c = 0; c < SENTIMENTS.length; c++) max = Math.max(max, (logits[row + c] as number) / t);
      let total = 0;
      for (let c = 0; c < SENTIMENTS.length; c++) total += Math.exp((logits[row + c] as number) / t - max);
      loss -= (logits[row + label] as number) / t - max - Math.log(total);
      n++;
    }
    if (n > 0 && loss / n < bestLoss) {
      bestLoss = loss / n;
      best = round(t);
    }
  }
  return best;
}

function fitPlatt(zs: readonly number[], ys: readonly number[]): [number, number] {
  if (zs.length === 0) return [1, 0];
  const positives = ys.reduce((s, y) => s + y, 0);
  const negatives = ys.length - positives;
  if (positives === 0 || negatives === 0) return [1, 0];
  // Platt's smoothed targets avoid overconfident fits on small dev sets.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i] as number;
      const t = ys[i] === 1 ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return [a, b];
}

function bestThreshold(ps: readonly number[], ys: readonly number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t <= 0.951; t += 0.025) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < ps.length; i++) {
      const pred = (ps[i] as number) >= t;
      if (pred && ys[i] === 1) tp++;
      else if (pred) fp++;
      else if (ys[i] === 1) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = round(t);
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
