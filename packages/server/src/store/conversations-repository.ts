import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import {
  alerts,
  contacts,
  conversationAssists,
  conversations,
  csatResponses,
  messageAnalyses,
  messages,
  scorecards,
} from '../db/schema.ts';
import { transition, type ConversationStatus, isConversationStatus } from '../domain/conversation-status.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Viewer } from '../domain/roles.ts';
import { audit, type Actor } from './audit-repository.ts';
import { appendEvents } from './events-repository.ts';
import type { ConversationRow } from './rows.ts';

export async function getConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
  return row;
}

/** The SQL form of canSeeConversation: the same rule, applied in the query so lists never over-fetch. */
export function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role === 'admin') return undefined;
  const byTeam = viewer.teamIds.length > 0 ? inArray(conversations.teamId, [...viewer.teamIds]) : undefined;
  if (viewer.role === 'agent') {
    const own = eq(conversations.assigneeId, viewer.userId);
    return byTeam === undefined ? own : or(own, byTeam);
  }
  return byTeam ?? eq(conversations.id, '00000000-0000-0000-0000-000000000000');
}

export interface ConversationListFilter {
  readonly status?: ConversationStatus;
  readonly teamId?: string;
  readonly limit?: number;
  /** Keyset pagination: conversations last active strictly before this instant. */
  readonly before?: Date;
}

/**
 * The conversations the viewer may see, latest activity first, each with its live assist, the customer's name and
 * who spoke last (so a list can title rows and tell whether the customer is waiting without fetching each one).
 */
export async function listConversations(db: Db, viewer: Viewer, filter: ConversationListFilter = {}) {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (filter.status !== undefined) where.push(eq(conversations.status, filter.status));
  if (filter.teamId !== undefined) where.push(eq(conversations.teamId, filter.teamId));
  if (filter.before !== undefined) where.push(lt(conversations.updatedAt, filter.before));
  return db
    .select({
      conversation: conversations,
      assist: conversationAssists.assist,
      contactName: contacts.name,
      // Served by messages_conversation_idx: one index probe per listed row.
      lastMessageRole: sql<string | null>`(select ${messages.role} from ${messages}
        where ${messages.conversationId} = ${conversations.id}
        order by ${messages.sentAt} desc, ${messages.createdAt} desc limit 1)`,
    })
    .from(conversations)
    .leftJoin(conversationAssists, eq(conversationAssists.conversationId, conversations.id))
    .leftJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(...where))
    .orderBy(desc(conversations.updatedAt))
    .limit(Math.min(filter.limit ?? 50, 200));
}

/** Everything the agent's screen needs for one conversation. */
export async function conversationDetail(db: Db, id: string) {
  const conversation = await getConversation(db, id);
  if (conversation === undefined) return undefined;
  const [messageRows, scorecardRows, assistRows, alertRows, csatRows, contactRows] = await Promise.all([
    db
      .select({ message: messages, analysis: messageAnalyses.analysis })
      .from(messages)
      .leftJoin(messageAnalyses, eq(messageAnalyses.messageId, messages.id))
      .where(eq(messages.conversationId, id))
      .orderBy(asc(messages.sentAt), asc(messages.createdAt)),
    db.select().from(scorecards).where(eq(scorecards.conversationId, id)).orderBy(desc(scorecards.createdAt)),
    db.select().from(conversationAssists).where(eq(conversationAssists.conversationId, id)),
    db.select().from(alerts).where(eq(alerts.conversationId, id)).orderBy(desc(alerts.createdAt)),
    db.select().from(csatResponses).where(eq(csatResponses.conversationId, id)),
    conversation.contactId === null
      ? Promise.resolve([])
      : db.select().from(contacts).where(eq(contacts.id, conversation.contactId)),
  ]);
  return {
    conversation,
    contact: contactRows[0] ?? null,
    messages: messageRows.map((r) => ({ ...r.message, analysis: r.analysis ?? null })),
    scorecards: scorecardRows,
    assist: assistRows[0]?.assist ?? null,
    alerts: alertRows,
    csat: csatRows,
  };
}

/** Moves a conversation through the status state machine; records who did it and tells listeners. */
export async function changeStatus(
  db: Db,
  actor: Actor,
  origin: string,
  id: string,
  to: ConversationStatus,
): Promise<Result<ConversationRow>> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
    if (current === undefined) return fail('not_found', { entity: 'conversation', id });
    const from = isConversationStatus(current.status) ? current.status : 'open';
    const next = transition(from, to);
    if (!next.ok) return next;
    if (from === to) return ok(current);
    const [row] = await tx
      .update(conversations)
      .set({ status: to, updatedAt: new Date() })
      .where(eq(conversations.id, id))
      .returning();
    if (row === undefined) throw new Error('changeStatus: update returned no row');
    await audit(tx, actor, 'conversation.status_changed', 'conversation', id, { from, to });
    await appendEvents(tx, origin, [
      {
        type: 'conversation.status_changed',
        conversationId: id,
        teamId: row.teamId,
        payload: { conversationId: id, from, to },
      },
    ]);
    return ok(row);
  });
}

export async function assignConversation(
  db: Db,
  actor: Actor,
  id: string,
  patch: { assigneeId?: string | null; teamId?: string | null },
): Promise<Result<ConversationRow>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(conversations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(conversations.id, id))
      .returning();
    if (row === undefined) return fail('not_found', { entity: 'conversation', id });
    await audit(tx, actor, 'conversation.assigned', 'conversation', id, { ...patch });
    return ok(row);
  });
}

export async function findConversationByExternalId(
  db: Db,
  inboxId: string,
  externalId: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.inboxId, inboxId), eq(conversations.externalId, externalId)));
  return row;
}
