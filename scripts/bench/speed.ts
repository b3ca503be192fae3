import { performance } from 'node:perf_hooks';

export interface SpeedResult {
  readonly messagesPerSecond: number;
  readonly p50Micros: number;
  readonly p99Micros: number;
}

/**
 * Throughput over many calls on one core (the loop is single-threaded), and per-call latency percentiles from
 * timing each call individually in a separate pass.
 */
export async function measureSpeed(
  texts: readonly string[],
  call: (text: string) => unknown,
  options: { calls: number; warmup: number },
): Promise<SpeedResult> {
  for (let i = 0; i < options.warmup; i++) await call(texts[i % texts.length] as string);
  const started = performance.now();
  for (let i = 0; i < options.calls; i++) await call(texts[i % texts.length] as string);
  const elapsed = performance.now() - started;
  const samples = new Float64Array(Math.min(options.calls, 20_000));
  for (let i = 0; i < samples.length; i++) {
    const t0 = performance.now();
    await call(texts[i % texts.length] as string);
    samples[i] = performance.now() - t0;
  }
  samples.sort();
  const pct = (p: number) => (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number) * 1000;
  return {
    messagesPerSecond: Math.round(options.calls / (elapsed / 1000)),
    p50Micros: round(pct(0.5)),
    p99Micros: round(pct(0.99)),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
