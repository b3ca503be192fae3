/**
 * Starts one Attune server process: storage (embedded or PostgreSQL) with migrations, the HTTP API, the live
 * WebSocket, outbound webhooks and live assist. Several processes may share one PostgreSQL (see docs/server.md).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Analyzer } from '@attune/engine';
import { openDatabase, type Database, type DatabaseConfig } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { createServerCaches } from './http/server-caches.ts';
import type { ServerContext } from './http/server-context.ts';
import { LiveBus } from './live/live-bus.ts';
import { SocketHub } from './live/socket-hub.ts';
import { startAssist } from './services/assist-service.ts';
import type { ConversationIntelligence } from './services/conversation-intelligence.ts';
import { engineIntelligence } from './services/engine-intelligence.ts';
import { startChatwootWriteBack } from './integrations/chatwoot/chatwoot-write-back.ts';
import { startWebhookDispatcher } from './services/webhook-dispatcher.ts';
import { pruneEvents } from './store/events-repository.ts';
import { pruneSessions } from './store/credentials-repository.ts';
import { isEmpty, seedDemo, type DemoSeed } from './demo/seed-demo.ts';
import { startSimulatedCustomer } from './demo/simulated-customer.ts';
import { createIngestService } from './services/ingest-service.ts';
import { listInboxes } from './store/inboxes-repository.ts';
import { findUserByEmail } from './store/users-repository.ts';

export interface ServerOptions {
  readonly database: DatabaseConfig;
  readonly analyzer: Analyzer;
  /** Defaults to the engine's conversation intelligence on `analyzer`; null turns live assist and coaching off. */
  readonly intelligence?: ConversationIntelligence | null;
  /** Escalation risk (0..1) at or above which leads are alerted; default 0.6, the engine's "high". */
  readonly alertThreshold?: number;
  readonly port?: number;
  readonly host?: string;
  readonly secureCookies?: boolean;
  readonly maxBodyBytes?: number;
  /** Seed demo data into an empty database and keep a simulated customer talking. */
  readonly demo?: boolean;
  /**
   * The built web app's directory, served at `/` (the cli passes `@attune/web`'s dist path; the server does not
   * import the web package). Checked on each request, so building it while the server runs needs no restart.
   */
  readonly webRoot?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly context: ServerContext;
  readonly hub: SocketHub;
  /** Set when this start seeded the demo data: the logins and the one-time password to print. */
  readonly demoSeed: DemoSeed | null;
  close(): Promise<void>;
}

/** Builds the per-process context on an open, migrated database (tests use this directly with app.request). */
export async function createServerContext(
  database: Database,
  options: Pick<ServerOptions, 'analyzer' | 'intelligence' | 'secureCookies' | 'maxBodyBytes'>,
): Promise<ServerContext> {
  const origin = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const bus = new LiveBus(database, origin);
  const caches = createServerCaches(database.db);
  bus.onInvalidate(() => caches.clear());
  await bus.start();
  return {
    database,
    db: database.db,
    origin,
    analyzer: options.analyzer,
    intelligence: options.intelligence === undefined ? engineIntelligence(options.analyzer) : options.intelligence,
    bus,
    limiter: new RateLimiter(),
    caches,
    options: {
      secureCookies: options.secureCookies ?? false,
      maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
      maxImportBytes: 20 * 1024 * 1024,
    },
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const database = await openDatabase(options.database);
  await migrate(database.db);
  const context = await createServerContext(database, options);
  const app = createApp(context, options.webRoot === undefined ? {} : { webRoot: options.webRoot });
  const hub = new SocketHub(context.db, context.bus, context.caches.callers);
  const webhooks = startWebhookDispatcher({ db: context.db, bus: context.bus, caches: context.caches });
  const stopWriteBack = startChatwootWriteBack({ db: context.db, bus: context.bus, caches: context.caches });
  const stopAssist =
    context.intelligence === null
      ? () => undefined
      : startAssist({
          db: context.db,
          bus: context.bus,
          origin: context.origin,
          intelligence: context.intelligence,
          ...(options.alertThreshold === undefined ? {} : { alertThreshold: options.alertThreshold }),
        });

  let demoSeed: DemoSeed | null = null;
  let stopSimulation: () => void = () => undefined;
  if (options.demo === true) {
    const ingest = createIngestService(context);
    if (await isEmpty(context.db)) demoSeed = await seedDemo(context.db, ingest);
    const inbox = (await listInboxes(context.db)).find((i) => i.name === 'Website chat');
    const agent = await findUserByEmail(context.db, 'agent@attune.local');
    if (inbox !== undefined && agent !== undefined) {
      stopSimulation = startSimulatedCustomer({ ingest, inboxId: inbox.id, agentId: agent.id });
    }
  }

  const housekeeping = setInterval(
    () => {
      void pruneEvents(context.db, new Date(Date.now() - 24 * 3600 * 1000)).catch(() => undefined);
      void pruneSessions(context.db).catch(() => undefined);
    },
    10 * 60 * 1000,
  );
  housekeeping.unref();

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: options.host ?? '127.0.0.1' }, () =>
      resolve(s as Server),
    );
  });
  server.on('upgrade', (request, socket, head) => hub.handleUpgrade(request, socket, head));
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    context,
    hub,
    demoSeed,
    async close() {
      stopSimulation();
      clearInterval(housekeeping);
      stopAssist();
      stopWriteBack();
      hub.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.stop();
      await context.bus.stop();
      await database.close();
    },
  };
}
