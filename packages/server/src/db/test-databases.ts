/**
 * Test support: runs one suite against the embedded database and against PostgreSQL (127.0.0.1:5432,
 * database `test`, a fresh schema per run, dropped afterwards). PostgreSQL being unreachable skips its half
 * with a visible notice rather than failing or silently passing.
 */
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';

export const testPostgresUrl = process.env['ATTUNE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const tables = [
  'webhook_deliveries',
  'webhooks',
  'sessions',
  'api_tokens',
  'audit_log',
  'self_assessments',
  'csat_responses',
  'alerts',
  'scorecards',
  'rubrics',
  'drafts',
  'conversation_assists',
  'message_analyses',
  'messages',
  'conversations',
  'contacts',
  'inboxes',
  'team_members',
  'teams',
  'users',
  'events',
];

export async function resetDatabase(db: Database): Promise<void> {
  await db.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
}

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 1500 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

export function freshSchemaName(): string {
  return `attune_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface DatabaseHandle {
  /** Valid inside `it` callbacks (opened in `before`). */
  readonly current: Database;
  readonly kind: 'embedded' | 'postgres';
  /** For PostgreSQL: the connection settings, so a test can open a second process on the same schema. */
  readonly postgres?: { readonly url: string; readonly schema: string };
}

/**
 * Declares `suite` twice: once on an in-memory embedded database, once on PostgreSQL. One instance per
 * file and kind (PGlite's initdb takes seconds); every test starts from empty tables.
 */
export function describeOnBothDatabases(title: string, suite: (handle: DatabaseHandle) => void): void {
  describe(`${title} (embedded PGlite)`, () => {
    const handle = { kind: 'embedded' as const } as { current: Database; kind: 'embedded' };
    before(async () => {
      handle.current = await openDatabase({ kind: 'embedded' });
      await migrate(handle.current.db);
    });
    after(() => handle.current.close());
    beforeEach(() => resetDatabase(handle.current));
    suite(handle);
  });

  describe(`${title} (PostgreSQL)`, async () => {
    if (!(await postgresReachable())) {
      console.warn(`NOTICE: PostgreSQL at ${testPostgresUrl} is unreachable; skipping "${title}" on PostgreSQL.`);
      return;
    }
    const schema = freshSchemaName();
    const handle = { kind: 'postgres' as const, postgres: { url: testPostgresUrl, schema } } as {
      current: Database;
      kind: 'postgres';
      postgres: { url: string; schema: string };
    };
    before(async () => {
      handle.current = await openDatabase({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 4 });
      await migrate(handle.current.db);
    });
    after(async () => {
      await handle.current.close();
      await dropSchema(schema);
    });
    beforeEach(() => resetDatabase(handle.current));
    suite(handle);
  });
}
