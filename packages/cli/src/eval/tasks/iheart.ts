import {
  coachContextFromMessage,
  coachDraft,
  LABELLED_COACH_CODES,
  createMultiLabelTally,
  IHEART_STEPS,
  multiLabelReport,
  readReply,
  stepsPerformed,
  type Channel,
  type MultiLabelTally,
} from '@attune/engine';
import { stringFlag, type FlagValues } from '../../args/parse-command-args.ts';
import { jsonTypeOf } from '../../input/input-issue.ts';
import { jsonExamples } from '../json-examples.ts';
import type { EvalTaskContext, EvalTaskResult } from '../eval-task.ts';

/** Flags of the reply tasks (iheart, coach): which split and which language to score. */
export const REPLY_TASK_OPTIONS = {
  split: { type: 'string' },
  'only-lang': { type: 'string' },
} as const;

export const REPLY_TASK_USAGE = `Flags:
      --split NAME        score only lines whose "split" is NAME (train, dev); default: every line
      --only-lang CODE    score only lines whose "lang" is CODE (en, zh, ru)

Data: JSON Lines, one agent reply per line:
  {"lang", "channel", "customer": "...", "reply": "...",
   "iheart": {"identify", "hear", "empathize", "apologize", "resolve", "thank"} (booleans),
   "issues": ["negative_language" | "blame" | "cliche" | "arguing" | "rushing" | "no_expectation" |
              "tone_mismatch" | "no_personalization", ...], "split"?}
The report has the emotion eval's shape, with each IHEART step (iheart) or issue code (coach) as a class.
`;

const CHANNELS: readonly string[] = ['chat', 'email', 'phone', 'social'];

/** One reply example as read from a line. */
export interface ReplyExample {
  readonly lang?: string;
  readonly channel: Channel;
  readonly customer: string;
  readonly reply: string;
  readonly iheart: readonly string[];
  readonly issues: readonly string[];
}

/**
 * Streams reply lines, filtered by --split / --only-lang, and tallies gold against predicted label sets.
 * `predict` returns the predicted classes of one example.
 */
export async function runReplyEval(
  context: EvalTaskContext,
  classes: readonly string[],
  predict: (example: ReplyExample) => readonly string[],
  gold: (example: ReplyExample) => readonly string[],
): Promise<EvalTaskResult> {
  const split = stringFlag(context.values, 'split');
  const onlyLang = stringFlag(context.values, 'only-lang');
  const tally: MultiLabelTally = createMultiLabelTally(classes);
  let filtered = 0;
  const started = performance.now();
  for await (const { line, value: o } of jsonExamples(context)) {
    if ((split !== undefined && o['split'] !== split) || (onlyLang !== undefined && o['lang'] !== onlyLang)) {
      filtered++;
      continue;
    }
    const example = readExample(o, line, context);
    if (example === undefined) continue;
    tally.add(gold(example), predict(example));
    if ((tally.count & 63) === 0) context.progress(tally.count);
  }
  const seconds = (performance.now() - started) / 1000;
  const { multi_label, count, ...scores } = multiLabelReport(tally.metrics());
  return {
    kind: 'report',
    report: {
      task: context.task,
      multi_label,
      data: context.dataPath,
      ...(split === undefined ? {} : { split }),
      ...(onlyLang === undefined ? {} : { lang: onlyLang }),
      count,
      skipped: filtered,
      ...scores,
      replies_per_second: seconds > 0 ? Math.round(count / seconds) : 0,
    },
  };
}

function readExample(
  o: Readonly<Record<string, unknown>>,
  line: number,
  context: EvalTaskContext,
): ReplyExample | undefined {
  for (const field of ['customer', 'reply'] as const) {
    if (typeof o[field] !== 'string') {
      context.reportIssue({
        line,
        issue: Object.hasOwn(o, field)
          ? { code: 'not_a_string', field, received: jsonTypeOf(o[field]) }
          : { code: 'missing_field', field },
      });
      return undefined;
    }
  }
  const iheart = o['iheart'];
  const steps =
    typeof iheart === 'object' && iheart !== null
      ? IHEART_STEPS.filter((s) => (iheart as Record<string, unknown>)[s] === true)
      : [];
  const issues = Array.isArray(o['issues']) ? o['issues'].filter((x): x is string => typeof x === 'string') : [];
  const channel =
    typeof o['channel'] === 'string' && CHANNELS.includes(o['channel']) ? (o['channel'] as Channel) : 'chat';
  return {
    ...(typeof o['lang'] === 'string' ? { lang: o['lang'] } : {}),
    channel,
    customer: o['customer'] as string,
    reply: o['reply'] as string,
    iheart: steps,
    issues,
  };
}

/** IHEART step detection in agent replies. */
export const summary =
  'IHEART steps in agent replies: identify, hear, empathize, apologize, resolve, thank (multi-label)';
export const options = REPLY_TASK_OPTIONS;
export const usage = REPLY_TASK_USAGE;
export function check(values: FlagValues): string | undefined {
  const split = stringFlag(values, 'split');
  return split !== undefined && split.trim() === '' ? '--split needs a name (train, dev)' : undefined;
}
export function run(context: EvalTaskContext): Promise<EvalTaskResult> {
  return runReplyEval(
    context,
    IHEART_STEPS,
    (e) =>
      stepsPerformed(
        readReply(e.reply, { customerText: e.customer, ...(e.lang === undefined ? {} : { lang: e.lang }) }),
      ),
    (e) => e.iheart,
  );
}

/** Shared by the coach task: coaches one reply in the context of its customer message. */
export async function coachPredictor(context: EvalTaskContext): Promise<(e: ReplyExample) => readonly string[]> {
  const analyzer = await context.loadAnalyzer();
  return (e) => {
    const ctx = coachContextFromMessage(e.customer, {
      channel: e.channel,
      analyzer,
      ...(e.lang === undefined ? {} : { lang: e.lang }),
    });
    const found = new Set(coachDraft(e.reply, ctx).findings.map((f) => f.code));
    return LABELLED_COACH_CODES.filter((c) => found.has(c));
  };
}
