import {
  DENSE_COUNT,
  EKMAN_EMOTIONS,
  EMOTIONS,
  OUTPUTS,
  OUTPUT_COUNT,
  type EmotionModel,
  type FeaturizerConfig,
  type LexiconBundle,
  type ModelHeader,
} from '@attune/engine';
import type { FloatWeights } from './sgd-trainer.ts';

export interface ModelIdentity {
  readonly id: string;
  readonly version: string;
  readonly profile: string;
}

/**
 * Quantizes the hashed weights to int8 with one scale per output (the largest weight maps to 127) and wraps
 * everything in a model with neutral calibration, to be replaced by `withCalibration`.
 */
export function buildModel(
  weights: FloatWeights,
  featurizer: FeaturizerConfig,
  lexicons: LexiconBundle,
  identity: ModelIdentity,
  training: Record<string, unknown>,
): EmotionModel {
  const k = OUTPUT_COUNT;
  const scale = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    let max = 0;
    for (let i = j; i < weights.hashed.length; i += k) max = Math.max(max, Math.abs(weights.hashed[i] as number));
    scale[j] = max > 0 ? max / 127 : 1;
  }
  const hashed = new Int8Array(weights.hashed.length);
  for (let i = 0; i < hashed.length; i++) {
    hashed[i] = Math.max(-127, Math.min(127, Math.round((weights.hashed[i] as number) / (scale[i % k] as number))));
  }
  const header: ModelHeader = {
    format: 'attune-linear',
    formatVersion: 1,
    id: identity.id,
    version: identity.version,
    profile: identity.profile,
    createdAt: new Date().toISOString(),
    featurizer,
    denseCount: DENSE_COUNT,
    outputs: [...OUTPUTS],
    calibration: {
      emotion: { a: EMOTIONS.map(() => 1), b: EMOTIONS.map(() => 0), thresholds: EMOTIONS.map(() => 0.5) },
      ekman: {
        a: EKMAN_EMOTIONS.map(() => 1),
        b: EKMAN_EMOTIONS.map(() => 0),
        thresholds: EKMAN_EMOTIONS.map(() => 0.5),
      },
      sentimentTemperature: 1,
    },
    lexicons,
    training,
  };
  return {
    header,
    hashed,
    hashedScale: scale,
    dense: Float32Array.from(weights.dense),
    bias: Float32Array.from(weights.bias),
  };
}

export function withHeader(model: EmotionModel, patch: Partial<ModelHeader>): EmotionModel {
  return { ...model, header: { ...model.header, ...patch } };
}
