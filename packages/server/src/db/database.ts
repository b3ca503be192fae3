/**
 * Opens the one storage schema on either the embedded database (PGlite, data in a directory or in memory)
 * or PostgreSQL (`DATABASE_URL`), behind one drizzle type so repositories never know which it is.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly db: Db;
  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL this reaches every process on the same database, which
   * is what scale-out rests on; on the embedded database it stays within this process.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { readonly kind: 'embedded'; readonly dataDir?: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** A schema to use instead of `public` (tests use one fresh schema per run). */
      readonly schema?: string;
      readonly poolSize?: number;
    };

const safeIdentifier = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'embedded') {
    const client = config.dataDir === undefined ? new PGlite() : new PGlite(config.dataDir);
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'embedded',
      db,
      async listen(channel, onPayload) {
        const unsubscribe = await client.listen(channel, onPayload);
        return unsubscribe;
      },
      close: () => client.close(),
    };
  }
  if (config.schema !== undefined && !safeIdentifier.test(config.schema)) {
    throw new Error(
      `openDatabase: schema must be a lower-case SQL identifier, received ${JSON.stringify(config.schema)}`,
    );
  }
  const options = config.schema === undefined ? undefined : `-c search_path=${config.schema}`;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(options === undefined ? {} : { options }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(`attune: PostgreSQL pool error: ${error.message}`));
  if (config.schema !== undefined) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${config.schema}`);
    } finally {
      client.release();
    }
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      if (!safeIdentifier.test(channel)) throw new Error(`listen: bad channel name ${JSON.stringify(channel)}`);
      const client = new pg.Client({ connectionString: config.url });
      client.on('error', (error) => console.error(`attune: LISTEN connection error: ${error.message}`));
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      await client.query(`LISTEN ${channel}`);
      listeners.push(client);
      return async () => {
        const i = listeners.indexOf(client);
        if (i >= 0) listeners.splice(i, 1);
        await client.end();
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end()));
      await pool.end();
    },
  };
}

/** Sends a NOTIFY inside the caller's transaction, so it is delivered only if the transaction commits. */
export function notifySql(channel: string, payload: string) {
  return sql`select pg_notify(${channel}, ${payload})`;
}
