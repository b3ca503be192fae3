import type { LanguageTag, Probability } from '../brands.ts';
import type { Cue } from '../cues/cue.ts';
import type { EkmanEmotion, Emotion, Sentiment } from '../emotion/taxonomy.ts';

/** Options for one call of `analyzeMessage`. */
export interface AnalyzeOptions {
  /** The caller's language, if known: skips detection (reported with `source: 'given'`). */
  readonly lang?: string;
  /** Whether to compute cues (default true). Turning them off saves a little time in batch scoring. */
  readonly cues?: boolean;
}

export interface LanguageResult {
  readonly tag: LanguageTag;
  readonly confidence: Probability;
  readonly source: 'detected' | 'given';
}

export interface EmotionResult {
  /** One probability per emotion of the taxonomy (independent, multi-label: they need not sum to 1). */
  readonly probs: Readonly<Record<Emotion, Probability>>;
  readonly dominant: Emotion;
  /** How strongly the dominant non-neutral emotion is expressed, 0 (none) .. 1 (extreme). */
  readonly intensity: number;
}

export interface EkmanResult {
  readonly probs: Readonly<Record<EkmanEmotion, Probability>>;
  readonly dominant: EkmanEmotion;
}

export interface SentimentResult {
  /** Sums to 1. */
  readonly probs: Readonly<Record<Sentiment, Probability>>;
  readonly label: Sentiment;
  /** P(positive) - P(negative), in [-1, 1]. */
  readonly valence: number;
}

/** Everything the engine reads from one customer message. */
export interface MessageAnalysis {
  readonly lang: LanguageResult;
  readonly emotions: EmotionResult;
  readonly ekman: EkmanResult;
  readonly sentiment: SentimentResult;
  /** Evidence, sorted by `start`. Empty when `options.cues === false`. */
  readonly cues: readonly Cue[];
  /** Present when the text was longer than the analyzer's limit and only its head was read. */
  readonly truncated?: { readonly originalLength: number; readonly analyzedLength: number };
  readonly model: { readonly id: string; readonly version: string };
}
