import {
  coachConversation,
  createConversationAnalyzer,
  inferCsat,
  parseConversation,
  regressionMetrics,
} from '@attune/engine';
import { stringFlag, type FlagValues } from '../../args/parse-command-args.ts';
import { jsonExamples } from '../json-examples.ts';
import type { EvalTaskContext, EvalTaskResult } from '../eval-task.ts';

export const summary = 'inferred CSAT (1..5) of whole conversations: mae, spearman, within_1';
export const options = { 'only-lang': { type: 'string' } } as const;
export const usage = `Flags:
      --only-lang CODE    score only lines whose "lang" is CODE (en, zh, ru)

Data: JSON Lines, one conversation per line:
  {"lang", "channel", "turns": [{"role", "text", "t"}], "outcome": {"csat": 1..5},
   "customer_name"?, "facts"?: {"order", "product"}}
("t" is seconds since the conversation started.) Prints {"task", "count", "mae", "spearman", "within_1"}.
A conversation that fails validation is reported with its line number and left out.
`;

export function check(_values: FlagValues): string | undefined {
  return undefined;
}

export async function run(context: EvalTaskContext): Promise<EvalTaskResult> {
  const onlyLang = stringFlag(context.values, 'only-lang');
  const conversations = createConversationAnalyzer({ analyzer: await context.loadAnalyzer() });
  const gold: number[] = [];
  const pred: number[] = [];
  for await (const { line, value: o } of jsonExamples(context)) {
    if (onlyLang !== undefined && o['lang'] !== onlyLang) continue;
    const outcome = o['outcome'];
    const csat =
      typeof outcome === 'object' && outcome !== null ? (outcome as Record<string, unknown>)['csat'] : undefined;
    if (typeof csat !== 'number' || csat < 1 || csat > 5) {
      context.reportIssue({ line, issue: { code: 'missing_field', field: 'outcome.csat' } });
      continue;
    }
    const conversation = parseConversation(o);
    if (!conversation.ok) {
      const first = conversation.issues[0];
      context.reportIssue({
        line,
        issue: {
          code: 'invalid_json',
          detail: `not a valid conversation: ${first?.code ?? 'invalid'} at ${(first?.path ?? []).join('.')}`,
        },
      });
      continue;
    }
    const analysis = conversations.analyze(conversation.value);
    const findings = coachConversation(analysis).flatMap((t) => t.coaching.findings);
    gold.push(csat);
    pred.push(inferCsat(analysis, findings).csat);
    context.progress(gold.length);
  }
  const m = regressionMetrics(gold, pred);
  return {
    kind: 'report',
    report: {
      task: context.task,
      data: context.dataPath,
      ...(onlyLang === undefined ? {} : { lang: onlyLang }),
      count: m.count,
      mae: m.mae,
      spearman: m.spearman,
      within_1: m.within1,
    },
  };
}
