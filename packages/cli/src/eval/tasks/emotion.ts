import { classificationTask } from '../classification-eval.ts';

/** Emotion classification against Attune's eight emotions or the Ekman seven. */
export const { summary, options, usage, check, run } = classificationTask(
  'emotion',
  "emotion classification: Attune's 8 emotions or Ekman's 7 (GoEmotions, CEDR, SMP2020, XED, ...)",
  { defaultScheme: 'attune', targets: ['emotion', 'ekman'], taskField: 'emotion' },
);
