import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { inboxes } from '../db/schema.ts';
import { audit, type Actor } from './audit-repository.ts';
import type { InboxRow } from './rows.ts';

export const channels = ['chat', 'email', 'phone', 'social', 'chatwoot', 'api'] as const;
export type Channel = (typeof channels)[number];

export async function createInbox(
  db: Db,
  actor: Actor,
  input: { name: string; channel: Channel; teamId: string | null; settings?: Record<string, unknown> },
): Promise<InboxRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboxes)
      .values({ name: input.name, channel: input.channel, teamId: input.teamId, settings: input.settings ?? {} })
      .returning();
    if (row === undefined) throw new Error('createInbox: insert returned no row');
    await audit(tx, actor, 'inbox.created', 'inbox', row.id, { name: input.name, channel: input.channel });
    return row;
  });
}

export async function getInbox(db: Db, id: string): Promise<InboxRow | undefined> {
  const [row] = await db.select().from(inboxes).where(eq(inboxes.id, id));
  return row;
}

export async function listInboxes(db: Db): Promise<InboxRow[]> {
  return db.select().from(inboxes).orderBy(asc(inboxes.name));
}

/** Inbox settings hold secrets (Chatwoot API tokens, webhook secrets): shown over the API only as key names. */
export function publicInbox(row: InboxRow): Omit<InboxRow, 'settings'> & { settingKeys: string[] } {
  const { settings, ...rest } = row;
  return { ...rest, settingKeys: Object.keys((settings ?? {}) as object) };
}
