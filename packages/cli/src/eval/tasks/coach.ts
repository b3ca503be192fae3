import { LABELLED_COACH_CODES } from '@attune/engine';
import type { FlagValues } from '../../args/parse-command-args.ts';
import type { EvalTaskContext, EvalTaskResult } from '../eval-task.ts';
import {
  check as checkReplyFlags,
  coachPredictor,
  REPLY_TASK_OPTIONS,
  REPLY_TASK_USAGE,
  runReplyEval,
} from './iheart.ts';

/** Draft coaching: each issue code a class; precision per class is the figure that matters. */
export const summary = 'draft coach issues in agent replies (negative_language, blame, cliche, ...; multi-label)';
export const options = REPLY_TASK_OPTIONS;
export const usage = REPLY_TASK_USAGE;
export function check(values: FlagValues): string | undefined {
  return checkReplyFlags(values);
}
export async function run(context: EvalTaskContext): Promise<EvalTaskResult> {
  const predict = await coachPredictor(context);
  return runReplyEval(context, LABELLED_COACH_CODES, predict, (e) =>
    e.issues.filter((i) => (LABELLED_COACH_CODES as readonly string[]).includes(i)),
  );
}
