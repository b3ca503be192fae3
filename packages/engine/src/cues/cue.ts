import type { Emotion, Sentiment } from '../emotion/taxonomy.ts';

/**
 * What kind of evidence a cue is. Each kind is something a UI can highlight and an agent can understand:
 * - `lexicon`: a word or phrase from Attune's emotion lexicons (e.g. "furious", "气死", "бесит").
 * - `ngram`: a word or character n-gram the trained model weighs heavily for the result.
 * - `emoji` / `emoticon`: 😡, :( and the like.
 * - `exclamation`: a run such as "!!!" or "！！".
 * - `caps`: a word in ALL CAPS (shouting).
 * - `elongation`: stretched letters, "sooooo", "ужасссно".
 * - `negation`: a negator and the words it flips, "not happy", "не доволен", "不太满意".
 * - `intensifier`: a word that strengthens what follows, "very", "очень", "非常".
 * - `diminisher`: a word that softens what follows, "a bit", "немного", "有点".
 * - `question`: a question mark run or question word signalling confusion.
 */
export type CueKind =
  | 'lexicon'
  | 'ngram'
  | 'emoji'
  | 'emoticon'
  | 'exclamation'
  | 'caps'
  | 'elongation'
  | 'negation'
  | 'intensifier'
  | 'diminisher'
  | 'question';

/**
 * One piece of evidence, anchored in the original text.
 * Invariant: `0 <= start < end <= text.length`, offsets in UTF-16 code units of the text the caller passed,
 * and never splitting a surrogate pair.
 */
export interface Cue {
  readonly kind: CueKind;
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)`, for convenience. */
  readonly text: string;
  /** The emotion this cue pushes towards, if any. */
  readonly emotion?: Emotion;
  /** The polarity this cue pushes towards, if any. */
  readonly sentiment?: Sentiment;
  /**
   * How much the cue moved the result: for model features, the change in the dominant emotion's logit
   * (positive supports it); for modifiers, the factor applied (e.g. 1.5 for an intensifier).
   */
  readonly weight: number;
  /** For negation: the span the negator flips. */
  readonly scope?: { readonly start: number; readonly end: number };
}
