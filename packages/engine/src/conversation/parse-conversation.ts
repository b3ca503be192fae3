import { z } from 'zod';
import { millis } from '../brands.ts';
import type { Channel, Conversation, ConversationNote, Role, Turn } from './conversation.ts';
import { CHANNELS, ROLES } from './conversation.ts';
import type { Result } from './result.ts';

/** The most turns one conversation may have; longer inputs are rejected rather than silently cut. */
export const MAX_TURNS = 10_000;
/** The longest text one turn may have (characters). */
export const MAX_TURN_CHARS = 100_000;

/**
 * Why an input is not a conversation. `path` points into the input (`['turns', 3, 'role']`); `params` carry what the
 * message catalog needs to say it in the reader's language.
 */
export interface ConversationIssue {
  readonly code:
    | 'not_an_object'
    | 'empty_conversation'
    | 'too_many_turns'
    | 'unknown_role'
    | 'unknown_channel'
    | 'invalid_timestamp'
    | 'text_too_long'
    | 'invalid_field';
  readonly path: readonly (string | number)[];
  readonly params: Readonly<Record<string, string | number>>;
}

const timestamp = z.union([z.number(), z.string()]);

const turnSchema = z.object({
  role: z.string(),
  text: z.string(),
  at: timestamp.optional(),
  /** Seconds since the start of the conversation (the eval line format). */
  t: z.number().optional(),
  end: timestamp.optional(),
  channel: z.string().optional(),
  author: z.string().optional(),
});

const conversationSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  channel: z.string().optional(),
  lang: z.string().optional(),
  customer: z
    .object({
      name: z.string().optional(),
      orderId: z.string().optional(),
      product: z.string().optional(),
    })
    .optional(),
  /** The corpus / export form: `customer_name` and `facts: { order, product }`. */
  customer_name: z.string().optional(),
  facts: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  turns: z.array(turnSchema),
});

/**
 * Reads a timestamp given as ms since the epoch or an ISO 8601 string. Returns undefined for anything else, so the
 * caller can report exactly which turn was bad.
 */
function readTimestamp(x: number | string): number | undefined {
  if (typeof x === 'number') return Number.isFinite(x) && x >= 0 ? x : undefined;
  // Date.parse accepts many informal formats; only ISO-looking strings are trusted.
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(x.trim())) return undefined;
  const ms = Date.parse(x.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
function isChannel(x: string): x is Channel {
  return (CHANNELS as readonly string[]).includes(x);
}

/**
 * Validates anything (parsed JSON, a request body) as a conversation.
 *
 * Repairs what can be repaired without changing meaning and says so in `notes`: turns with timestamps out of order
 * are put in time order (stable), and turns whose text is only whitespace are dropped. Everything else that is
 * wrong is an issue: unknown roles are rejected, not guessed, because reading an agent's words as the customer's
 * would silently corrupt every score.
 *
 * @example
 * ```ts
 * const r = parseConversation({ channel: 'chat', turns: [{ role: 'customer', text: 'Where is my order?' }] });
 * if (r.ok) console.log(r.value.turns.length);
 * ```
 */
export function parseConversation(input: unknown): Result<Conversation, ConversationIssue> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail({
      code: 'not_an_object',
      path: [],
      params: { received: Array.isArray(input) ? 'array' : typeof input },
    });
  }
  const parsed = conversationSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 20).map((issue) => ({
        code: 'invalid_field' as const,
        path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        params: { problem: issue.code, detail: issue.message },
      })),
    };
  }
  const raw = parsed.data;
  const issues: ConversationIssue[] = [];
  const channel = raw.channel ?? 'chat';
  if (!isChannel(channel))
    issues.push({
      code: 'unknown_channel',
      path: ['channel'],
      params: { received: channel, allowed: CHANNELS.join(', ') },
    });
  if (raw.turns.length > MAX_TURNS) {
    return fail({ code: 'too_many_turns', path: ['turns'], params: { received: raw.turns.length, max: MAX_TURNS } });
  }

  const turns: Turn[] = [];
  let dropped = 0;
  let timed = 0;
  raw.turns.forEach((t, index) => {
    if (!isRole(t.role)) {
      issues.push({
        code: 'unknown_role',
        path: ['turns', index, 'role'],
        params: { received: t.role, allowed: ROLES.join(', ') },
      });
      return;
    }
    if (t.text.length > MAX_TURN_CHARS) {
      issues.push({
        code: 'text_too_long',
        path: ['turns', index, 'text'],
        params: { received: t.text.length, max: MAX_TURN_CHARS },
      });
      return;
    }
    if (t.channel !== undefined && !isChannel(t.channel)) {
      issues.push({
        code: 'unknown_channel',
        path: ['turns', index, 'channel'],
        params: { received: t.channel, allowed: CHANNELS.join(', ') },
      });
      return;
    }
    let at: number | undefined;
    if (t.at !== undefined) {
      at = readTimestamp(t.at);
      if (at === undefined) {
        issues.push({ code: 'invalid_timestamp', path: ['turns', index, 'at'], params: { received: String(t.at) } });
        return;
      }
    } else if (t.t !== undefined) {
      if (!Number.isFinite(t.t) || t.t < 0) {
        issues.push({ code: 'invalid_timestamp', path: ['turns', index, 't'], params: { received: String(t.t) } });
        return;
      }
      at = t.t * 1000;
    }
    const endAt = t.end === undefined ? undefined : readTimestamp(t.end);
    if (t.text.trim() === '') {
      dropped++;
      return;
    }
    if (at !== undefined) timed++;
    turns.push({
      index,
      role: t.role,
      text: t.text,
      ...(at === undefined ? {} : { at: millis(at) }),
      ...(endAt === undefined ? {} : { endAt: millis(endAt) }),
      ...(t.channel === undefined ? {} : { channel: t.channel as Channel }),
      ...(t.author === undefined ? {} : { author: t.author }),
    });
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 20) };
  if (turns.length === 0)
    return fail({ code: 'empty_conversation', path: ['turns'], params: { received: raw.turns.length } });

  const notes: ConversationNote[] = [];
  if (dropped > 0) notes.push({ code: 'empty_turns_dropped', turns: dropped });
  let ordered = turns;
  if (timed === turns.length) {
    ordered = [...turns].sort((a, b) => (a.at as number) - (b.at as number) || a.index - b.index);
    const moved = ordered.filter((t, i) => t !== turns[i]).length;
    if (moved > 0) notes.push({ code: 'turns_reordered', moved });
  } else if (timed > 0) {
    // Some turns timed, some not: sorting would have to invent times, so the given order is kept.
    notes.push({ code: 'timestamps_missing', turns: turns.length - timed });
  } else {
    notes.push({ code: 'timestamps_missing', turns: turns.length });
  }

  const facts = raw.facts ?? {};
  const fact = (...keys: string[]): string | undefined => {
    for (const k of keys) if (facts[k] !== undefined) return String(facts[k]);
    return undefined;
  };
  const customer = {
    name: raw.customer?.name ?? raw.customer_name,
    orderId: raw.customer?.orderId ?? fact('order', 'order_id', 'orderId'),
    product: raw.customer?.product ?? fact('product'),
  };
  return {
    ok: true,
    value: {
      ...(raw.id === undefined ? {} : { id: String(raw.id) }),
      channel: channel as Channel,
      ...(raw.lang === undefined ? {} : { lang: raw.lang }),
      customer: {
        ...(customer.name === undefined ? {} : { name: customer.name }),
        ...(customer.orderId === undefined ? {} : { orderId: customer.orderId }),
        ...(customer.product === undefined ? {} : { product: customer.product }),
      },
      turns: ordered,
      notes,
    },
  };
}

function fail(issue: ConversationIssue): Result<never, ConversationIssue> {
  return { ok: false, issues: [issue] };
}
