import type { CliIo, ExitCode } from './cli-io.ts';

/**
 * One `attune <name>` command. A command is a module exporting these three members; it is made available
 * by one line in `commands/index.ts`.
 */
export interface CommandModule {
  /** One line for `attune --help`. */
  readonly summary: string;
  /** The full text of `attune <name> --help`. */
  readonly usage: string;
  /** Runs with the arguments after the command name. Resolves to the process exit code. */
  run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}
