import type { Readable, Writable } from 'node:stream';
import type { Analyzer, EkmanEmotion, Emotion } from '@attune/engine';

/** A writable terminal-or-pipe stream, as process.stdout is. */
export type OutputStream = Writable & { readonly isTTY?: boolean; readonly columns?: number };
/** A readable stream, as process.stdin is. */
export type InputStream = Readable & { readonly isTTY?: boolean };

export interface LoadAnalyzerOptions {
  /** A model file to read instead of the shipped default model. */
  readonly modelPath?: string;
}

/**
 * The analyzer as commands use it. `thresholds` are the model's per-class decision thresholds for
 * multi-label prediction; a model without them is scored at 0.5 (and eval says so).
 */
export type ScoringAnalyzer = Analyzer & {
  readonly thresholds?: {
    readonly emotion: Readonly<Record<Emotion, number>>;
    readonly ekman: Readonly<Record<EkmanEmotion, number>>;
  };
};

/**
 * Everything a command touches outside its own code. Commands receive it rather than reaching for
 * `process`, so the same command runs under the real process and under a test with in-memory streams.
 */
export interface CliIo {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads the model and builds the analyzer; called at most once per command, only when needed. */
  loadAnalyzer(options: LoadAnalyzerOptions): Promise<ScoringAnalyzer>;
}

/** Process exit codes, the same for every command (docs/cli.md). */
export const EXIT = {
  /** Everything was done. */
  ok: 0,
  /** The command ran but not completely: some input lines were skipped, or it failed midway. */
  partial: 1,
  /** Nothing was done: unknown flag or command, missing or unreadable input. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
