import { readFileSync } from 'node:fs';
import { EXIT, type CliIo, type ExitCode } from './cli-io.ts';
import { COMMANDS } from './commands/index.ts';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

async function topUsage(): Promise<string> {
  const rows = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(10)} ${(await load()).summary}`),
  );
  return `attune: emotional intelligence for customer service

Usage:
  attune <command> [flags]
  attune <command> --help     flags, formats and examples for one command (or: attune help <command>)
  attune --version

Commands:
${rows.join('\n')}

Start with: attune demo
`;
}

/**
 * Runs `attune` with the arguments after the program name and resolves to the exit code.
 *
 * @example
 * ```ts
 * const code = await main(['analyze', 'Where is my refund?!'], io);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  // `attune help analyze` is `attune analyze --help`.
  if (first === 'help' && rest[0] !== undefined) return main([rest[0], '--help'], io);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const usage = await topUsage();
    if (first === undefined) {
      io.stderr.write(usage);
      return EXIT.usage;
    }
    io.stdout.write(usage);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (load === undefined) {
    const what = first.startsWith('-') ? `unknown flag ${first}` : `unknown command "${first}"`;
    io.stderr.write(`attune: ${what}\n\n${await topUsage()}`);
    return EXIT.usage;
  }
  const command = await load();
  return command.run(rest, io);
}

/** The entry point of `bin/attune.js`: the real process streams and the shipped model. */
export async function runFromProcess(): Promise<void> {
  // Imported here, not at the top, so `attune --help` and usage errors never load the model code.
  const io: CliIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    loadAnalyzer: async (options) => (await import('./analyzer/load-analyzer.ts')).loadAnalyzer(options),
  };
  // A reader that goes away (| head) must not crash the process with EPIPE; commands notice and stop.
  process.stdout.on('error', () => {});
  process.exitCode = await main(process.argv.slice(2), io);
}
