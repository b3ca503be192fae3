import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { dropSchema, freshSchemaName, postgresReachable, testPostgresUrl } from '../db/test-databases.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { startServer, type RunningServer } from '../start-server.ts';
import { testAnalyzer } from '../testing/test-analyzer.ts';
import { buildApiWorld, ingestBody, type ApiWorld } from '../testing/api-world.ts';

const processScript = fileURLToPath(new URL('../testing/server-process.ts', import.meta.url));

function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', processScript], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m !== null) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server process exited early with ${String(code)}`)));
  });
}

function nextFrame(ws: WebSocket, type: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      if (frame['type'] === type) {
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('live events across two server processes on one PostgreSQL', async () => {
  if (!(await postgresReachable())) {
    console.warn(`NOTICE: PostgreSQL at ${testPostgresUrl} is unreachable; skipping the scale-out test.`);
    return;
  }
  const schema = freshSchemaName();
  let setup: Database;
  let world: ApiWorld;
  let local: RunningServer;
  let remote: { child: ChildProcess; port: number };

  before(async () => {
    setup = await openDatabase({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 2 });
    await migrate(setup.db);
    world = await buildApiWorld(setup);
    local = await startServer({
      database: { kind: 'postgres', url: testPostgresUrl, schema },
      analyzer: await testAnalyzer(),
      port: 0,
    });
    remote = await startChild({ ATTUNE_TEST_PG_URL: testPostgresUrl, ATTUNE_TEST_PG_SCHEMA: schema });
  });

  after(async () => {
    remote?.child.kill('SIGTERM');
    if (remote !== undefined) await once(remote.child, 'exit');
    await local?.close();
    await world?.close();
    await setup?.close();
    await dropSchema(schema);
  });

  it('delivers a message ingested on one process to an agent socket on the other, and refuses another team’s subscription', async () => {
    const first = await fetch(`http://127.0.0.1:${remote.port}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify(ingestBody(world.ids.redInbox, 'c-1', 'm-1', 'Hello, my order is late')),
    });
    const conversationId = String(((await first.json()) as { conversationId: string }).conversationId);
    const blue = await fetch(`http://127.0.0.1:${remote.port}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.bob}`, 'content-type': 'application/json' },
      body: JSON.stringify(ingestBody(world.ids.blueInbox, 'b-1', 'm-1', 'Blue team secret')),
    });
    const blueId = String(((await blue.json()) as { conversationId: string }).conversationId);

    const ws = new WebSocket(`ws://127.0.0.1:${local.port}/api/v1/live`, {
      headers: { authorization: `Bearer ${world.tokens.alice}` },
    });
    await nextFrame(ws, 'hello');
    ws.send(JSON.stringify({ type: 'subscribe', conversationId: blueId }));
    const denied = await nextFrame(ws, 'error');
    assert.equal(denied['code'], 'not_found');
    ws.send(JSON.stringify({ type: 'subscribe', conversationId }));
    await nextFrame(ws, 'subscribed');

    const analyzed = nextFrame(ws, 'message.analyzed');
    await fetch(`http://127.0.0.1:${remote.port}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify(ingestBody(world.ids.redInbox, 'c-1', 'm-2', 'This is the third time I ask!!')),
    });
    const frame = await analyzed;
    const payload = frame['payload'] as { message: { text: string }; analysis: { emotions: { dominant: string } } };
    assert.equal(payload.message.text, 'This is the third time I ask!!');
    assert.equal(typeof payload.analysis.emotions.dominant, 'string');
    ws.close();
  });

  it('refuses a socket without valid credentials', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${local.port}/api/v1/live?token=att_wrong`);
    const [error] = (await once(ws, 'error')) as [Error];
    assert.match(error.message, /401/);
  });
});
