import type { Emotion, Sentiment } from '../emotion/taxonomy.ts';

/**
 * A hand-written, reviewed emotion lexicon for one language, aimed at customer-service messages.
 *
 * Terms are matched case-insensitively:
 * - in space-delimited languages (en, ru) against whole tokens; a multi-word term ("fed up", "не работает")
 *   matches consecutive tokens; a term ending in `*` matches any token with that prefix ("разочаров*"), which
 *   is how Russian inflection is covered;
 * - in Chinese against characters, anywhere in the text (longest match wins).
 * Lexicon hits become model features shared across languages (so what the model learns from English
 * "furious" transfers to Chinese "气死"), and they are shown to the agent as cues.
 */
export interface LexiconEntry {
  readonly term: string;
  /** The emotion the term signals. Omit for a pure polarity word. */
  readonly emotion?: Emotion;
  /** Polarity; defaults to the emotion's polarity. */
  readonly sentiment?: Sentiment;
  /** Strength 0..1: 1 = unmistakable ("furious", "气炸了"), 0.3 = mild ("a bit annoying"). */
  readonly strength: number;
}

export interface Modifier {
  readonly term: string;
  /** Multiplies the strength of what follows: > 1 intensifies ("very" 1.5), < 1 diminishes ("a bit" 0.6). */
  readonly factor: number;
}

export interface LanguageLexicon {
  readonly lang: 'en' | 'zh' | 'ru';
  readonly entries: readonly LexiconEntry[];
  /** Words that flip polarity of the next few words: "not", "never", "не", "нет", "不", "没". */
  readonly negators: readonly string[];
  /** Intensifiers and diminishers. */
  readonly modifiers: readonly Modifier[];
}

/** Emoji and emoticons, language-independent. */
export interface SymbolEntry {
  readonly symbol: string;
  readonly kind: 'emoji' | 'emoticon';
  readonly emotion?: Emotion;
  readonly sentiment: Sentiment;
  readonly strength: number;
}
