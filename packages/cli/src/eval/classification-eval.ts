import {
  createMultiLabelTally,
  createSingleLabelTally,
  getLabelScheme,
  LABEL_SCHEMES,
  multiLabelReport,
  singleLabelReport,
  type LabelScheme,
  type TargetSpace,
} from '@attune/engine';
import { stringFlag, type FlagValues } from '../args/parse-command-args.ts';
import { analyzeLine } from '../analyzer/analyze-line.ts';
import { jsonExamples } from './json-examples.ts';
import type { EvalTask, EvalTaskContext, EvalTaskResult } from './eval-task.ts';
import { goldLabels, headProbabilities, predictMulti, predictSingle, schemeClasses } from './classification-scoring.ts';

/** The flags every classification task takes. */
export const CLASSIFICATION_OPTIONS = {
  scheme: { type: 'string', short: 's' },
  lang: { type: 'string', short: 'l' },
  'label-field': { type: 'string' },
} as const;

export interface ClassificationTaskConfig {
  readonly defaultScheme: keyof typeof LABEL_SCHEMES;
  /** The target spaces this task scores; a scheme aimed elsewhere belongs to another task. */
  readonly targets: readonly TargetSpace[];
  /** The field of an example holding its label in Attune's own format (`emotion` or `sentiment`). */
  readonly taskField: string;
}

function schemesFor(targets: readonly TargetSpace[]): string[] {
  return Object.values(LABEL_SCHEMES as Readonly<Record<string, LabelScheme>>)
    .filter((s) => targets.includes(s.target))
    .map((s) => s.name);
}

/** Help text for a classification task, listing the schemes it accepts. */
export function classificationUsage(config: ClassificationTaskConfig): string {
  const schemes = schemesFor(config.targets).map((name) => {
    const s = getLabelScheme(name);
    return `    ${name.padEnd(22)}${s?.target.padEnd(10) ?? ''}${s?.multiLabel === true ? 'multi ' : 'single'}`;
  });
  return `Flags:
  -s, --scheme NAME       how the data's labels map to Attune's (default: ${config.defaultScheme}); one of:
${schemes.join('\n')}
  -l, --lang CODE         analyse every example as this language (default: the example's "lang", else detect)
      --label-field NAME  read gold labels from this field (default: "${config.taskField}" when it is a
                          string, else "labels")

Data: JSON Lines, {"text", "lang"?, "${config.taskField}"?: "label"} or {"text", "labels": ["label", ...]}.
Single-label schemes predict the most probable of the classes the scheme can produce (binary: positive
vs negative only). Multi-label schemes predict every such class at or above the model's threshold for it
(0.5 where the model has none), or the most probable one if none reaches it.
`;
}

/** Runs a classification task: streams the data, predicts each example, and tallies the metrics. */
type SchemeChoice =
  { readonly ok: true; readonly scheme: LabelScheme } | { readonly ok: false; readonly message: string };

function chooseScheme(task: string, values: FlagValues, config: ClassificationTaskConfig): SchemeChoice {
  const schemeName = stringFlag(values, 'scheme') ?? config.defaultScheme;
  const scheme = getLabelScheme(schemeName);
  const allowed = schemesFor(config.targets).join(', ');
  if (scheme === undefined)
    return { ok: false, message: `unknown scheme "${schemeName}"; ${task} schemes: ${allowed}` };
  if (!config.targets.includes(scheme.target)) {
    return {
      ok: false,
      message: `scheme "${schemeName}" scores ${scheme.target}, not ${task}; ${task} schemes: ${allowed}`,
    };
  }
  return { ok: true, scheme };
}

/** Runs a classification task: streams the data, predicts each example, and tallies the metrics. */
export async function runClassificationEval(
  context: EvalTaskContext,
  config: ClassificationTaskConfig,
): Promise<EvalTaskResult> {
  const choice = chooseScheme(context.task, context.values, config);
  if (!choice.ok) return { kind: 'usage', message: choice.message };
  const { scheme } = choice;
  const forcedLang = stringFlag(context.values, 'lang');
  const labelField = stringFlag(context.values, 'label-field');
  const source = { taskField: config.taskField, ...(labelField !== undefined ? { labelField } : {}) };
  const classes = schemeClasses(scheme);

  const analyzer = await context.loadAnalyzer();
  const modelThresholds = scheme.target === 'sentiment' ? undefined : analyzer.thresholds?.[scheme.target];
  const thresholds: Readonly<Record<string, number>> = Object.fromEntries(
    classes.map((c) => [c, (modelThresholds as Readonly<Record<string, number>> | undefined)?.[c] ?? 0.5]),
  );
  const single = createSingleLabelTally(classes);
  const multi = createMultiLabelTally(classes);
  let skipped = 0;
  const started = performance.now();

  for await (const { line, value: example } of jsonExamples(context)) {
    if (typeof example['text'] !== 'string') {
      context.reportIssue({
        line,
        issue: Object.hasOwn(example, 'text')
          ? { code: 'not_a_string', field: 'text', received: typeof example['text'] }
          : { code: 'missing_field', field: 'text' },
      });
      continue;
    }
    const gold = goldLabels(example, scheme, source);
    if (gold.kind === 'issue') {
      context.reportIssue({ line, issue: gold.issue });
      continue;
    }
    if (gold.kind === 'unmapped') {
      skipped++;
      continue;
    }
    const lang = forcedLang ?? (typeof example['lang'] === 'string' ? example['lang'] : undefined);
    const options = lang === undefined ? { cues: false } : { cues: false, lang };
    const analysis = analyzeLine(analyzer, line, example['text'], options);
    const probs = headProbabilities(analysis, scheme.target);
    if (scheme.multiLabel) multi.add(gold.labels, predictMulti(probs, classes, thresholds));
    else single.add(gold.labels[0] ?? '', predictSingle(probs, classes));
    const scored = scheme.multiLabel ? multi.count : single.count;
    if ((scored & 127) === 0) context.progress(scored);
  }

  const seconds = (performance.now() - started) / 1000;
  const metrics = scheme.multiLabel ? multiLabelReport(multi.metrics()) : singleLabelReport(single.metrics());
  const { multi_label, count, ...scores } = metrics;
  return {
    kind: 'report',
    report: {
      task: context.task,
      scheme: scheme.name,
      target: scheme.target,
      multi_label,
      data: context.dataPath,
      count,
      skipped,
      ...scores,
      ...(scheme.multiLabel
        ? { thresholds, thresholds_from: modelThresholds !== undefined ? 'model' : 'default' }
        : {}),
      model: analyzer.model,
      messages_per_second: seconds > 0 ? Math.round(count / seconds) : 0,
    },
  };
}

/** Builds the task module for one classification task. */
export function classificationTask(
  name: string,
  summary: string,
  config: ClassificationTaskConfig,
): EvalTask & Required<Pick<EvalTask, 'options' | 'usage' | 'check'>> {
  return {
    summary,
    options: CLASSIFICATION_OPTIONS,
    usage: classificationUsage(config),
    check: (values) => {
      const choice = chooseScheme(name, values, config);
      return choice.ok ? undefined : choice.message;
    },
    run: (context) => runClassificationEval(context, config),
  };
}
