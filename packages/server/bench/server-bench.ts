/**
 * Server benchmark (`npm run bench` runs it and includes its stdout): prints a Markdown `## Server` section.
 *
 * The server runs in its own OS process (as in production; the load generator must not share its event loop),
 * on the embedded database and on PostgreSQL (127.0.0.1:5432, database `test`, a fresh schema). Measured:
 * - throughput: durable ingest with analysis, 4 concurrent senders, messages/s;
 * - steady latency: N connected agents (own token, own socket, subscribed to their own conversation), messages
 *   ingested at a fixed rate, open loop; per message the HTTP acknowledgement and the arrival of
 *   message.analyzed on the agent's socket, p50/p99 over a few thousand;
 * - burst: one message for every agent at the same instant (queueing, reported separately);
 * - coach: POST .../coach at a fixed rate during the steady run, p50/p99 (when conversation intelligence is on).
 *
 *   node --import tsx packages/server/bench/server-bench.ts [--quick] [--agents 200] [--rate 50]
 *     [--samples 3000] [--only embedded|postgres] [--profile DIR]   (--profile: the server writes a .cpuprofile)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { openDatabase, type DatabaseConfig } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { dropSchema, freshSchemaName, postgresReachable, testPostgresUrl } from '../src/db/test-databases.ts';
import { createApiToken } from '../src/store/credentials-repository.ts';
import { createInbox } from '../src/store/inboxes-repository.ts';
import { addTeamMember, createTeam, createUser } from '../src/store/users-repository.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    agents: { type: 'string' },
    rate: { type: 'string' },
    samples: { type: 'string' },
    throughput: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});
const quick = values.quick;
const agents = Number(values.agents ?? 200);
const rate = Number(values.rate ?? 50);
const samples = Number(values.samples ?? (quick ? 600 : 3000));
const throughputMessages = Number(values.throughput ?? (quick ? 400 : 2000));
const coachRate = 5;
const serverScript = fileURLToPath(new URL('../src/testing/server-process.ts', import.meta.url));

/** Customer messages in the three languages, mild to angry, so the analysis does real work. */
const texts = [
  'Where is my refund?! This is the third time I am asking.',
  '我的订单到现在还没到，太失望了。',
  'Спасибо, всё решилось быстро!',
  'I am worried the package is lost, can you check order 48213?',
  'Это уже третий раз, когда я пишу! Где мои деньги?',
  '客服一直不回复，我要投诉！',
  'Thanks, that works now.',
  'Nobody answers and I am getting really angry.',
];

interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));

interface World {
  readonly inboxId: string;
  readonly ingestToken: string;
  readonly leadToken: string;
  readonly agentTokens: readonly string[];
}

async function setUp(database: DatabaseConfig): Promise<World> {
  const setup = await openDatabase(database);
  await migrate(setup.db);
  const system = { via: 'system' } as const;
  const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
    if (!r.ok) throw new Error('bench: setup failed');
    return r.value;
  };
  const team = must(await createTeam(setup.db, system, 'Bench'));
  const inbox = await createInbox(setup.db, system, { name: 'bench', channel: 'chat', teamId: team.id });
  const person = async (i: number, role: 'agent' | 'lead' | 'admin') => {
    const user = must(
      await createUser(setup.db, system, {
        email: `${role}${i}@bench.test`,
        name: `${role} ${i}`,
        role,
        passwordHash: null,
      }),
    );
    if (role !== 'admin') must(await addTeamMember(setup.db, system, team.id, user.id));
    const scopes =
      role === 'admin' ? (['read', 'ingest', 'coach', 'admin'] as const) : (['read', 'ingest', 'coach'] as const);
    return (
      await createApiToken(setup.db, system, { userId: user.id, name: 'bench', scopes, ratePerMinute: 10_000_000 })
    ).token;
  };
  const ingestToken = await person(0, 'admin');
  const leadToken = await person(0, 'lead');
  const agentTokens: string[] = [];
  for (let i = 0; i < agents; i++) agentTokens.push(await person(i, 'agent'));
  await setup.close();
  return { inboxId: inbox.id, ingestToken, leadToken, agentTokens };
}

async function startServerProcess(
  env: Record<string, string>,
  label: string,
): Promise<{ child: ChildProcess; url: string }> {
  const args = ['--import', 'tsx'];
  if (values.profile !== undefined) args.push('--cpu-prof', `--cpu-prof-dir=${join(values.profile, label)}`);
  const child = spawn(process.execPath, [...args, serverScript], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench: server process exited with ${String(code)}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function run(database: DatabaseConfig, env: Record<string, string>, label: string) {
  const world = await setUp(database);
  const server = await startServerProcess(env, label);
  const post = async (path: string, token: string, body: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as Record<string, unknown>;
    return { status: r.status, json };
  };
  let sequence = 0;
  const ingest = (conversation: string, text: string) =>
    post('/api/v1/messages', world.ingestToken, {
      inboxId: world.inboxId,
      conversation: { externalId: conversation },
      message: { externalId: `m${sequence++}`, role: 'customer', text },
    });

  // Warm-up (JIT, caches, connection pool).
  for (let i = 0; i < 50; i++) await ingest(`warm${i % 5}`, texts[i % texts.length] ?? '');

  // 1. Throughput: 4 concurrent senders, 50 conversations.
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (next < throughputMessages) {
        const i = next++;
        const r = await ingest(`t${i % 50}`, texts[i % texts.length] ?? '');
        if (r.status !== 201) throw new Error(`bench: ingest answered ${r.status}`);
      }
    }),
  );
  const throughput = throughputMessages / ((performance.now() - t0) / 1000);

  // 2. Agents: each opens its conversation and subscribes to it on its own socket; one lead listens for alerts.
  const conversationIds: string[] = [];
  for (let a = 0; a < agents; a++) {
    const r = await ingest(`agent-${a}`, 'Hello, I have a question about my order.');
    conversationIds.push(String(r.json['conversationId']));
  }
  const arrivals = new Map<string, (at: number) => void>();
  const connect = (token: string, conversationId: string | null) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/live`, {
        headers: { authorization: `Bearer ${token}` },
      });
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const at = performance.now();
        const frame = JSON.parse(data.toString()) as {
          type: string;
          payload?: { message?: { externalId?: string } };
        };
        if (frame.type === 'hello' && conversationId === null) resolve(ws);
        if (frame.type === 'subscribed') resolve(ws);
        if (frame.type === 'message.analyzed') {
          const id = frame.payload?.message?.externalId;
          if (id !== undefined) arrivals.get(id)?.(at);
        }
        if (frame.type === 'alert.raised') alertsSeen++;
      });
      ws.on('open', () => {
        if (conversationId !== null) ws.send(JSON.stringify({ type: 'subscribe', conversationId }));
      });
    });
  let alertsSeen = 0;
  const sockets: WebSocket[] = [];
  for (let a = 0; a < agents; a++) sockets.push(await connect(world.agentTokens[a] ?? '', conversationIds[a] ?? ''));
  sockets.push(await connect(world.leadToken, null));

  /** Sends one customer message to agent a's conversation; resolves with its ack and socket latencies. */
  const timed = (a: number, text: string) =>
    new Promise<{ ack: number; socket: number }>((resolve, reject) => {
      const externalId = `m${sequence++}`;
      const started = performance.now();
      let ack = NaN;
      let socket = NaN;
      const done = () => {
        if (!Number.isNaN(ack) && !Number.isNaN(socket)) resolve({ ack, socket });
      };
      const timer = setTimeout(() => reject(new Error(`bench: ${externalId} never reached the socket`)), 30_000);
      arrivals.set(externalId, (at) => {
        arrivals.delete(externalId);
        clearTimeout(timer);
        socket = at - started;
        done();
      });
      void post('/api/v1/messages', world.ingestToken, {
        inboxId: world.inboxId,
        conversation: { externalId: `agent-${a}` },
        message: { externalId, role: 'customer', text },
      }).then((r) => {
        if (r.status !== 201) reject(new Error(`bench: ingest answered ${r.status}`));
        ack = performance.now() - started;
        done();
      }, reject);
    });

  // 3. Steady: a fixed rate, open loop (the next send does not wait for the previous one), coach alongside.
  const loadBefore = loadavg()[0] ?? NaN;
  const acks: number[] = [];
  const socketsMs: number[] = [];
  const coachMs: number[] = [];
  let coachStatus = 0;
  let steadyDone = false;
  const coachLoop = (async () => {
    for (let i = 0; !steadyDone; i++) {
      const started = performance.now();
      const r = await post(
        `/api/v1/conversations/${conversationIds[i % agents]}/coach`,
        world.agentTokens[i % agents] ?? '',
        {
          text: "I can't refund that.",
        },
      );
      coachStatus = r.status;
      if (r.status === 200) coachMs.push(performance.now() - started);
      await sleep(1000 / coachRate);
    }
  })();
  const pending: Promise<void>[] = [];
  const steadyStart = performance.now();
  for (let k = 0; k < samples; k++) {
    const due = steadyStart + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(
      timed(k % agents, texts[k % texts.length] ?? '').then((r) => {
        acks.push(r.ack);
        socketsMs.push(r.socket);
      }),
    );
  }
  await Promise.all(pending);
  const achievedRate = samples / ((performance.now() - steadyStart) / 1000);
  steadyDone = true;
  await coachLoop;

  // 4. Burst: every agent's customer writes at the same instant, three times.
  const burstAcks: number[] = [];
  const burstSockets: number[] = [];
  for (let round = 0; round < 3; round++) {
    const results = await Promise.all(
      Array.from({ length: agents }, (_, a) => timed(a, texts[(a + round) % texts.length] ?? '')),
    );
    for (const r of results) {
      burstAcks.push(r.ack);
      burstSockets.push(r.socket);
    }
    await sleep(500);
  }
  const loadAfter = loadavg()[0] ?? NaN;

  for (const ws of sockets) ws.close();
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
  return {
    throughput,
    steady: { rate: achievedRate, ack: summarize(acks), socket: summarize(socketsMs) },
    burst: { ack: summarize(burstAcks), socket: summarize(burstSockets) },
    coach: coachMs.length > 0 ? summarize(coachMs) : null,
    coachStatus,
    alertsSeen,
    load: [loadBefore, loadAfter] as const,
  };
}

type Result = Awaited<ReturnType<typeof run>>;
const results: [string, Result | string][] = [];
const wanted = (name: string) => values.only === undefined || values.only === name;

if (wanted('embedded')) {
  const dataDir = await mkdtemp(join(tmpdir(), 'attune-bench-'));
  try {
    results.push([
      'embedded (PGlite)',
      await run({ kind: 'embedded', dataDir }, { ATTUNE_TEST_DATA_DIR: dataDir }, 'embedded'),
    ]);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (wanted('postgres')) {
  if (await postgresReachable()) {
    const schema = freshSchemaName();
    try {
      results.push([
        'PostgreSQL',
        await run(
          { kind: 'postgres', url: testPostgresUrl, schema },
          { ATTUNE_TEST_PG_URL: testPostgresUrl, ATTUNE_TEST_PG_SCHEMA: schema },
          'postgres',
        ),
      ]);
    } finally {
      await dropSchema(schema);
    }
  } else results.push(['PostgreSQL', 'skipped: PostgreSQL unreachable at 127.0.0.1:5432']);
}

const cpu = cpus();
const out: string[] = [];
out.push('## Server', '');
out.push(
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
    `The server runs in its own process; the load generator (this process) shares the same ${cpu.length} cores. ` +
    `Command: \`node --import tsx packages/server/bench/server-bench.ts${quick ? ' --quick' : ''}\`.`,
  '',
);
out.push(
  `Settings: ${agents} connected agents (one token and socket each, subscribed to their own conversation) and one lead socket; ` +
    `steady ingest at ${rate} messages/s for ${samples} messages, open loop; coach requests at ${coachRate}/s during the steady run; ` +
    `burst = ${agents} messages at one instant, 3 rounds; throughput = ${throughputMessages} messages from 4 concurrent senders. ` +
    'Latencies in ms, measured at the client: ack = HTTP 201 after commit; socket = message.analyzed frame on the agent’s socket.',
  '',
);
out.push('| Database | Ingest with analysis (msg/s) | Load avg (1 min) before → after |', '| --- | --: | --- |');
for (const [name, r] of results)
  out.push(
    typeof r === 'string'
      ? `| ${name} | ${r} | |`
      : `| ${name} | ${r.throughput.toFixed(0)} | ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} |`,
  );
out.push('');
out.push(
  '| Database | Steady rate (msg/s) | Ack p50 / p99 | Socket p50 / p99 / max | Coach p50 / p99 (n) | Burst ack p50 / p99 | Burst socket p50 / p99 |',
  '| --- | --: | --- | --- | --- | --- | --- |',
);
for (const [name, r] of results) {
  if (typeof r === 'string') continue;
  const coach =
    r.coach === null ? `n/a (HTTP ${r.coachStatus})` : `${ms(r.coach.p50)} / ${ms(r.coach.p99)} (${r.coach.n})`;
  out.push(
    `| ${name} | ${r.steady.rate.toFixed(0)} | ${ms(r.steady.ack.p50)} / ${ms(r.steady.ack.p99)} | ` +
      `${ms(r.steady.socket.p50)} / ${ms(r.steady.socket.p99)} / ${ms(r.steady.socket.max)} | ${coach} | ` +
      `${ms(r.burst.ack.p50)} / ${ms(r.burst.ack.p99)} | ${ms(r.burst.socket.p50)} / ${ms(r.burst.socket.p99)} |`,
  );
}
const alerts = results.map(([name, r]) => (typeof r === 'string' ? null : `${name}: ${r.alertsSeen}`)).filter(Boolean);
out.push('', `alert.raised frames received by the lead during the run: ${alerts.join(', ')}.`);
console.log(out.join('\n'));
