/**
 * @attune/engine — pure emotion and conversation analysis for customer service.
 * No I/O: the model is loaded by the caller (see @attune/model) and passed in.
 *
 * @example
 * ```ts
 * import { createAnalyzer } from '@attune/engine';
 * import { loadDefaultModel } from '@attune/model';
 * const analyzer = createAnalyzer({ model: await loadDefaultModel() });
 * analyzer.analyzeMessage('This is the THIRD time I write!!! Where is my refund?');
 * ```
 */
export * from './brands.ts';
export * from './emotion/taxonomy.ts';
export * from './emotion/label-schemes.ts';
export type * from './cues/cue.ts';
export type * from './lexicon/lexicon.ts';
export type * from './analyze/message-analysis.ts';
export type * from './analyze/analyzer.ts';
export * from './analyze/create-analyzer.ts';
export * from './language/detect-language.ts';
export * from './evaluation/index.ts';
// Model building blocks, used by training and tooling.
export * from './model/emotion-model.ts';
export * from './model/linear-scorer.ts';
export * from './features/feature-extractor.ts';
export * from './features/dense-features.ts';
export * from './lexicon/lexicon-index.ts';
// Conversation intelligence: IHEART, escalation, coaching, scorecards, message catalogs.
export * from './conversation/index.ts';
export * from './coach/index.ts';
export * from './scorecard/index.ts';
export * from './messages/index.ts';
