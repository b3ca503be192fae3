/**
 * Test support: runs a real `attune serve` on a free port with a temporary data directory and reads the URL and the
 * demo password it prints at first start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AttuneProcess {
  readonly url: string;
  readonly password: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const cli = fileURLToPath(new URL('../../cli/bin/attune.js', import.meta.url));

export async function startAttune(timeoutMs = 60_000): Promise<AttuneProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-web-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
    const password = /with password: (\S+)/.exec(out)?.[1];
    if (url !== undefined && password !== undefined) return { url, password, output: () => out, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`startAttune: attune serve did not start within ${timeoutMs} ms; output:\n${out}`);
}
