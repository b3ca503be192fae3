/**
 * Reads conversations exported elsewhere into messages Attune can ingest: JSONL (one message or one
 * conversation per line), CSV (one message per row) and a Zendesk ticket export (tickets with comments).
 * Bad records are reported by line/ticket with a code; good ones still import.
 */
import { z } from 'zod';
import type { Issue } from '../domain/result.ts';
import type { MessageRole } from '../store/ingest-repository.ts';
import { parseCsv } from './csv-table.ts';

export interface ImportedMessage {
  readonly conversationExternalId: string;
  readonly externalId: string;
  readonly role: MessageRole;
  readonly text: string;
  readonly sentAt?: Date;
  readonly subject?: string;
}

export interface ImportReading {
  readonly messages: readonly ImportedMessage[];
  readonly issues: readonly Issue[];
}

const roleAliases: Readonly<Record<string, MessageRole>> = {
  customer: 'customer',
  user: 'customer',
  client: 'customer',
  requester: 'customer',
  end_user: 'customer',
  agent: 'agent',
  support: 'agent',
  assistant: 'agent',
  note: 'note',
  system: 'system',
  action: 'system',
};

function roleOf(value: unknown): MessageRole | undefined {
  return typeof value === 'string' ? roleAliases[value.trim().toLowerCase()] : undefined;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const idLike = z.union([z.string().min(1).max(200), z.number()]).transform(String);
const turn = z.object({
  id: idLike.optional(),
  role: z.string().optional(),
  speaker: z.string().optional(),
  text: z.string().min(1).max(20_000),
  sentAt: z.union([z.string(), z.number()]).optional(),
});
const messageLine = turn.extend({ conversationId: idLike, subject: z.string().max(500).optional() });
const conversationLine = z.object({
  id: idLike,
  subject: z.string().max(500).optional(),
  messages: z.array(turn).max(5000).optional(),
  turns: z.array(turn).max(5000).optional(),
});

export function readJsonl(text: string): ImportReading {
  const messages: ImportedMessage[] = [];
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      issues.push({ code: 'malformed_json', params: { line: index + 1 } });
      return;
    }
    const asConversation = conversationLine.safeParse(json);
    if (asConversation.success && (asConversation.data.messages ?? asConversation.data.turns) !== undefined) {
      const c = asConversation.data;
      (c.messages ?? c.turns ?? []).forEach((t, i) => {
        const role = roleOf(t.role ?? t.speaker);
        if (role === undefined)
          issues.push({
            code: 'unknown_role',
            params: { line: index + 1, turn: i, role: t.role ?? t.speaker ?? null },
          });
        else
          messages.push(
            withOptional(
              { conversationExternalId: c.id, externalId: t.id ?? `${c.id}#${i}`, role, text: t.text },
              dateOf(t.sentAt),
              c.subject,
            ),
          );
      });
      return;
    }
    const asMessage = messageLine.safeParse(json);
    if (!asMessage.success) {
      issues.push({ code: 'invalid_record', params: { line: index + 1 } });
      return;
    }
    const m = asMessage.data;
    const role = roleOf(m.role ?? m.speaker);
    if (role === undefined)
      issues.push({ code: 'unknown_role', params: { line: index + 1, role: m.role ?? m.speaker ?? null } });
    else
      messages.push(
        withOptional(
          {
            conversationExternalId: m.conversationId,
            externalId: m.id ?? `${m.conversationId}#L${index + 1}`,
            role,
            text: m.text,
          },
          dateOf(m.sentAt),
          m.subject,
        ),
      );
  });
  return { messages, issues };
}

/** Columns (header row, any order): conversation_id, message_id (optional), role, text, sent_at (optional). */
export function readCsv(text: string): ImportReading {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return { messages: [], issues: [{ code: 'empty_file' }] };
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [conv, id, role, body, sent] = ['conversation_id', 'message_id', 'role', 'text', 'sent_at'].map(col);
  if (conv === undefined || role === undefined || body === undefined || conv < 0 || role < 0 || body < 0) {
    return {
      messages: [],
      issues: [{ code: 'missing_columns', params: { required: ['conversation_id', 'role', 'text'] } }],
    };
  }
  const messages: ImportedMessage[] = [];
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    const conversationId = row[conv]?.trim() ?? '';
    const text = row[body] ?? '';
    const r = roleOf(row[role]);
    if (conversationId === '' || text.trim() === '' || r === undefined || text.length > 20_000) {
      issues.push({ code: 'invalid_record', params: { row: index + 2 } });
      return;
    }
    const externalId =
      id !== undefined && id >= 0 && (row[id] ?? '').trim() !== ''
        ? (row[id] ?? '').trim()
        : `${conversationId}#R${index + 2}`;
    messages.push(
      withOptional(
        { conversationExternalId: conversationId, externalId, role: r, text },
        sent !== undefined && sent >= 0 ? dateOf(row[sent]) : undefined,
        undefined,
      ),
    );
  });
  return { messages, issues };
}

const zendeskComment = z.object({
  id: idLike,
  author_id: idLike.optional(),
  body: z.string().max(100_000).optional(),
  plain_body: z.string().max(100_000).optional(),
  public: z.boolean().optional(),
  created_at: z.string().optional(),
});
const zendeskTicket = z.object({
  id: idLike,
  subject: z.string().max(500).nullish(),
  requester_id: idLike.optional(),
  comments: z.array(zendeskComment).max(5000).optional(),
});

/**
 * A Zendesk export: `{ "tickets": [ticket...] }` or JSONL of tickets, each ticket with its `comments` (as the
 * Ticket Comments API returns them). The requester's comments are the customer's; private ones are notes.
 */
export function readZendesk(text: string): ImportReading {
  let tickets: unknown[] = [];
  const issues: Issue[] = [];
  try {
    const parsed: unknown = JSON.parse(text);
    tickets = Array.isArray((parsed as { tickets?: unknown }).tickets)
      ? (parsed as { tickets: unknown[] }).tickets
      : [parsed];
  } catch {
    tickets = text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .flatMap((l, i) => {
        try {
          return [JSON.parse(l) as unknown];
        } catch {
          issues.push({ code: 'malformed_json', params: { line: i + 1 } });
          return [];
        }
      });
  }
  const messages: ImportedMessage[] = [];
  tickets.forEach((raw, index) => {
    const t = zendeskTicket.safeParse(raw);
    if (!t.success) {
      issues.push({ code: 'invalid_record', params: { ticket: index } });
      return;
    }
    for (const c of t.data.comments ?? []) {
      const body = c.plain_body ?? c.body ?? '';
      if (body.trim() === '') continue;
      const role: MessageRole =
        c.public === false
          ? 'note'
          : c.author_id !== undefined && c.author_id === t.data.requester_id
            ? 'customer'
            : 'agent';
      messages.push(
        withOptional(
          {
            conversationExternalId: `zendesk:${t.data.id}`,
            externalId: `zendesk:${c.id}`,
            role,
            text: body.slice(0, 20_000),
          },
          dateOf(c.created_at),
          t.data.subject ?? undefined,
        ),
      );
    }
  });
  return { messages, issues };
}

function withOptional(
  m: Omit<ImportedMessage, 'sentAt' | 'subject'>,
  sentAt: Date | undefined,
  subject: string | undefined,
): ImportedMessage {
  return { ...m, ...(sentAt === undefined ? {} : { sentAt }), ...(subject === undefined ? {} : { subject }) };
}
