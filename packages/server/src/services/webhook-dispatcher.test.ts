import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createServerCaches } from '../http/server-caches.ts';
import { LiveBus } from '../live/live-bus.ts';
import { appendEvents } from '../store/events-repository.ts';
import { createWebhook, listDeliveries } from '../store/webhooks-repository.ts';
import { backoffMs, startWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher.ts';

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly verified: boolean;
}

/** A receiver on 127.0.0.1 that checks Attune's signature the way an integrator would, from the raw body. */
function receiver(secret: string, statuses: number[]): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['attune-signature']));
      const verified = m !== null && createHmac('sha256', secret).update(`${m[1]}.${body}`).digest('hex') === m[2];
      received.push({ headers: req.headers, body, verified });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received }),
    ),
  );
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('outbound webhooks', () => {
  let database: Database;
  let bus: LiveBus;
  // The dispatcher's clock; each test starts it just after the real time, since a new delivery is due at the
  // database's now().
  let clock = 0;
  let dispatcher: WebhookDispatcher;
  let caches: ReturnType<typeof createServerCaches>;

  before(async () => {
    database = await openDatabase({ kind: 'embedded' });
    await migrate(database.db);
    bus = new LiveBus(database, 'test-origin');
    await bus.start();
    caches = createServerCaches(database.db);
    dispatcher = startWebhookDispatcher({
      db: database.db,
      bus,
      caches,
      now: () => clock,
      pollMs: 60_000,
    });
  });

  after(async () => {
    await dispatcher.stop();
    await bus.stop();
    await database.close();
  });

  const emit = (type: string) =>
    database.db.transaction((tx) =>
      appendEvents(tx, 'test-origin', [{ type, conversationId: null, teamId: null, payload: { hello: 'world' } }]),
    );

  it('POSTs each wanted event once, signed with HMAC-SHA256 so the receiver can verify it, and logs the delivery', async () => {
    const r = await receiver('s3cret', []);
    clock = Date.now() + 30_000;
    try {
      const hook = await createWebhook(
        database.db,
        { via: 'system' },
        {
          url: r.url,
          secret: 's3cret',
          events: ['alert.raised'],
          teamId: null,
        },
      );
      await emit('message.analyzed'); // not subscribed: never sent
      const [event] = await emit('alert.raised');
      await until(() => r.received.length === 1, 'the delivery');
      const got = r.received[0];
      assert.ok(got?.verified, 'signature did not verify');
      assert.equal(got.headers['attune-event'], 'alert.raised');
      const body = JSON.parse(got.body) as { id: string; type: string; data: unknown };
      assert.deepEqual([body.id, body.type, body.data], [String(event?.id), 'alert.raised', { hello: 'world' }]);
      await until(async () => (await listDeliveries(database.db, hook.id))[0]?.status === 'delivered', 'the log');
      const [log] = await listDeliveries(database.db, hook.id);
      assert.equal(log?.attempts, 1);
      assert.equal(log?.lastStatusCode, 200);
      // A forged signature (another secret) would not verify at the receiver.
      const forged = createHmac('sha256', 'other').update(`1.${got.body}`).digest('hex');
      assert.notEqual(forged, /v1=(\w+)/.exec(String(got.headers['attune-signature']))?.[1]);
    } finally {
      r.server.close();
    }
  });

  it('retries a failing receiver with growing backoff and records every attempt', async () => {
    const r = await receiver('k', [500, 503]);
    clock = Date.now() + 30_000;
    try {
      const hook = await createWebhook(
        database.db,
        { via: 'system' },
        {
          url: r.url,
          secret: 'k',
          events: ['*'],
          teamId: null,
        },
      );
      caches.clear(); // as POST /api/v1/webhooks does
      await emit('assist.updated');
      await until(async () => (await listDeliveries(database.db, hook.id))[0]?.attempts === 1, 'the first attempt');
      let [log] = await listDeliveries(database.db, hook.id);
      assert.deepEqual([log?.status, log?.lastStatusCode, log?.lastError], ['pending', 500, 'HTTP 500']);
      const firstRetryAt = log?.nextAttemptAt.getTime() ?? 0;
      assert.ok(
        firstRetryAt - clock >= 1600 && firstRetryAt - clock <= 2400,
        `first retry in ${firstRetryAt - clock} ms`,
      );

      await dispatcher.flush(); // not due yet: nothing is sent
      assert.equal(r.received.length, 1);

      clock = firstRetryAt + 1;
      await dispatcher.flush();
      [log] = await listDeliveries(database.db, hook.id);
      assert.deepEqual([log?.attempts, log?.lastStatusCode], [2, 503]);
      const secondWait = (log?.nextAttemptAt.getTime() ?? 0) - clock;
      assert.ok(secondWait >= 3200 && secondWait <= 4800, `second retry in ${secondWait} ms`);

      clock += secondWait + 1;
      await dispatcher.flush();
      [log] = await listDeliveries(database.db, hook.id);
      assert.deepEqual([log?.status, log?.attempts, log?.lastStatusCode, log?.lastError], ['delivered', 3, 200, null]);
      assert.equal(r.received.length, 3);
      assert.ok(r.received.every((x) => x.verified));
    } finally {
      r.server.close();
    }
  });

  it('backs off exponentially with jitter, capped at ten minutes', () => {
    assert.equal(
      backoffMs(1, () => 0.5),
      2000,
    );
    assert.equal(
      backoffMs(4, () => 0.5),
      16_000,
    );
    assert.equal(
      backoffMs(30, () => 0.5),
      600_000,
    );
    assert.ok(backoffMs(3, () => 0) >= 6400 && backoffMs(3, () => 1) <= 9600);
  });
});
