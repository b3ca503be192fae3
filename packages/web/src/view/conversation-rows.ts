import { isEmotion, type Emotion } from '@attune/engine';
import type { ConversationListItem, ConversationStatus, RiskLevel } from '../api/wire-types.ts';
import { field, num } from './read-json.ts';

/** One row of the agent's conversation list. */
export interface ConversationRow {
  readonly id: string;
  readonly title: string;
  readonly status: ConversationStatus;
  readonly emotion?: Emotion;
  readonly risk?: { readonly level: RiskLevel; readonly score: number };
  /** Milliseconds the customer has been waiting for a reply; undefined when nobody is waiting. */
  readonly waitingMs?: number;
  readonly lastMessageAt?: string;
  readonly channel?: string;
}

export type SortKey = 'risk' | 'waiting' | 'recent';

export interface RowFilter {
  readonly status?: ConversationStatus;
  readonly risk?: RiskLevel;
  readonly emotion?: Emotion;
  /** Case-insensitive substring of the title. */
  readonly query?: string;
}

const RISK_RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/**
 * Builds a row from a list item. The customer is waiting when the conversation is open or pending and the last
 * message was not the agent's (an internal note after the customer's message leaves the customer waiting).
 */
export function conversationRow(item: ConversationListItem, now: number): ConversationRow {
  const nowPoint = field(field(item.assist?.detail, 'arc'), 'now');
  const emotion = field(nowPoint, 'dominant');
  const active = item.status === 'open' || item.status === 'pending';
  const last = item.lastMessageAt === null ? undefined : Date.parse(item.lastMessageAt);
  const customerLast = item.lastMessageRole !== null && item.lastMessageRole !== 'agent';
  const waitingMs =
    active && customerLast && last !== undefined && !Number.isNaN(last) ? Math.max(0, now - last) : undefined;
  const title = [item.contactName, item.subject]
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .join(' · ');
  const score = num(item.assist?.riskScore);
  return {
    id: item.id,
    title,
    status: item.status,
    ...(isEmotion(emotion) ? { emotion } : {}),
    ...(item.assist === null || score === undefined ? {} : { risk: { level: item.assist.riskLevel, score } }),
    ...(waitingMs === undefined ? {} : { waitingMs }),
    ...(item.lastMessageAt === null ? {} : { lastMessageAt: item.lastMessageAt }),
    ...(typeof item.channel === 'string' ? { channel: item.channel } : {}),
  };
}

export function filterRows(rows: readonly ConversationRow[], filter: RowFilter): ConversationRow[] {
  const q = filter.query?.trim().toLowerCase() ?? '';
  return rows.filter(
    (r) =>
      (filter.status === undefined || r.status === filter.status) &&
      (filter.risk === undefined || r.risk?.level === filter.risk) &&
      (filter.emotion === undefined || r.emotion === filter.emotion) &&
      (q === '' || r.title.toLowerCase().includes(q)),
  );
}

/**
 * Sorts without mutating. By risk: level, then score, then the longer wait first, so two equally risky customers
 * are served in the order they have waited. Unassessed conversations go last.
 */
export function sortRows(rows: readonly ConversationRow[], key: SortKey): ConversationRow[] {
  const wait = (r: ConversationRow): number => r.waitingMs ?? -1;
  const recent = (r: ConversationRow): number => (r.lastMessageAt === undefined ? 0 : Date.parse(r.lastMessageAt));
  const byRisk = (a: ConversationRow, b: ConversationRow): number =>
    (b.risk === undefined ? -1 : RISK_RANK[b.risk.level]) - (a.risk === undefined ? -1 : RISK_RANK[a.risk.level]) ||
    (b.risk?.score ?? -1) - (a.risk?.score ?? -1);
  const compare: Record<SortKey, (a: ConversationRow, b: ConversationRow) => number> = {
    risk: (a, b) => byRisk(a, b) || wait(b) - wait(a),
    waiting: (a, b) => wait(b) - wait(a) || byRisk(a, b),
    recent: (a, b) => recent(b) - recent(a),
  };
  return [...rows].sort((a, b) => compare[key](a, b) || a.id.localeCompare(b.id));
}
