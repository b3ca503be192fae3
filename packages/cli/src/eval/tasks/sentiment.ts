import { classificationTask } from '../classification-eval.ts';

/** Polarity classification: negative / neutral / positive, or a dataset's subset of them. */
export const { summary, options, usage, check, run } = classificationTask(
  'sentiment',
  'sentiment polarity: negative / neutral / positive (waimai-10k, RuSentiment, SentiRuEval, ...)',
  { defaultScheme: 'attune-sentiment', targets: ['sentiment'], taskField: 'sentiment' },
);
