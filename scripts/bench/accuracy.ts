import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { DevSet } from './dev-sets.ts';

export interface AccuracyRow {
  readonly set: DevSet;
  readonly profile: string;
  readonly count: number;
  readonly macroF1: number;
  readonly accuracy: number;
  readonly messagesPerSecond: number;
}

/** Runs `attune eval` (the same path any user takes) on one dev set with one model file. */
export function evaluate(
  set: DevSet,
  profile: string,
  modelPath: string | undefined,
  cli: string,
): AccuracyRow | { error: string } {
  if (!existsSync(set.file)) return { error: `missing ${set.file}` };
  const args = [
    cli,
    'eval',
    '--task',
    set.task,
    '--data',
    set.file,
    '--scheme',
    set.scheme,
    ...(modelPath ? ['--model', modelPath] : []),
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) return { error: `attune eval failed (${run.status}): ${run.stderr.slice(0, 400)}` };
  const report = JSON.parse(run.stdout) as {
    count: number;
    macro_f1: number;
    accuracy: number;
    messages_per_second: number;
  };
  return {
    set,
    profile,
    count: report.count,
    macroF1: report.macro_f1,
    accuracy: report.accuracy,
    messagesPerSecond: report.messages_per_second,
  };
}
