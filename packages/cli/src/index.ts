/**
 * @attune/cli — the `attune` command. Importable so other packages' commands and tests can reuse its
 * pieces (the command and eval-task contracts, streaming input, the line writer).
 */
export { main } from './main.ts';
export { EXIT } from './cli-io.ts';
export type { CliIo, ExitCode, LoadAnalyzerOptions, ScoringAnalyzer } from './cli-io.ts';
export type { CommandModule } from './command.ts';
export type { EvalTask, EvalTaskContext, EvalTaskResult } from './eval/eval-task.ts';
