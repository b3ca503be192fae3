/**
 * Durable, idempotent ingest of one message. Everything (contact, conversation, message, analysis, outbox
 * event) commits in one transaction; the caller acknowledges only after it returns. A message whose
 * (inbox, external id) is already stored is reported as a duplicate and changes nothing.
 */
import type { MessageAnalysis } from '@attune/engine';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { conversations, inboxes, messageAnalyses, messages } from '../db/schema.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { eventChannel, rememberWrittenEvent } from './events-repository.ts';
import type { ConversationRow, InboxRow, MessageRow } from './rows.ts';

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
  /** The inbox row when the caller already has it (from its cache): saves a query. */
  knownInbox?: InboxRow,
): Promise<Result<IngestedMessage>> {
  const inbox =
    knownInbox?.id === input.inboxId
      ? knownInbox
      : (await db.select().from(inboxes).where(eq(inboxes.id, input.inboxId)))[0];
  if (inbox === undefined) return fail('not_found', { entity: 'inbox', id: input.inboxId });

  const sentAt = input.message.sentAt ?? new Date();
  const teamId = input.conversation.teamId === undefined ? inbox.teamId : input.conversation.teamId;
  const contact = input.conversation.contact;
  const message = {
    id: randomUUID(),
    externalId: input.message.externalId,
    role: input.message.role,
    authorId: input.message.authorId ?? null,
    text: input.message.text,
    sentAt,
  };
  // One statement, so one round trip and its own transaction: contact, conversation, message, analysis and
  // outbox event commit together (or not at all), and the NOTIFY goes out on commit. The profile showed the
  // per-statement round trips, not the analysis, were what an ingest cost. A message already stored makes
  // every insert a no-op (`existing`); a concurrent first delivery loses on the unique index (`msg` is empty).
  // A customer writing into a resolved or snoozed conversation reopens it (both may move to open: see
  // domain/conversation-status.ts).
  const result = (await db.execute(sql`
    with existing as (
      select id from messages where inbox_id = ${inbox.id}::uuid and external_id = ${message.externalId}
    ),
    contact as (
      insert into contacts (inbox_id, external_id, name, email)
      select ${inbox.id}::uuid, ${contact?.externalId ?? null}::text, ${contact?.name ?? null}::text, ${contact?.email ?? null}::text
      where ${contact?.externalId ?? null}::text is not null and not exists (select 1 from existing)
      on conflict (inbox_id, external_id) do update
        set name = coalesce(excluded.name, contacts.name), email = coalesce(excluded.email, contacts.email)
      returning id
    ),
    conv as (
      insert into conversations (inbox_id, external_id, team_id, assignee_id, contact_id, subject, lang, last_message_at)
      select ${inbox.id}::uuid, ${input.conversation.externalId}, ${teamId}::uuid,
        ${input.conversation.assigneeId ?? null}::uuid, (select id from contact),
        ${input.conversation.subject ?? null}::text, ${analysis?.lang.tag ?? null}::text, ${sentAt.toISOString()}::timestamptz
      where not exists (select 1 from existing)
      on conflict (inbox_id, external_id) do update set
        last_message_at = greatest(conversations.last_message_at, excluded.last_message_at),
        updated_at = now(),
        contact_id = coalesce(conversations.contact_id, excluded.contact_id),
        lang = coalesce(conversations.lang, excluded.lang),
        status = case when ${message.role === 'customer'} and conversations.status in ('resolved', 'snoozed')
          then 'open' else conversations.status end
      returning *
    ),
    msg as (
      insert into messages (id, conversation_id, inbox_id, external_id, role, author_id, text, sent_at)
      select ${message.id}::uuid, conv.id, ${inbox.id}::uuid, ${message.externalId}, ${message.role},
        ${message.authorId}::uuid, ${message.text}, ${sentAt.toISOString()}::timestamptz
      from conv
      on conflict (inbox_id, external_id) do nothing
      returning id, created_at
    ),
    analysis as (
      insert into message_analyses
        (message_id, model_id, model_version, lang, dominant_emotion, sentiment, valence, intensity, analysis)
      select msg.id, ${analysis?.model.id ?? ''}, ${analysis?.model.version ?? ''}, ${analysis?.lang.tag ?? ''},
        ${analysis?.emotions.dominant ?? ''}, ${analysis?.sentiment.label ?? ''}, ${analysis?.sentiment.valence ?? 0},
        ${analysis?.emotions.intensity ?? 0}, ${JSON.stringify(analysis)}::jsonb
      from msg where ${analysis !== null}
      returning message_id
    ),
    ev as (
      insert into events (type, conversation_id, team_id, payload)
      select 'message.analyzed', conv.id, conv.team_id, jsonb_build_object(
        'conversationId', conv.id,
        'message', ${JSON.stringify(serializedWithoutConversation(message))}::jsonb
          || jsonb_build_object('conversationId', conv.id),
        'analysis', ${JSON.stringify(analysis)}::jsonb)
      from msg, conv
      returning id, created_at
    )
    select (select row_to_json(conv) from conv) as conversation,
      (select created_at from msg) as message_created_at,
      ev.id::text as event_id, ev.created_at as event_created_at,
      case when ev.id is null then null else pg_notify(${eventChannel}, ${origin} || ':' || ev.id) end as notified
    from (select 1) as one left join ev on true`)) as unknown as {
    rows: {
      conversation: Record<string, unknown> | string | null;
      message_created_at: Date | string | null;
      event_id: string | null;
      event_created_at: Date | string | null;
    }[];
  };
  const row = result.rows[0];
  if (row === undefined) throw new Error('ingestMessage: the ingest statement returned no row');
  if (row.conversation === null || row.message_created_at === null || row.event_id === null) {
    // Already stored, or a concurrent delivery of the same message won the race: this one is the duplicate.
    const winner = await findMessage(db, input.inboxId, input.message.externalId);
    if (winner === undefined) throw new Error('ingestMessage: conflicting message vanished');
    return ok(await duplicateOf(db, winner));
  }
  const conversation = conversationFromJson(
    typeof row.conversation === 'string' ? (JSON.parse(row.conversation) as Record<string, unknown>) : row.conversation,
  );
  const stored: MessageRow = {
    ...message,
    conversationId: conversation.id,
    inboxId: inbox.id,
    createdAt: new Date(row.message_created_at),
  };
  rememberWrittenEvent(origin, {
    id: Number(row.event_id),
    type: 'message.analyzed',
    conversationId: conversation.id,
    teamId: conversation.teamId,
    payload: { conversationId: conversation.id, message: serializeMessage(stored), analysis },
    createdAt: new Date(row.event_created_at ?? Date.now()),
  });
  return ok({ duplicate: false, conversation, message: stored, analysis });
}

function serializedWithoutConversation(m: {
  id: string;
  externalId: string;
  role: string;
  authorId: string | null;
  text: string;
  sentAt: Date;
}) {
  return {
    id: m.id,
    externalId: m.externalId,
    role: m.role,
    authorId: m.authorId,
    text: m.text,
    sentAt: m.sentAt.toISOString(),
  };
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** A conversation row as `row_to_json` gives it (snake_case, timestamps as text) in drizzle's shape. */
function conversationFromJson(j: Record<string, unknown>): ConversationRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(j['id']),
    inboxId: String(j['inbox_id']),
    teamId: text(j['team_id']),
    assigneeId: text(j['assignee_id']),
    contactId: text(j['contact_id']),
    externalId: String(j['external_id']),
    status: String(j['status']),
    subject: text(j['subject']),
    lang: text(j['lang']),
    lastMessageAt: date(j['last_message_at']),
    createdAt: date(j['created_at']) ?? new Date(),
    updatedAt: date(j['updated_at']) ?? new Date(),
  };
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
