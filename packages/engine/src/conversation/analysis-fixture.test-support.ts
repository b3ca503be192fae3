// Test support: builds MessageAnalysis values with chosen emotions, the way the server hands stored analyses to
// the conversation analyzer. Not exported from the package.
import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import { languageTag, probability } from '../brands.ts';
import type { Emotion } from '../emotion/taxonomy.ts';
import { EMOTIONS } from '../emotion/taxonomy.ts';

/** A stored analysis whose dominant emotion is `emotion` at probability `p` (others low). */
export function storedAnalysis(emotion: Emotion, p = 0.8, lang = 'en'): MessageAnalysis {
  const probs = Object.fromEntries(
    EMOTIONS.map((e) => [e, probability(e === emotion ? p : e === 'neutral' ? 1 - p : 0.05)]),
  ) as Record<Emotion, ReturnType<typeof probability>>;
  const negative = ['anger', 'frustration', 'anxiety', 'sadness'].includes(emotion) ? p : 0.05;
  const positive = ['gratitude', 'joy'].includes(emotion) ? p : 0.05;
  const neutral = Math.max(0, 1 - negative - positive);
  return {
    lang: { tag: languageTag(lang), confidence: probability(1), source: 'given' },
    emotions: { probs, dominant: emotion, intensity: emotion === 'neutral' ? 0 : p },
    ekman: {
      probs: {
        anger: probability(0),
        disgust: probability(0),
        fear: probability(0),
        joy: probability(0),
        sadness: probability(0),
        surprise: probability(0),
        neutral: probability(1),
      },
      dominant: 'neutral',
    },
    sentiment: {
      probs: { negative: probability(negative), neutral: probability(neutral), positive: probability(positive) },
      label: negative > positive && negative > neutral ? 'negative' : positive > neutral ? 'positive' : 'neutral',
      valence: positive - negative,
    },
    cues: [],
    model: { id: 'stored', version: '0' },
  };
}
