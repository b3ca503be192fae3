/** Request and response schemas shared by the routes; they are validated at the edge and become the OpenAPI doc. */
import { z } from '@hono/zod-openapi';
import { conversationStatuses } from '../domain/conversation-status.ts';
import { roles, scopes } from '../domain/roles.ts';
import { channels } from '../store/inboxes-repository.ts';
import { messageRoles } from '../store/ingest-repository.ts';

/** Free text stored and shown to people: bounded, and control characters other than newline/tab refused. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s), {
      message: 'control characters are not allowed',
    });

export const Id = z.uuid().openapi({ example: '0b9d7c1e-3f7e-4c2a-9d55-5a0f6f1d2e11' });
export const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
export const ExternalId = z.string().min(1).max(200);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

export const Obj = z.record(z.string(), z.unknown()).openapi('Object');

export const Login = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) }).openapi('Login');

export const NewUser = z
  .object({
    email: z.email().max(200),
    name: text(200).min(1),
    role: z.enum(roles),
    password: z.string().min(10).max(200),
    locale: z.enum(['en', 'zh', 'ru']).optional(),
    teamIds: z.array(Id).max(50).optional(),
  })
  .openapi('NewUser');

export const UserPatch = z
  .object({
    name: text(200).min(1).optional(),
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
    locale: z.enum(['en', 'zh', 'ru']).optional(),
  })
  .openapi('UserPatch');

export const NewTeam = z.object({ name: text(100).min(1) }).openapi('NewTeam');
export const TeamMember = z.object({ userId: Id }).openapi('TeamMember');

export const NewInbox = z
  .object({
    name: text(100).min(1),
    channel: z.enum(channels),
    teamId: Id.nullable(),
    settings: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
  })
  .openapi('NewInbox');

export const NewToken = z
  .object({
    name: text(100).min(1),
    scopes: z.array(z.enum(scopes)).min(1),
    ratePerMinute: z.number().int().min(1).max(100_000).optional(),
  })
  .openapi('NewToken');

export const IngestMessage = z
  .object({
    inboxId: Id,
    conversation: z.object({
      externalId: ExternalId,
      subject: text(500).optional(),
      assigneeId: Id.nullable().optional(),
      contact: z
        .object({ externalId: ExternalId, name: text(200).optional(), email: z.email().max(200).optional() })
        .optional(),
    }),
    message: z.object({
      externalId: ExternalId,
      role: z.enum(messageRoles),
      text: text(20_000).min(1),
      sentAt: z.iso.datetime({ offset: true }).optional(),
    }),
    lang: z.string().min(2).max(10).optional(),
  })
  .openapi('IngestMessage');

export const StatusChange = z.object({ status: z.enum(conversationStatuses) }).openapi('StatusChange');
export const Assignment = z
  .object({ assigneeId: Id.nullable().optional(), teamId: Id.nullable().optional() })
  .openapi('Assignment');

export const ListConversationsQuery = z.object({
  status: z.enum(conversationStatuses).optional(),
  teamId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
});

export const Draft = z
  .object({ text: text(10_000).min(1), lang: z.string().min(2).max(10).optional() })
  .openapi('Draft');
export const Csat = z.object({ score: z.number().int().min(1).max(5), comment: text(2000).optional() }).openapi('Csat');
export const SelfAssessment = z
  .object({
    conversationId: Id.nullable().optional(),
    ratings: z.record(z.string().max(50), z.number().min(0).max(10)).refine((r) => Object.keys(r).length <= 30),
    note: text(2000).optional(),
  })
  .openapi('SelfAssessment');
export const ListSelfAssessmentsQuery = z.object({
  /** `mine` (default): your own. `team`: your teams' members' (lead), everyone's or one team's (admin). */
  scope: z.enum(['mine', 'team']).optional(),
  teamId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const criterionStatuses = ['pass', 'fail', 'not_applicable'] as const;
export const CriterionOverride = z
  .object({
    id: z.string().min(1).max(100),
    status: z.enum(criterionStatuses),
    comment: text(2000).optional(),
  })
  .openapi('CriterionOverride');
export const ScoreOverride = z
  .object({
    score: z.number().min(0).max(100),
    note: text(2000).optional(),
    /** The reviewer's verdicts that differ from the automatic result; replaces the stored set when given. */
    criteria: z
      .array(CriterionOverride)
      .max(100)
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { message: 'criterion ids must be unique' })
      .optional(),
  })
  .openapi('ScoreOverride');
export const NewRubric = z
  .object({ name: text(100).min(1), definition: z.record(z.string(), z.unknown()), active: z.boolean().default(false) })
  .openapi('NewRubric');
export const NewWebhook = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z
      .array(
        z.enum([
          '*',
          'message.analyzed',
          'assist.updated',
          'coach.completed',
          'alert.raised',
          'conversation.status_changed',
        ]),
      )
      .min(1),
    teamId: Id.nullable().optional(),
  })
  .openapi('NewWebhook');
