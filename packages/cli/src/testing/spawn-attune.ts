import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real executable, as `npm run demo` and users run it. */
export const ATTUNE_BIN = fileURLToPath(new URL('../../bin/attune.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `node bin/attune.js ...args` with NO_COLOR unless `env` says otherwise. */
export function startAttune(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): ChildProcessWithoutNullStreams {
  const { FORCE_COLOR: _drop, ...inherited } = process.env;
  return spawn(process.execPath, [ATTUNE_BIN, ...args], { env: { ...inherited, NO_COLOR: '1', ...env } });
}

/** Runs the CLI to completion, feeding `input` (or nothing) to stdin. */
export function runAttune(
  args: readonly string[],
  { input = '', env = {} }: { input?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<CliRun> {
  const child = startAttune(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
