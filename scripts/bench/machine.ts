import { cpus, totalmem, platform, release } from 'node:os';

/** The machine a benchmark ran on, stated beside every figure. */
export function describeMachine(): { cpu: string; cores: number; memoryGiB: number; os: string; node: string } {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}
