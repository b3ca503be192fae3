import type { ParseArgsConfig } from 'node:util';
import type { CliIo, ScoringAnalyzer } from '../cli-io.ts';
import type { FlagValues } from '../args/parse-command-args.ts';
import type { LocatedIssue } from '../input/input-issue.ts';
import type { NumberedLine } from '../input/read-lines.ts';

/** What `attune eval` hands a task: the parsed flags, the data as numbered lines, and the analyzer on demand. */
export interface EvalTaskContext {
  readonly io: CliIo;
  /** The task's name, as given with `--task`. */
  readonly task: string;
  /** Every flag, the common ones and the task's own `options`. */
  readonly values: FlagValues;
  /** The `--data` argument as given (`-` is stdin), for the report. */
  readonly dataPath: string;
  /** The data, streamed line by line; stops reading when the loop stops (including at `--limit`). */
  readonly lines: AsyncIterable<NumberedLine>;
  /** `--limit`: stop after this many data lines. */
  readonly limit: number | undefined;
  readonly loadAnalyzer: () => Promise<ScoringAnalyzer>;
  /** Reports a line that could not be scored (printed on stderr, counted, and makes the exit code 1). */
  readonly reportIssue: (issue: LocatedIssue) => void;
  /** Call every so often with lines read and examples scored; draws progress on a terminal. */
  readonly progress: (scored: number) => void;
}

export type EvalTaskResult =
  /** The report object `attune eval` prints as one line of JSON (numbers are rounded on output). */
  | { readonly kind: 'report'; readonly report: Readonly<Record<string, unknown>> }
  /** The task's flags do not make sense (unknown scheme, say): printed with the usage, exit code 2. */
  | { readonly kind: 'usage'; readonly message: string };

/**
 * One `attune eval --task <name>`. A task is a module in `eval/tasks/` exporting these members, made
 * available by one line in `eval/tasks/index.ts`.
 */
export interface EvalTask {
  /** One line for `attune eval --help`. */
  readonly summary: string;
  /** The task's own flags, parsed together with eval's. */
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  /** Help for those flags and the data format, shown by `attune eval --task <name> --help`. */
  readonly usage?: string;
  /** Checks the task's flags before the data is opened: a message for a usage error, else undefined. */
  check?(values: FlagValues): string | undefined;
  /** Streams the data and scores it. */
  run(context: EvalTaskContext): Promise<EvalTaskResult>;
}
