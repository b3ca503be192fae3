import { parseArgs } from 'node:util';
import { EXIT, type CliIo, type ExitCode, type ScoringAnalyzer } from '../cli-io.ts';
import { booleanFlag, parseCommandArgs, positiveIntegerFlag, stringFlag } from '../args/parse-command-args.ts';
import { endParse, usageError } from '../args/usage-error.ts';
import type { EvalTask } from '../eval/eval-task.ts';
import { insertAfter, roundReport } from '../eval/round-report.ts';
import { EVAL_TASKS } from '../eval/tasks/index.ts';
import { openInput } from '../input/open-input.ts';
import { readLines } from '../input/read-lines.ts';
import { createIssueReporter } from '../output/issue-reporter.ts';
import { createProgressBar } from '../output/progress.ts';

export const summary = 'Score the model on a labelled JSONL file and print the metrics as one JSON object';

const COMMON = {
  task: { type: 'string', short: 't' },
  data: { type: 'string', short: 'd' },
  model: { type: 'string' },
  limit: { type: 'string' },
  pretty: { type: 'boolean' },
} as const;

export const usage = `Usage:
  attune eval --task TASK --data FILE.jsonl [task flags] [--limit N] [--model PATH] [--pretty]

Streams a labelled JSON Lines file through the analyzer and prints exactly one JSON object on stdout:
  {"task", "scheme", "target", "multi_label", "data", "count", "skipped", "invalid", "accuracy",
   "macro_f1", "micro_f1"?, "per_class": {label: {"precision", "recall", "f1", "support"}},
   "confusion"? | "counts"?, "thresholds"?, "thresholds_from"?, "model", "messages_per_second"}
(see docs/cli.md for every field). Numbers are rounded to 4 decimals.

Flags:
  -t, --task TASK      what to score (see the list below; attune eval --task TASK --help for its flags)
  -d, --data FILE      the labelled data, JSON Lines (- for stdin)
      --limit N        stop after N examples (a quick look at a large file)
      --model PATH     a model file instead of the shipped model
      --pretty         indent the JSON

Exit codes:
  0  every line was scored or deliberately skipped (no label in the scheme's space)
  1  some lines could not be read (reported on stderr; the report covers the rest), or the run failed
  2  usage error: unknown flag, task or scheme, missing --data or file

Examples:
  attune eval --task emotion --data goemotions/dev.jsonl --scheme goemotions-ekman
  attune eval --task sentiment --data waimai-10k/dev.jsonl --scheme binary
`;

async function taskList(): Promise<string> {
  const rows = await Promise.all(
    Object.entries(EVAL_TASKS).map(async ([name, load]) => `  ${name.padEnd(12)} ${(await load()).summary}`),
  );
  return `Tasks:\n${rows.join('\n')}\n`;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // A first, lenient pass finds the task, whose own flags are then part of the strict parse.
  let taskName: string | undefined;
  try {
    const pre = parseArgs({ args: [...argv], options: COMMON, strict: false, allowPositionals: true });
    taskName = typeof pre.values.task === 'string' ? pre.values.task : undefined;
  } catch {
    taskName = undefined;
  }
  const load = taskName !== undefined && Object.hasOwn(EVAL_TASKS, taskName) ? EVAL_TASKS[taskName] : undefined;
  const task: EvalTask | undefined = load === undefined ? undefined : await load();
  const fullUsage = `${usage}\n${task?.usage !== undefined ? `Task ${taskName}:\n${task.usage}` : await taskList()}`;

  const parsed = parseCommandArgs(argv, { ...COMMON, ...task?.options });
  if (parsed.kind !== 'ok') return endParse(io, 'eval', fullUsage, parsed);
  const { values } = parsed;
  const fail = (message: string): ExitCode => usageError(io, 'eval', message, fullUsage);
  if (taskName === undefined) return fail('--task is required');
  if (task === undefined) return fail(`unknown task "${taskName}"; tasks: ${Object.keys(EVAL_TASKS).join(', ')}`);
  const dataPath = stringFlag(values, 'data');
  if (dataPath === undefined) return fail('--data is required');
  const limit = positiveIntegerFlag(values, 'limit');
  if (!limit.ok) return fail(limit.message);
  const problem = task.check?.(values);
  if (problem !== undefined) return fail(problem);
  const opened = await openInput(dataPath, io.stdin);
  if (!opened.ok) return fail(opened.message);
  const input = opened.value;

  const bar = createProgressBar(io.stderr, { enabled: io.stderr.isTTY === true && dataPath !== '-' });
  const issues = createIssueReporter(io.stderr, 'eval', { beforeWrite: () => bar.clear() });
  const started = Date.now();
  const modelPath = stringFlag(values, 'model');
  let analyzer: Promise<ScoringAnalyzer> | undefined;
  try {
    const result = await task.run({
      io,
      task: taskName,
      values,
      dataPath,
      lines: readLines(input.stream),
      limit: limit.value,
      loadAnalyzer: () => (analyzer ??= io.loadAnalyzer(modelPath === undefined ? {} : { modelPath })),
      reportIssue: (issue) => issues.report(issue),
      progress: (scored) =>
        bar.update({
          bytes: input.bytesRead(),
          totalBytes: input.size,
          messages: scored,
          skipped: issues.count,
          elapsedMs: Date.now() - started,
        }),
    });
    bar.clear();
    if (result.kind === 'usage') return fail(result.message);
    const report = insertAfter(result.report, 'skipped', 'invalid', issues.count);
    io.stdout.write(`${JSON.stringify(roundReport(report), null, booleanFlag(values, 'pretty') ? 2 : undefined)}\n`);
    return issues.count > 0 ? EXIT.partial : EXIT.ok;
  } catch (error) {
    bar.clear();
    io.stderr.write(`attune eval: stopped: ${(error as Error).message}\n`);
    return EXIT.partial;
  } finally {
    input.stream.destroy();
  }
}
