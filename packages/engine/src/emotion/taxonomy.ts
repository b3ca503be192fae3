/**
 * Attune's customer-service emotion taxonomy, the Ekman grouping used by published work, and polarity.
 * Definitions with examples in en / zh / ru live in docs/emotions.md; keep the two in step.
 */

/** The eight emotions an agent needs to tell apart. Order is the model's output order: never reorder. */
export const EMOTIONS = [
  'anger',
  'frustration',
  'anxiety',
  'sadness',
  'confusion',
  'gratitude',
  'joy',
  'neutral',
] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Ekman's six basic emotions plus neutral, as in GoEmotions' Ekman grouping. Model output order. */
export const EKMAN_EMOTIONS = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const;
export type EkmanEmotion = (typeof EKMAN_EMOTIONS)[number];

/** Polarity classes. Model output order. */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Which polarity each emotion carries; used for valence and for cues. */
export const EMOTION_POLARITY: Readonly<Record<Emotion, Sentiment>> = {
  anger: 'negative',
  frustration: 'negative',
  anxiety: 'negative',
  sadness: 'negative',
  confusion: 'neutral',
  gratitude: 'positive',
  joy: 'positive',
  neutral: 'neutral',
};

/** How each customer-service emotion is reported in Ekman's terms (for comparison with published work). */
export const EMOTION_TO_EKMAN: Readonly<Record<Emotion, EkmanEmotion>> = {
  anger: 'anger',
  frustration: 'anger',
  anxiety: 'fear',
  sadness: 'sadness',
  confusion: 'surprise',
  gratitude: 'joy',
  joy: 'joy',
  neutral: 'neutral',
};

export function isEmotion(x: unknown): x is Emotion {
  return typeof x === 'string' && (EMOTIONS as readonly string[]).includes(x);
}
export function isEkmanEmotion(x: unknown): x is EkmanEmotion {
  return typeof x === 'string' && (EKMAN_EMOTIONS as readonly string[]).includes(x);
}
export function isSentiment(x: unknown): x is Sentiment {
  return typeof x === 'string' && (SENTIMENTS as readonly string[]).includes(x);
}
