import { EKMAN_EMOTIONS, EMOTIONS, SENTIMENTS } from '../emotion/taxonomy.ts';
import { DENSE_COUNT } from '../features/dense-features.ts';
import { FEATURE_SCHEME, type FeaturizerConfig } from '../features/feature-extractor.ts';
import type { LexiconBundle } from '../lexicon/lexicon-index.ts';

/**
 * Attune's emotion model: one linear layer over hashed n-gram features and dense lexicon/surface features, with
 * three heads sharing it — Attune's 8 emotions and Ekman's 7 (independent sigmoids, multi-label) and sentiment
 * (softmax). Hashed weights are int8 with one scale per output; everything else is float32.
 */
export const OUTPUTS = [
  ...EMOTIONS.map((e) => `emotion:${e}`),
  ...EKMAN_EMOTIONS.map((e) => `ekman:${e}`),
  ...SENTIMENTS.map((s) => `sentiment:${s}`),
] as const;
export const OUTPUT_COUNT = OUTPUTS.length;
/** Where each head's outputs start in the output vector. */
export const HEAD_OFFSET = {
  emotion: 0,
  ekman: EMOTIONS.length,
  sentiment: EMOTIONS.length + EKMAN_EMOTIONS.length,
} as const;

/** Per-class Platt scaling, p = sigmoid(a * logit + b), fitted on dev splits. */
export interface SigmoidCalibration {
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** Per-class decision thresholds for multi-label prediction, chosen on dev splits to maximise each class's F1. */
  readonly thresholds: readonly number[];
}

export interface ModelHeader {
  readonly format: 'attune-linear';
  readonly formatVersion: 1;
  readonly id: string;
  readonly version: string;
  readonly profile: string;
  readonly createdAt: string;
  readonly featurizer: FeaturizerConfig;
  readonly denseCount: number;
  readonly outputs: readonly string[];
  readonly calibration: {
    readonly emotion: SigmoidCalibration;
    readonly ekman: SigmoidCalibration;
    /** Softmax temperature for sentiment. */
    readonly sentimentTemperature: number;
  };
  /** The lexicons the model was trained with: the analyzer matches exactly these. */
  readonly lexicons: LexiconBundle;
  /** Free-form training provenance (datasets, settings, dev figures) for the model card. */
  readonly training: Readonly<Record<string, unknown>>;
}

export interface EmotionModel {
  readonly header: ModelHeader;
  /** int8 weights, row-major [bucket][output]. */
  readonly hashed: Int8Array;
  /** One scale per output: real weight = hashed * scale. */
  readonly hashedScale: Float32Array;
  /** Dense weights, row-major [feature][output]. */
  readonly dense: Float32Array;
  readonly bias: Float32Array;
}

const MAGIC = [0x41, 0x54, 0x4e, 0x4d]; // "ATNM"

/** Serialises a model to bytes (the `.model` file format). */
export function encodeModel(model: EmotionModel): Uint8Array {
  const json = asciiJson(model.header);
  const headerEnd = 8 + json.length;
  const floatsStart = align4(headerEnd);
  const k = OUTPUT_COUNT;
  const floatCount = k + k + model.header.denseCount * k;
  const hashedStart = floatsStart + floatCount * 4;
  const bytes = new Uint8Array(hashedStart + model.hashed.length);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, json.length, true);
  for (let i = 0; i < json.length; i++) bytes[8 + i] = json.charCodeAt(i);
  let at = floatsStart;
  for (const arr of [model.hashedScale, model.bias, model.dense]) {
    for (let i = 0; i < arr.length; i++, at += 4) view.setFloat32(at, arr[i] as number, true);
  }
  bytes.set(new Uint8Array(model.hashed.buffer, model.hashed.byteOffset, model.hashed.length), hashedStart);
  return bytes;
}

export type DecodeResult =
  { readonly ok: true; readonly value: EmotionModel } | { readonly ok: false; readonly error: string };

/** Reads a `.model` file's bytes. A file that is not an Attune model gives a clear error, never a crash. */
export function decodeModel(bytes: Uint8Array): DecodeResult {
  if (bytes.length < 8 || MAGIC.some((m, i) => bytes[i] !== m))
    return { ok: false, error: 'not an Attune model file (bad magic bytes)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) return { ok: false, error: 'truncated model file (header)' };
  let json = '';
  for (let i = 0; i < headerLength; i += 8192) {
    json += String.fromCharCode(...bytes.subarray(8 + i, 8 + Math.min(headerLength, i + 8192)));
  }
  let header: ModelHeader;
  try {
    header = JSON.parse(json) as ModelHeader;
  } catch {
    return { ok: false, error: 'corrupt model header (invalid JSON)' };
  }
  if (header.format !== 'attune-linear' || header.formatVersion !== 1) {
    return { ok: false, error: `unsupported model format ${String(header.format)} v${String(header.formatVersion)}` };
  }
  if (header.featurizer?.scheme !== FEATURE_SCHEME) {
    return {
      ok: false,
      error: `model was trained with feature scheme ${String(header.featurizer?.scheme)}, this engine reads scheme ${FEATURE_SCHEME} (retrain the model)`,
    };
  }
  if (header.outputs.join() !== OUTPUTS.join())
    return { ok: false, error: 'model outputs do not match this engine (retrain the model)' };
  if (header.denseCount !== DENSE_COUNT)
    return {
      ok: false,
      error: `model has ${header.denseCount} dense features, this engine ${DENSE_COUNT} (retrain the model)`,
    };
  const k = OUTPUT_COUNT;
  const floatsStart = align4(8 + headerLength);
  const floatCount = k + k + header.denseCount * k;
  const hashedStart = floatsStart + floatCount * 4;
  const hashedLength = header.featurizer.buckets * k;
  if (hashedStart + hashedLength !== bytes.length)
    return {
      ok: false,
      error: `model file size ${bytes.length} does not match its header (expected ${hashedStart + hashedLength})`,
    };
  const floats = new Float32Array(floatCount);
  for (let i = 0; i < floatCount; i++) floats[i] = view.getFloat32(floatsStart + i * 4, true);
  return {
    ok: true,
    value: {
      header,
      hashedScale: floats.slice(0, k),
      bias: floats.slice(k, 2 * k),
      dense: floats.slice(2 * k),
      hashed: new Int8Array(bytes.slice(hashedStart, hashedStart + hashedLength).buffer),
    },
  };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** JSON with every non-ASCII character escaped, so the header decodes without a TextDecoder. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
