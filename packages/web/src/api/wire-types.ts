/**
 * The JSON the server sends, as the web app reads it. Mirrors the server's rows (packages/server/src/db/schema.ts,
 * dates as ISO strings). Engine results inside (`assist.detail`, `scorecard.auto`, coach results) are typed
 * `unknown` here and read defensively by the view modules, so a server on an older or newer engine degrades to
 * "not shown" rather than a crash.
 */
import type { MessageAnalysis } from '@attune/engine';

export type Role = 'agent' | 'lead' | 'admin';
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type MessageRole = 'customer' | 'agent' | 'note' | 'system';
export type RiskLevel = 'low' | 'medium' | 'high';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly locale: string;
}

export interface Team {
  readonly id: string;
  readonly name: string;
}

export interface Me {
  readonly user: User;
  readonly teams: readonly Team[];
}

export interface Inbox {
  readonly id: string;
  readonly name: string;
  readonly channel: string;
  readonly teamId: string | null;
}

/** The live assist snapshot the server stores per conversation (see services/conversation-intelligence.ts). */
export interface AssistSnapshot {
  readonly riskLevel: RiskLevel;
  readonly riskScore: number;
  readonly reasons: readonly { readonly code: string; readonly params?: Readonly<Record<string, unknown>> }[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface Conversation {
  readonly id: string;
  readonly inboxId: string;
  readonly teamId: string | null;
  readonly assigneeId: string | null;
  readonly contactId: string | null;
  readonly externalId: string;
  readonly status: ConversationStatus;
  readonly subject: string | null;
  readonly lang: string | null;
  readonly lastMessageAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConversationListItem extends Conversation {
  readonly assist: AssistSnapshot | null;
  /** The contact's display name; null when the channel did not give one. */
  readonly contactName: string | null;
  /** Who wrote last, for the waiting time; null before the first message. */
  readonly lastMessageRole: MessageRole | null;
  readonly channel?: string | null;
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly externalId: string;
  readonly role: MessageRole;
  readonly authorId: string | null;
  readonly text: string;
  readonly sentAt: string;
  readonly analysis: MessageAnalysis | null;
}

export interface Contact {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
}

/** A reviewer's verdict on one scorecard criterion, stored beside the automatic one. */
export interface CriterionOverride {
  readonly criterionId: string;
  readonly status: 'pass' | 'fail' | 'not_applicable';
  readonly comment: string | null;
  readonly reviewerId: string;
  readonly reviewedAt: string;
}

export interface Scorecard {
  readonly id: string;
  readonly conversationId: string;
  readonly autoScore: number;
  readonly auto: unknown;
  readonly overrideScore: number | null;
  readonly overrideNote: string | null;
  /** The reviewer's verdicts that differ from the automatic result, one per criterion. */
  readonly overrideCriteria: readonly CriterionOverride[];
  readonly reviewerId: string | null;
  readonly reviewedAt: string | null;
  readonly createdAt: string;
}

export interface Alert {
  readonly id: string;
  readonly conversationId: string;
  readonly teamId: string | null;
  readonly code: string;
  readonly severity: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly createdAt: string;
}

export interface CsatResponse {
  readonly id: string;
  readonly conversationId: string;
  readonly score: number;
  readonly comment: string | null;
  readonly source: 'survey' | 'inferred' | string;
  readonly createdAt: string;
}

export interface SelfAssessment {
  readonly id: string;
  readonly userId: string;
  readonly conversationId: string | null;
  readonly ratings: Readonly<Record<string, number>>;
  readonly note: string | null;
  readonly createdAt: string;
}

export interface ConversationDetail {
  readonly conversation: Conversation;
  readonly contact: Contact | null;
  readonly messages: readonly Message[];
  readonly scorecards: readonly Scorecard[];
  readonly assist: AssistSnapshot | null;
  readonly alerts: readonly Alert[];
  readonly csat: readonly CsatResponse[];
  readonly inbox?: Inbox | null;
}

/** A frame from the live socket (/api/v1/live). */
export interface LiveFrame {
  readonly type: string;
  readonly id?: number;
  readonly conversationId?: string | null;
  readonly createdAt?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly code?: string;
}
