/**
 * The one storage schema, shared by the embedded database (PGlite) and PostgreSQL.
 * Migrations in `./migrations` are generated from this file with drizzle-kit and applied at start-up.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** 'agent' | 'lead' | 'admin' (checked in code: see auth/roles.ts). */
  role: text('role').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('en'),
  disabledAt: ts('disabled_at'),
  createdAt: createdAt(),
});

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const inboxes = pgTable('inboxes', {
  id: id(),
  name: text('name').notNull(),
  /** 'chat' | 'email' | 'phone' | 'social' | 'chatwoot' | 'api'. */
  channel: text('channel').notNull(),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  /** Channel settings, e.g. a Chatwoot base URL, account id, API token and webhook secret. */
  settings: jsonb('settings').notNull().default({}),
  createdAt: createdAt(),
});

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    name: text('name'),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_inbox_external_uq').on(t.inboxId, t.externalId)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    externalId: text('external_id').notNull(),
    /** See domain/conversation-status.ts for the state machine. */
    status: text('status').notNull().default('open'),
    subject: text('subject'),
    lang: text('lang'),
    lastMessageAt: ts('last_message_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_inbox_external_uq').on(t.inboxId, t.externalId),
    index('conversations_team_idx').on(t.teamId, t.lastMessageAt),
    index('conversations_assignee_idx').on(t.assigneeId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Idempotency is per inbox: the same external id delivered twice to one inbox is one message. */
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    /** 'customer' | 'agent' | 'note' | 'system'. */
    role: text('role').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    sentAt: ts('sent_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_inbox_external_uq').on(t.inboxId, t.externalId),
    index('messages_conversation_idx').on(t.conversationId, t.sentAt),
  ],
);

export const messageAnalyses = pgTable('message_analyses', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  modelId: text('model_id').notNull(),
  modelVersion: text('model_version').notNull(),
  lang: text('lang').notNull(),
  dominantEmotion: text('dominant_emotion').notNull(),
  sentiment: text('sentiment').notNull(),
  valence: real('valence').notNull(),
  intensity: real('intensity').notNull(),
  analysis: jsonb('analysis').notNull(),
  createdAt: createdAt(),
});

/** The latest live assist (arc, escalation risk, next best step) per conversation. */
export const conversationAssists = pgTable('conversation_assists', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  assist: jsonb('assist').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const drafts = pgTable('drafts', {
  id: id(),
  conversationId: uuid('conversation_id')
    .notNull()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  text: text('text').notNull(),
  coach: jsonb('coach'),
  createdAt: createdAt(),
});

export const rubrics = pgTable('rubrics', {
  id: id(),
  name: text('name').notNull(),
  definition: jsonb('definition').notNull(),
  active: boolean('active').notNull().default(false),
  createdAt: createdAt(),
});

export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    rubricId: uuid('rubric_id').references(() => rubrics.id, { onDelete: 'set null' }),
    /** The automatic score; never overwritten by a reviewer. */
    autoScore: real('auto_score').notNull(),
    auto: jsonb('auto').notNull(),
    /** A reviewer's score, kept beside the automatic one. */
    overrideScore: real('override_score'),
    overrideNote: text('override_note'),
    /**
     * The reviewer's per-criterion verdicts that differ from the automatic result:
     * `[{ criterionId, status: 'pass' | 'fail' | 'not_applicable', comment, reviewerId, reviewedAt }]`.
     */
    overrideCriteria: jsonb('override_criteria').notNull().default([]),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('scorecards_conversation_idx').on(t.conversationId)],
);

export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    severity: text('severity').notNull(),
    params: jsonb('params').notNull().default({}),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: ts('acknowledged_at'),
    createdAt: createdAt(),
  },
  (t) => [index('alerts_team_idx').on(t.teamId, t.createdAt)],
);

export const csatResponses = pgTable('csat_responses', {
  id: id(),
  conversationId: uuid('conversation_id')
    .notNull()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  /** 1..5. */
  score: integer('score').notNull(),
  comment: text('comment'),
  /** 'survey' (the customer answered) | 'inferred' (the engine estimated it). */
  source: text('source').notNull(),
  createdAt: createdAt(),
});

export const selfAssessments = pgTable('self_assessments', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
  ratings: jsonb('ratings').notNull(),
  note: text('note'),
  createdAt: createdAt(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    /** 'user' | 'token' | 'system'. */
    actorKind: text('actor_kind').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  scopes: jsonb('scopes').notNull(),
  ratePerMinute: integer('rate_per_minute').notNull().default(600),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
});

export const webhooks = pgTable('webhooks', {
  id: id(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: jsonb('events').notNull(),
  /** Null: all teams (admin-created). */
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    /** 'pending' | 'delivered' | 'failed' (gave up). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    uniqueIndex('webhook_deliveries_event_uq').on(t.webhookId, t.eventId),
  ],
);

/** Outbox of live events: written in the same transaction as the change, fanned out after commit. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    conversationId: uuid('conversation_id'),
    teamId: uuid('team_id'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('events_conversation_idx').on(t.conversationId)],
);
