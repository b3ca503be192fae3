/**
 * Conversation status as an explicit state machine (the statuses Chatwoot and most help desks share).
 * A transition not in the table is refused, never silently applied.
 */
import { fail, ok, type Result } from './result.ts';

export const conversationStatuses = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

const transitions: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  open: ['pending', 'snoozed', 'resolved'],
  pending: ['open', 'snoozed', 'resolved'],
  snoozed: ['open', 'pending', 'resolved'],
  // Only a new customer message or an agent reopens a resolved conversation.
  resolved: ['open'],
};

export function isConversationStatus(value: unknown): value is ConversationStatus {
  return typeof value === 'string' && (conversationStatuses as readonly string[]).includes(value);
}

export function allowedTransitions(from: ConversationStatus): readonly ConversationStatus[] {
  return transitions[from];
}

/** Returns the new status, or `invalid_transition` with both ends named. Same-status is a no-op success. */
export function transition(from: ConversationStatus, to: ConversationStatus): Result<ConversationStatus> {
  if (from === to || transitions[from].includes(to)) return ok(to);
  return fail('invalid_transition', { from, to, allowed: transitions[from] });
}
