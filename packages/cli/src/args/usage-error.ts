import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import type { ParsedArgs } from './parse-command-args.ts';

/** Prints `attune <command>: <message>`, a blank line and the usage to stderr; exit code 2. */
export function usageError(io: CliIo, command: string, message: string, usage: string): ExitCode {
  io.stderr.write(`attune ${command}: ${message}\n\n${usage.trimEnd()}\n`);
  return EXIT.usage;
}

/** Handles the two outcomes of parsing that end the command: `--help` (usage on stdout, 0) and an error. */
export function endParse(
  io: CliIo,
  command: string,
  usage: string,
  parsed: Exclude<ParsedArgs, { kind: 'ok' }>,
): ExitCode {
  if (parsed.kind === 'help') {
    io.stdout.write(`${usage.trimEnd()}\n`);
    return EXIT.ok;
  }
  return usageError(io, command, parsed.message, usage);
}
