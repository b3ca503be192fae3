/**
 * The outbox of live events. An event is written in the same transaction as the change it reports and a
 * NOTIFY carrying its id is sent in that transaction too, so PostgreSQL delivers it to every process
 * exactly when (and only if) the change commits.
 */
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { notifySql } from '../db/database.ts';
import { events } from '../db/schema.ts';
import type { EventRow } from './rows.ts';

export const eventChannel = 'attune_events';
/** The NOTIFY payload (on the same channel, so it stays in commit order) that says cached lookups changed. */
export const invalidationPayload = 'invalidate';

export interface NewEvent {
  readonly type: string;
  readonly conversationId: string | null;
  readonly teamId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * Events this process wrote, by their NOTIFY payload (`<origin>:<id>`), so its own notifications are delivered
 * without reading the row back. Entries of transactions that rolled back are never claimed; the bound drops them.
 */
const written = new Map<string, EventRow>();
const maxWritten = 20_000;

/** Takes the row this process wrote for a NOTIFY payload, if it did. */
export function takeWrittenEvent(notifyPayload: string): EventRow | undefined {
  const row = written.get(notifyPayload);
  if (row !== undefined) written.delete(notifyPayload);
  return row;
}

/**
 * Appends events and queues their NOTIFY in one statement; `origin` tells the processes which of them wrote it
 * (side effects run there only).
 */
export async function appendEvents(tx: Db, origin: string, list: readonly NewEvent[]): Promise<EventRow[]> {
  if (list.length === 0) return [];
  const values = list.map(
    (e) => sql`(${e.type}, ${e.conversationId}::uuid, ${e.teamId}::uuid, ${JSON.stringify(e.payload)}::jsonb)`,
  );
  const result = (await tx.execute(sql`
    with inserted as (
      insert into events (type, conversation_id, team_id, payload) values ${sql.join(values, sql`, `)}
      returning id, created_at
    )
    select id::text as id, created_at, pg_notify(${eventChannel}, ${origin} || ':' || id) from inserted order by id`)) as unknown as {
    rows: { id: string; created_at: Date | string }[];
  };
  const rows = result.rows.map((r, i): EventRow => {
    const e = list[i];
    if (e === undefined)
      throw new Error(`appendEvents: ${list.length} events inserted but ${result.rows.length} returned`);
    return {
      id: Number(r.id),
      type: e.type,
      conversationId: e.conversationId,
      teamId: e.teamId,
      payload: e.payload as Record<string, unknown>,
      createdAt: new Date(r.created_at),
    };
  });
  for (const row of rows) rememberWrittenEvent(origin, row);
  return rows;
}

/** Records an event row this process wrote (by a statement of its own), for LiveBus to deliver from memory. */
export function rememberWrittenEvent(origin: string, row: EventRow): void {
  if (written.size >= maxWritten) {
    for (const key of [...written.keys()].slice(0, maxWritten / 4)) written.delete(key);
  }
  written.set(`${origin}:${row.id}`, row);
}

/** Tells every process (this one included) to drop cached users, tokens, sessions, inboxes and webhooks. */
export async function announceInvalidation(db: Db): Promise<void> {
  await db.execute(notifySql(eventChannel, invalidationPayload));
}

export async function getEvent(db: Db, id: number): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

export async function getEvents(db: Db, ids: readonly number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(events)
    .where(inArray(events.id, [...ids]));
}

/** Live events are for live delivery; history lives in the domain tables. Old ones are pruned. */
export async function pruneEvents(db: Db, olderThan: Date): Promise<void> {
  await db.delete(events).where(lt(events.createdAt, olderThan));
}
