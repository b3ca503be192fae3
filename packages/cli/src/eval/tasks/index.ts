import type { EvalTask } from '../eval-task.ts';

/**
 * `attune eval --task <name>`: one line per task, loaded only when used. To add a task, write
 * `tasks/<name>.ts` exporting the members of `EvalTask` and add its line here.
 */
export const EVAL_TASKS: Readonly<Record<string, () => Promise<EvalTask>>> = {
  emotion: () => import('./emotion.ts'),
  sentiment: () => import('./sentiment.ts'),
  iheart: () => import('./iheart.ts'),
  coach: () => import('./coach.ts'),
  escalation: () => import('./escalation.ts'),
  csat: () => import('./csat.ts'),
};
