/**
 * What `npm start` runs, as a user would: the real `attune` binary in its own process, on a free port and a
 * temporary data directory. It builds the web app first if packages/web/dist is missing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/attune.js', import.meta.url));

interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** SIGKILL if still running, and the data directory removed. */
  dispose(): Promise<void>;
}

async function startServe(extraArgs: readonly string[] = []): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-serve-test-'));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', DATABASE_URL: '' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const dispose = async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Generous: a first start may build the web app, and the machine is shared.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url !== undefined) return { url, child, output: () => output, dispose };
    await new Promise((r) => setTimeout(r, 100));
  }
  await dispose();
  throw new Error(`attune serve did not start; output:\n${output}`);
}

describe('attune serve (npm start)', { timeout: 180_000 }, () => {
  let serve: ServeProcess;
  let url = '';

  before(async () => {
    serve = await startServe();
    url = serve.url;
  });

  after(() => serve.dispose());

  it('answers / with the web app page and serves the script it names', async () => {
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<div id="root"><\/div>/);
    const script = /<script type="module"[^>]* src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, `no module script in:\n${html}`);
    const asset = await fetch(`${url}/${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /text\/javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    await asset.arrayBuffer();
  });

  it('still answers the API beside the app', async () => {
    const openapi = await fetch(`${url}/api/openapi.json`);
    assert.equal(openapi.status, 200);
    assert.equal(((await openapi.json()) as { openapi: string }).openapi, '3.1.0');
    const missing = await fetch(`${url}/api/v1/no-such-route`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /application\/json/);
    await missing.arrayBuffer();
  });

  it('prints the demo logins on first start and stops cleanly on SIGTERM', async () => {
    assert.match(
      serve.output(),
      /Sign in as admin@attune\.local, lead@attune\.local, agent@attune\.local with password: \S+/,
    );
    serve.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => serve.child.once('exit', resolve));
    assert.equal(code, 0, serve.output());
    assert.match(serve.output(), /Stopping/);
  });
});

describe('attune serve --no-demo', { timeout: 180_000 }, () => {
  it('starts on an empty database without demo data, still serving the web app', async () => {
    const serve = await startServe(['--no-demo']);
    try {
      assert.doesNotMatch(serve.output(), /Demo data created/);
      const page = await fetch(`${serve.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root"><\/div>/);
    } finally {
      await serve.dispose();
    }
  });
});
