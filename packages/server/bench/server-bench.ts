/**
 * Server benchmark (npm run bench calls this): durable ingest with analysis (messages/s) on the embedded
 * database and on PostgreSQL, end-to-end latency from ingest to an agent's socket with N connected agents
 * (p50/p99), and coach-route p99 under that load when conversation intelligence is wired. Prints JSON.
 *   node --import tsx packages/server/bench/server-bench.ts [--agents 200] [--messages 300]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { openDatabase, type DatabaseConfig } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { dropSchema, freshSchemaName, postgresReachable, testPostgresUrl } from '../src/db/test-databases.ts';
import { startServer } from '../src/start-server.ts';
import { createApiToken } from '../src/store/credentials-repository.ts';
import { createInbox } from '../src/store/inboxes-repository.ts';
import { addTeamMember, createTeam, createUser } from '../src/store/users-repository.ts';
import { testAnalyzer } from '../src/testing/test-analyzer.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const agents = arg('agents', 200);
const messages = arg('messages', 300);
const texts = [
  'Where is my refund?! Third time asking.',
  '我的订单到现在还没到，太失望了。',
  'Спасибо, всё решилось быстро!',
  'I am worried the package is lost.',
];

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN).toFixed(2));
}

async function run(database: DatabaseConfig) {
  const setup = await openDatabase(database);
  await migrate(setup.db);
  const system = { via: 'system' } as const;
  const team = await createTeam(setup.db, system, 'Bench');
  if (!team.ok) throw new Error('bench: setup failed');
  const inbox = await createInbox(setup.db, system, { name: 'bench', channel: 'chat', teamId: team.value.id });
  const admin = await createUser(setup.db, system, {
    email: 'bench@example.com',
    name: 'Bench',
    role: 'agent',
    passwordHash: null,
  });
  if (!admin.ok) throw new Error('bench: setup failed');
  await addTeamMember(setup.db, system, team.value.id, admin.value.id);
  const { token } = await createApiToken(setup.db, system, {
    userId: admin.value.id,
    name: 'b',
    scopes: ['read', 'ingest', 'coach'],
    ratePerMinute: 10_000_000,
  });
  await setup.close();

  const server = await startServer({ database, analyzer: await testAnalyzer(), port: 0 });
  const post = (body: unknown) =>
    fetch(`${server.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const body = (conv: number, i: number) => ({
    inboxId: inbox.id,
    conversation: { externalId: `c${conv}` },
    message: { externalId: `m${conv}-${i}`, role: 'customer', text: texts[i % texts.length] },
  });

  // 1. Throughput: 4 concurrent senders, durable ingest with analysis.
  await post(body(999_999, 0));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (next < messages) {
        const i = next++;
        const r = await post(body(i % 50, i));
        if (r.status !== 201) throw new Error(`ingest answered ${r.status}`);
      }
    }),
  );
  const ingestPerSecond = Math.round(messages / ((performance.now() - t0) / 1000));

  // 2. End-to-end latency with N agents, each subscribed to its own conversation.
  const convIds: string[] = [];
  for (let a = 0; a < agents; a++)
    convIds.push(
      String(((await (await post(body(10_000 + a, 0))).json()) as { conversationId: string }).conversationId),
    );
  const sockets = await Promise.all(
    convIds.map(
      (id) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/live`, {
            headers: { authorization: `Bearer ${token}` },
          });
          ws.on('error', reject);
          ws.on('message', (d: Buffer) => {
            if ((JSON.parse(d.toString()) as { type: string }).type === 'subscribed') resolve(ws);
          });
          ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', conversationId: id })));
        }),
    ),
  );
  const latencies: number[] = [];
  const rounds = Math.max(1, Math.ceil(messages / agents));
  for (let round = 1; round <= rounds; round++) {
    await Promise.all(
      sockets.map(
        (ws, a) =>
          new Promise<void>((resolve) => {
            const started = performance.now();
            const onMessage = (d: Buffer) => {
              const f = JSON.parse(d.toString()) as { type: string };
              if (f.type === 'message.analyzed') {
                latencies.push(performance.now() - started);
                ws.off('message', onMessage);
                resolve();
              }
            };
            ws.on('message', onMessage);
            void post(body(10_000 + a, round));
          }),
      ),
    );
  }
  for (const ws of sockets) ws.close();
  await server.close();
  return {
    ingestMessagesPerSecond: ingestPerSecond,
    endToEnd: { agents, samples: latencies.length, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99) },
  };
}

const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  note: 'coach p99 is not measured yet: the engine conversation intelligence is not wired into the server',
};
const dataDir = await mkdtemp(join(tmpdir(), 'attune-bench-'));
try {
  results['embedded'] = await run({ kind: 'embedded', dataDir });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
if (await postgresReachable()) {
  const schema = freshSchemaName();
  try {
    results['postgres'] = await run({ kind: 'postgres', url: testPostgresUrl, schema });
  } finally {
    await dropSchema(schema);
  }
} else results['postgres'] = 'skipped: PostgreSQL unreachable';
console.log(JSON.stringify(results, null, 2));
