/** Row types read from the schema, named once so the rest of the server speaks in domain words. */
import type * as s from '../db/schema.ts';

export type UserRow = typeof s.users.$inferSelect;
export type TeamRow = typeof s.teams.$inferSelect;
export type InboxRow = typeof s.inboxes.$inferSelect;
export type ContactRow = typeof s.contacts.$inferSelect;
export type ConversationRow = typeof s.conversations.$inferSelect;
export type MessageRow = typeof s.messages.$inferSelect;
export type MessageAnalysisRow = typeof s.messageAnalyses.$inferSelect;
export type ScorecardRow = typeof s.scorecards.$inferSelect;
export type AlertRow = typeof s.alerts.$inferSelect;
export type ApiTokenRow = typeof s.apiTokens.$inferSelect;
export type WebhookRow = typeof s.webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof s.webhookDeliveries.$inferSelect;
export type EventRow = typeof s.events.$inferSelect;

/** A user as shown over the API: never the password hash. */
export type PublicUser = Omit<UserRow, 'passwordHash'>;

export function publicUser(row: UserRow): PublicUser {
  const { passwordHash: _hidden, ...rest } = row;
  return rest;
}

/** PostgreSQL's unique_violation, as raised by both node-postgres and PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && typeof e === 'object' && e !== null; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
