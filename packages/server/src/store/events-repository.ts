/**
 * The outbox of live events. An event is written in the same transaction as the change it reports and a
 * NOTIFY carrying its id is sent in that transaction too, so PostgreSQL delivers it to every process
 * exactly when (and only if) the change commits.
 */
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { notifySql } from '../db/database.ts';
import { events } from '../db/schema.ts';
import type { EventRow } from './rows.ts';

export const eventChannel = 'attune_events';

export interface NewEvent {
  readonly type: string;
  readonly conversationId: string | null;
  readonly teamId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Appends events and queues their NOTIFY; `origin` lets the writing process skip its own notifications. */
export async function appendEvents(tx: Db, origin: string, list: readonly NewEvent[]): Promise<EventRow[]> {
  if (list.length === 0) return [];
  const rows = await tx
    .insert(events)
    .values(list.map((e) => ({ ...e, payload: e.payload as Record<string, unknown> })))
    .returning();
  for (const row of rows) await tx.execute(notifySql(eventChannel, `${origin}:${row.id}`));
  return rows;
}

export async function getEvent(db: Db, id: number): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** Live events are for live delivery; history lives in the domain tables. Old ones are pruned. */
export async function pruneEvents(db: Db, olderThan: Date): Promise<void> {
  await db.delete(events).where(lt(events.createdAt, olderThan));
}
