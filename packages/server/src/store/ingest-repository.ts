/**
 * Durable, idempotent ingest of one message. Everything (contact, conversation, message, analysis, outbox
 * event) commits in one transaction; the caller acknowledges only after it returns. A message whose
 * (inbox, external id) is already stored is reported as a duplicate and changes nothing.
 */
import type { MessageAnalysis } from '@attune/engine';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { contacts, conversations, inboxes, messageAnalyses, messages } from '../db/schema.ts';
import { transition, isConversationStatus } from '../domain/conversation-status.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { appendEvents } from './events-repository.ts';
import type { ConversationRow, MessageRow } from './rows.ts';

export const messageRoles = ['customer', 'agent', 'note', 'system'] as const;
export type MessageRole = (typeof messageRoles)[number];

export interface IngestMessageInput {
  readonly inboxId: string;
  readonly conversation: {
    readonly externalId: string;
    readonly subject?: string | undefined;
    readonly teamId?: string | null | undefined;
    readonly assigneeId?: string | null | undefined;
    readonly contact?:
      | { readonly externalId: string; readonly name?: string | undefined; readonly email?: string | undefined }
      | undefined;
  };
  readonly message: {
    readonly externalId: string;
    readonly role: MessageRole;
    readonly text: string;
    readonly sentAt?: Date | undefined;
    readonly authorId?: string | null | undefined;
  };
}

export interface IngestedMessage {
  readonly duplicate: boolean;
  readonly conversation: ConversationRow;
  readonly message: MessageRow;
  readonly analysis: MessageAnalysis | null;
}

export async function ingestMessage(
  db: Db,
  origin: string,
  input: IngestMessageInput,
  analysis: MessageAnalysis | null,
): Promise<Result<IngestedMessage>> {
  return db.transaction(async (tx) => {
    const [inbox] = await tx.select().from(inboxes).where(eq(inboxes.id, input.inboxId));
    if (inbox === undefined) return fail('not_found', { entity: 'inbox', id: input.inboxId });

    const existing = await findMessage(tx, input.inboxId, input.message.externalId);
    if (existing !== undefined) return ok(await duplicateOf(tx, existing));

    let contactId: string | null = null;
    const contact = input.conversation.contact;
    if (contact !== undefined) {
      const [row] = await tx
        .insert(contacts)
        .values({
          inboxId: inbox.id,
          externalId: contact.externalId,
          name: contact.name ?? null,
          email: contact.email ?? null,
        })
        .onConflictDoUpdate({
          target: [contacts.inboxId, contacts.externalId],
          set: {
            name: sql`coalesce(excluded.name, ${contacts.name})`,
            email: sql`coalesce(excluded.email, ${contacts.email})`,
          },
        })
        .returning({ id: contacts.id });
      contactId = row?.id ?? null;
    }

    const sentAt = input.message.sentAt ?? new Date();
    const teamId = input.conversation.teamId === undefined ? inbox.teamId : input.conversation.teamId;
    const [conversation] = await tx
      .insert(conversations)
      .values({
        inboxId: inbox.id,
        externalId: input.conversation.externalId,
        teamId,
        assigneeId: input.conversation.assigneeId ?? null,
        contactId,
        subject: input.conversation.subject ?? null,
        lang: analysis?.lang.tag ?? null,
        lastMessageAt: sentAt,
      })
      .onConflictDoUpdate({
        target: [conversations.inboxId, conversations.externalId],
        set: {
          lastMessageAt: sql`greatest(${conversations.lastMessageAt}, excluded.last_message_at)`,
          updatedAt: sql`now()`,
          contactId: sql`coalesce(${conversations.contactId}, excluded.contact_id)`,
          lang: sql`coalesce(${conversations.lang}, excluded.lang)`,
        },
      })
      .returning();
    if (conversation === undefined) throw new Error('ingestMessage: conversation upsert returned no row');

    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        inboxId: inbox.id,
        externalId: input.message.externalId,
        role: input.message.role,
        authorId: input.message.authorId ?? null,
        text: input.message.text,
        sentAt,
      })
      .onConflictDoNothing({ target: [messages.inboxId, messages.externalId] })
      .returning();
    if (message === undefined) {
      // A concurrent delivery of the same message won the race; this one is the duplicate.
      const winner = await findMessage(tx, input.inboxId, input.message.externalId);
      if (winner === undefined) throw new Error('ingestMessage: conflicting message vanished');
      return ok(await duplicateOf(tx, winner));
    }

    if (analysis !== null) {
      await tx.insert(messageAnalyses).values({
        messageId: message.id,
        modelId: analysis.model.id,
        modelVersion: analysis.model.version,
        lang: analysis.lang.tag,
        dominantEmotion: analysis.emotions.dominant,
        sentiment: analysis.sentiment.label,
        valence: analysis.sentiment.valence,
        intensity: analysis.emotions.intensity,
        analysis: analysis as unknown as Record<string, unknown>,
      });
    }

    let current = conversation;
    // A customer writing into a resolved or snoozed conversation reopens it, through the state machine.
    const status = isConversationStatus(conversation.status) ? conversation.status : 'open';
    if (
      input.message.role === 'customer' &&
      status !== 'open' &&
      status !== 'pending' &&
      transition(status, 'open').ok
    ) {
      const [reopened] = await tx
        .update(conversations)
        .set({ status: 'open' })
        .where(eq(conversations.id, conversation.id))
        .returning();
      if (reopened !== undefined) current = reopened;
    }

    await appendEvents(tx, origin, [
      {
        type: 'message.analyzed',
        conversationId: current.id,
        teamId: current.teamId,
        payload: { conversationId: current.id, message: serializeMessage(message), analysis },
      },
    ]);
    return ok({ duplicate: false, conversation: current, message, analysis });
  });
}

async function findMessage(db: Db, inboxId: string, externalId: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.inboxId, inboxId), eq(messages.externalId, externalId)));
  return row;
}

async function duplicateOf(db: Db, message: MessageRow): Promise<IngestedMessage> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, message.conversationId));
  const [analysisRow] = await db.select().from(messageAnalyses).where(eq(messageAnalyses.messageId, message.id));
  if (conversation === undefined) throw new Error(`ingestMessage: message ${message.id} has no conversation`);
  return {
    duplicate: true,
    conversation,
    message,
    analysis: (analysisRow?.analysis as MessageAnalysis | undefined) ?? null,
  };
}

/** Messages as sent over JSON (dates as ISO strings). */
export function serializeMessage(m: MessageRow) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    externalId: m.externalId,
    role: m.role,
    authorId: m.authorId,
    text: m.text,
    sentAt: m.sentAt.toISOString(),
  };
}
