import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createServerContext } from '../start-server.ts';
import { testAnalyzer } from '../testing/test-analyzer.ts';
import { createApp } from './app.ts';
import type { AppEnv } from './guards.ts';
import type { ServerContext } from './server-context.ts';

// What Vite writes: relative asset URLs, content-hashed names.
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Attune</title>
    <script type="module" crossorigin src="./assets/index-Ab12Cd.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-Ef34Gh.css">
  </head>
  <body><div id="root"></div></body>
</html>
`;
const SECRET = 'do-not-serve-this-3f9a';

describe('the server serving the built web app', () => {
  let database: Database;
  let context: ServerContext;
  let scratch: string;
  let webRoot: string;
  let app: OpenAPIHono<AppEnv>;

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'attune-web-root-'));
    webRoot = join(scratch, 'dist');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd.js'), 'console.log("attune");\n');
    writeFileSync(join(webRoot, 'assets', 'index-Ef34Gh.css'), 'body{margin:0}\n');
    writeFileSync(join(webRoot, 'robots.txt'), 'User-agent: *\n');
    // Beside the served directory, where a traversal would land.
    writeFileSync(join(scratch, 'secret.txt'), SECRET);
    database = await openDatabase({ kind: 'embedded' });
    await migrate(database.db);
    context = await createServerContext(database, { analyzer: await testAnalyzer(), intelligence: null });
    app = createApp(context, { webRoot });
  });

  after(async () => {
    await context.bus.stop();
    await database.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('answers / with the app page, never cached, under a strict content security policy', async () => {
    const response = await app.request('/');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=UTF-8');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(await response.text(), INDEX);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  it('serves hashed assets with their content types and a year-long immutable cache', async () => {
    const script = await app.request('/assets/index-Ab12Cd.js');
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await script.text(), 'console.log("attune");\n');
    const style = await app.request('/assets/index-Ef34Gh.css');
    assert.equal(style.headers.get('content-type'), 'text/css; charset=utf-8');
    const robots = await app.request('/robots.txt');
    assert.equal(robots.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(robots.headers.get('cache-control'), 'no-cache');
  });

  it('sends the precompressed brotli or gzip sibling a browser accepts, and the plain file to anyone else', async () => {
    const source = 'export const big = ' + JSON.stringify('attune '.repeat(400)) + ';\n';
    const path = join(webRoot, 'assets', 'chunk-Zz99.js');
    writeFileSync(path, source);
    writeFileSync(`${path}.br`, brotliCompressSync(source));
    writeFileSync(`${path}.gz`, gzipSync(source));
    const br = await app.request('/assets/chunk-Zz99.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(br.headers.get('vary'), 'accept-encoding');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), source);
    const gz = await app.request('/assets/chunk-Zz99.js', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), source);
    assert.notEqual(gz.headers.get('etag'), br.headers.get('etag'));
    const plain = await app.request('/assets/chunk-Zz99.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), source);
    // A rebuilt file newer than its compressed siblings is sent as it is, never as the stale compression.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    const stale = await app.request('/assets/chunk-Zz99.js', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(stale.headers.get('content-encoding'), null);
    assert.equal(await stale.text(), source);
  });

  it('answers a revalidation of an unchanged file with 304 and no body', async () => {
    const first = await app.request('/assets/index-Ab12Cd.js');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await app.request('/assets/index-Ab12Cd.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('answers page paths it has no file for with the app page, pointing deeper pages back at / for assets', async () => {
    const shallow = await app.request('/alerts');
    assert.equal(shallow.status, 200);
    assert.equal(await shallow.text(), INDEX);
    const deep = await app.request('/conversations/42');
    assert.equal(deep.status, 200);
    assert.equal(deep.headers.get('cache-control'), 'no-cache');
    assert.match(await deep.text(), /<head><base href="\/">/);
  });

  it('answers a missing file with a 404 instead of the page posing as that file', async () => {
    for (const path of ['/assets/index-Old999.js', '/favicon.ico']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/, path);
    }
  });

  it('never answers API, socket, integration or health paths with the page', async () => {
    for (const path of ['/api', '/api/v1/nothing-here', '/api/v2/x', '/ws', '/ws/live', '/integrations/nothing']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      const body = (await response.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'not_found', path);
    }
    const openapi = await app.request('/api/openapi.json');
    assert.equal(openapi.status, 200);
    assert.equal(((await openapi.json()) as { openapi: string }).openapi, '3.1.0');
    assert.deepEqual(await (await app.request('/healthz')).json(), { ok: true, database: 'embedded' });
    const docs = await app.request('/api/docs');
    assert.match(await docs.text(), /Attune/);
  });

  it('answers only reads with the page: other methods on page paths get the API 404', async () => {
    const response = await app.request('/', { method: 'POST' });
    assert.equal(response.status, 404);
    const head = await app.request('/');
    assert.equal(head.status, 200);
    const headOnly = await app.request('/', { method: 'HEAD' });
    assert.equal(headOnly.status, 200);
    assert.equal(await headOnly.text(), '');
  });

  it('refuses every attempt to read a file outside its directory', async () => {
    const attempts = [
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%5csecret.txt',
      '/%252e%252e%252fsecret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const response = await app.request(`http://localhost${path}`);
      const body = await response.text();
      assert.ok(!body.includes(SECRET), `${path} served the file outside the directory`);
      assert.equal(response.status, 404, path);
    }
  });

  it('lets only the Chatwoot embed be framed by another site', async () => {
    const embed = await app.request('/?embed=chatwoot&inbox=abc&key=k');
    assert.match(embed.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    assert.equal(embed.headers.get('x-frame-options'), null);
    assert.equal(embed.headers.get('referrer-policy'), 'no-referrer');
    for (const path of ['/?embed=chatwoot', '/?inbox=abc', '/conversations/1?embed=chatwoot&inbox=abc']) {
      const response = await app.request(path);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
    }
  });

  it("sends Chatwoot's Dashboard App URL to the app's embed mode with its inbox and key", async () => {
    const response = await app.request('/integrations/chatwoot/dashboard-app?inbox=in%201&key=t%2Bk');
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location') ?? '', 'http://attune.test');
    assert.equal(location.pathname, '/');
    assert.equal(location.searchParams.get('embed'), 'chatwoot');
    assert.equal(location.searchParams.get('inbox'), 'in 1');
    assert.equal(location.searchParams.get('key'), 't+k');
    const landing = await app.request(`${location.pathname}${location.search}`);
    assert.match(landing.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    // Without an inbox the embed could not find anything: the server's own page explains instead.
    const bare = await app.request('/integrations/chatwoot/dashboard-app');
    assert.equal(bare.status, 200);
    assert.match(await bare.text(), /Waiting for Chatwoot/);
  });

  it('tells how to build the web app when its directory is missing, and serves it once built, without a restart', async () => {
    const later = join(scratch, 'later');
    const unbuilt = createApp(context, { webRoot: later });
    const page = await unbuilt.request('/');
    assert.equal(page.status, 503);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /npm run build:web/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal((await unbuilt.request('/api/openapi.json')).status, 200);
    assert.equal((await unbuilt.request('/assets/index-Ab12Cd.js')).status, 404);
    const dashboardApp = await unbuilt.request('/integrations/chatwoot/dashboard-app?inbox=1&key=k');
    assert.equal(dashboardApp.status, 200, 'the server keeps its own Dashboard App page until the app is built');

    mkdirSync(later);
    writeFileSync(join(later, 'index.html'), INDEX);
    const built = await unbuilt.request('/');
    assert.equal(built.status, 200);
    assert.equal(await built.text(), INDEX);
  });

  it('stays API-only when given no web app directory', async () => {
    const apiOnly = createApp(context);
    const response = await apiOnly.request('/');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not_found');
    const dashboardApp = await apiOnly.request('/integrations/chatwoot/dashboard-app?inbox=1&key=k');
    assert.equal(dashboardApp.status, 200);
  });
});
