import {
  assessEscalation,
  createSingleLabelTally,
  readCustomerMessage,
  singleLabelReport,
  type RiskLevel,
} from '@attune/engine';
import { stringFlag, type FlagValues } from '../../args/parse-command-args.ts';
import { jsonTypeOf } from '../../input/input-issue.ts';
import { jsonExamples } from '../json-examples.ts';
import type { EvalTaskContext, EvalTaskResult } from '../eval-task.ts';

const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

export const summary = 'escalation risk of single customer messages: low / medium / high';
export const options = { 'only-lang': { type: 'string' } } as const;
export const usage = `Flags:
      --only-lang CODE    score only lines whose "lang" is CODE (en, zh, ru)

Data: JSON Lines, {"text", "lang"?, "escalation_risk": "low" | "medium" | "high"}.
Each message is read as a one-turn chat conversation: its words (threats, manager demands, repeated contact,
abuse, capitals) and the analyzer's anger give a risk, reported at the engine's thresholds (medium >= 0.3,
high >= 0.6). The report has the emotion eval's single-label shape (accuracy, macro_f1, per_class, confusion).
`;

export function check(_values: FlagValues): string | undefined {
  return undefined;
}

export async function run(context: EvalTaskContext): Promise<EvalTaskResult> {
  const onlyLang = stringFlag(context.values, 'only-lang');
  const analyzer = await context.loadAnalyzer();
  const tally = createSingleLabelTally(LEVELS);
  let skipped = 0;
  for await (const { line, value: o } of jsonExamples(context)) {
    if (onlyLang !== undefined && o['lang'] !== onlyLang) {
      skipped++;
      continue;
    }
    if (typeof o['text'] !== 'string') {
      context.reportIssue({
        line,
        issue: Object.hasOwn(o, 'text')
          ? { code: 'not_a_string', field: 'text', received: jsonTypeOf(o['text']) }
          : { code: 'missing_field', field: 'text' },
      });
      continue;
    }
    const gold = o['escalation_risk'];
    if (typeof gold !== 'string' || !(LEVELS as readonly string[]).includes(gold)) {
      context.reportIssue({
        line,
        issue: { code: 'unknown_label', labels: [String(gold)], scheme: 'escalation_risk' },
      });
      continue;
    }
    const lang = typeof o['lang'] === 'string' ? o['lang'] : undefined;
    const analysis = analyzer.analyzeMessage(o['text'], lang === undefined ? { cues: false } : { lang, cues: false });
    const a = assessEscalation([{ turnIndex: 0, reading: readCustomerMessage(o['text'], lang), analysis }], 'chat');
    tally.add(gold, a.level);
    if ((tally.count & 63) === 0) context.progress(tally.count);
  }
  const { multi_label, count, ...scores } = singleLabelReport(tally.metrics());
  return {
    kind: 'report',
    report: {
      task: context.task,
      multi_label,
      data: context.dataPath,
      ...(onlyLang === undefined ? {} : { lang: onlyLang }),
      count,
      skipped,
      ...scores,
      model: analyzer.model,
    },
  };
}
