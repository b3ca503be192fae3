import { EMOTIONS } from '../emotion/taxonomy.ts';

/**
 * Language-independent features: lexicon hits by emotion and polarity, emoji, punctuation, shouting, length.
 * The same feature fires for English "furious", Russian "бешенство" and Chinese "气死", so what the model learns
 * about it from one language carries to the others. Order is part of the model format: append only.
 */
const NON_NEUTRAL = EMOTIONS.filter((e) => e !== 'neutral');

export const DENSE_FEATURES = [
  ...NON_NEUTRAL.map((e) => `lex:${e}`),
  ...NON_NEUTRAL.map((e) => `lex_negated:${e}`),
  'lex_polarity:negative',
  'lex_polarity:positive',
  'lex_polarity_negated:negative',
  'lex_polarity_negated:positive',
  ...NON_NEUTRAL.map((e) => `symbol:${e}`),
  'symbol_polarity:negative',
  'symbol_polarity:positive',
  'exclamation',
  'exclamation_run',
  'question',
  'question_run',
  'caps',
  'elongation',
  'intensifier',
  'diminisher',
  'negation',
  'length:1-3',
  'length:4-10',
  'length:11-30',
  'length:31+',
  'script:latin',
  'script:cyrillic',
  'script:han',
] as const;

export type DenseFeature = (typeof DENSE_FEATURES)[number];
export const DENSE_COUNT = DENSE_FEATURES.length;

function index(name: DenseFeature): number {
  return DENSE_FEATURES.indexOf(name);
}

/** Offsets into the dense vector, resolved once. */
export const DENSE = {
  lex: index('lex:anger'),
  lexNegated: index('lex_negated:anger'),
  lexPolarity: index('lex_polarity:negative'),
  lexPolarityNegated: index('lex_polarity_negated:negative'),
  symbol: index('symbol:anger'),
  symbolPolarity: index('symbol_polarity:negative'),
  exclamation: index('exclamation'),
  exclamationRun: index('exclamation_run'),
  question: index('question'),
  questionRun: index('question_run'),
  caps: index('caps'),
  elongation: index('elongation'),
  intensifier: index('intensifier'),
  diminisher: index('diminisher'),
  negation: index('negation'),
  length: index('length:1-3'),
  scriptLatin: index('script:latin'),
  scriptCyrillic: index('script:cyrillic'),
  scriptHan: index('script:han'),
} as const;

/** Index of an emotion among the non-neutral ones (the dense layout), or -1 for neutral. */
export function nonNeutralIndex(emotionIndex: number): number {
  const name = EMOTIONS[emotionIndex];
  return name === undefined || name === 'neutral' ? -1 : NON_NEUTRAL.indexOf(name);
}
