/** Ingest, conversations, coaching, scorecards, CSAT, self-assessments and alerts. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import {
  changeStatus,
  conversationDetail,
  assignConversation,
  listConversations,
} from '../../store/conversations-repository.ts';
import { appendEvents } from '../../store/events-repository.ts';
import {
  acknowledgeAlert,
  activeRubric,
  getAlert,
  getScorecard,
  listAlerts,
  listSelfAssessments,
  overrideScorecard,
  recordCsat,
  recordSelfAssessment,
  saveDraft,
  saveScorecard,
} from '../../store/feedback-repository.ts';
import { serializeMessage } from '../../store/ingest-repository.ts';
import { postReplyToChatwoot } from '../../integrations/chatwoot/chatwoot-reply.ts';
import { loadTranscript } from '../../services/assist-service.ts';
import { createIngestService } from '../../services/ingest-service.ts';
import { ApiError, apiErrorOf } from '../api-error.ts';
import { requireTeam, requireViewer, visibleConversation, type AppEnv } from '../guards.ts';
import { spec } from '../route-spec.ts';
import {
  Assignment,
  Csat,
  Draft,
  IdParam,
  IngestMessage,
  ListConversationsQuery,
  ListSelfAssessmentsQuery,
  ScoreOverride,
  SelfAssessment,
  StatusChange,
} from '../schemas.ts';
import type { ServerContext } from '../server-context.ts';

export function registerConversationRoutes(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const ingest = createIngestService(ctx);

  app.openapi(
    spec('post', '/api/v1/messages', {
      summary:
        'Ingest one message (idempotent on inbox + external id; acknowledged after commit, analysed on arrival); ' +
        'an agent reply in a Chatwoot inbox with write-back is also posted to Chatwoot',
      tag: 'ingest',
      body: IngestMessage,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'ingest');
      const body = c.req.valid('json');
      const inbox = await ctx.caches.inbox(body.inboxId);
      if (inbox === undefined) throw new ApiError(404, 'not_found', { entity: 'inbox', id: body.inboxId });
      requireTeam(viewer, inbox.teamId);
      const result = await ingest.ingest(
        {
          inboxId: body.inboxId,
          conversation: {
            externalId: body.conversation.externalId,
            subject: body.conversation.subject,
            assigneeId: body.conversation.assigneeId,
            contact: body.conversation.contact,
          },
          message: {
            externalId: body.message.externalId,
            role: body.message.role,
            text: body.message.text,
            sentAt: body.message.sentAt === undefined ? undefined : new Date(body.message.sentAt),
            authorId: body.message.role === 'agent' ? viewer.userId : null,
          },
        },
        body.lang === undefined ? {} : { lang: body.lang },
      );
      if (!result.ok) throw apiErrorOf(result.issues);
      const { duplicate, conversation, message, analysis } = result.value;
      // A reply to a Chatwoot conversation must reach the customer there; a re-delivery was posted the first time.
      const chatwoot =
        duplicate || message.role !== 'agent'
          ? null
          : await postReplyToChatwoot(inbox, conversation.externalId, { id: message.id, text: message.text });
      return c.json(
        { duplicate, conversationId: conversation.id, message: serializeMessage(message), analysis, chatwoot },
        duplicate ? 200 : 201,
      );
    },
  );

  app.openapi(
    spec('get', '/api/v1/conversations', {
      summary: 'List the conversations you may see, latest first',
      tag: 'conversations',
      query: ListConversationsQuery,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      const q = c.req.valid('query');
      if (q.teamId !== undefined) requireTeam(viewer, q.teamId);
      const rows = await listConversations(ctx.db, viewer, {
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.teamId === undefined ? {} : { teamId: q.teamId }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
        ...(q.before === undefined ? {} : { before: new Date(q.before) }),
      });
      const items = rows.map((r) => ({
        ...r.conversation,
        assist: r.assist,
        contactName: r.contactName,
        lastMessageRole: r.lastMessageRole,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    spec('get', '/api/v1/conversations/{id}', {
      summary: 'One conversation with its messages, analyses, assist, scorecards, alerts and CSAT',
      tag: 'conversations',
      params: IdParam,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      const { id } = c.req.valid('param');
      await visibleConversation(ctx, viewer, id);
      const detail = await conversationDetail(ctx.db, id);
      if (detail === undefined) throw new ApiError(404, 'not_found', { entity: 'conversation', id });
      return c.json(detail, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/conversations/{id}/status', {
      summary: 'Move a conversation along the status state machine',
      tag: 'conversations',
      params: IdParam,
      body: StatusChange,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback');
      const { id } = c.req.valid('param');
      await visibleConversation(ctx, viewer, id);
      const changed = await changeStatus(ctx.db, viewer, ctx.origin, id, c.req.valid('json').status);
      if (!changed.ok) throw apiErrorOf(changed.issues);
      return c.json({ conversation: changed.value }, 200);
    },
  );

  app.openapi(
    spec('patch', '/api/v1/conversations/{id}/assignment', {
      summary: 'Assign a conversation to an agent or team (lead, admin)',
      tag: 'conversations',
      params: IdParam,
      body: Assignment,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback', ['lead', 'admin']);
      const { id } = c.req.valid('param');
      await visibleConversation(ctx, viewer, id);
      const body = c.req.valid('json');
      if (body.teamId !== undefined) requireTeam(viewer, body.teamId);
      const patch = {
        ...(body.assigneeId === undefined ? {} : { assigneeId: body.assigneeId }),
        ...(body.teamId === undefined ? {} : { teamId: body.teamId }),
      };
      const updated = await assignConversation(ctx.db, viewer, id, patch);
      if (!updated.ok) throw apiErrorOf(updated.issues);
      return c.json({ conversation: updated.value }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/conversations/{id}/coach', {
      summary: 'Coach a draft reply before it is sent',
      tag: 'assist',
      params: IdParam,
      body: Draft,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'coach');
      const { id } = c.req.valid('param');
      const conversation = await visibleConversation(ctx, viewer, id);
      if (ctx.intelligence === null) throw new ApiError(503, 'assist_unavailable', { feature: 'coach' });
      const body = c.req.valid('json');
      const transcript = await loadTranscript(ctx.db, id);
      const lang = body.lang ?? conversation.lang ?? undefined;
      const coach = ctx.intelligence.coachDraft(body.text, transcript, lang === undefined ? {} : { lang });
      // The draft and its event in one transaction: one commit on the request path, not two.
      const draft = await ctx.db.transaction(async (tx) => {
        const saved = await saveDraft(tx, { conversationId: id, authorId: viewer.userId, text: body.text, coach });
        await appendEvents(tx, ctx.origin, [
          {
            type: 'coach.completed',
            conversationId: id,
            teamId: conversation.teamId,
            payload: { conversationId: id, draftId: saved?.id ?? null, userId: viewer.userId, coach },
          },
        ]);
        return saved;
      });
      return c.json({ draftId: draft?.id ?? null, coach }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/conversations/{id}/scorecards', {
      summary: 'Score the conversation with the active rubric',
      tag: 'scorecards',
      params: IdParam,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback');
      const { id } = c.req.valid('param');
      const conversation = await visibleConversation(ctx, viewer, id);
      if (ctx.intelligence === null) throw new ApiError(503, 'assist_unavailable', { feature: 'scorecard' });
      const rubric = await activeRubric(ctx.db);
      const transcript = await loadTranscript(ctx.db, id);
      const scored = ctx.intelligence.score(transcript, {
        ...(conversation.lang === null ? {} : { lang: conversation.lang }),
        ...(rubric === undefined ? {} : { rubric: rubric.definition }),
      });
      const card = await saveScorecard(ctx.db, {
        conversationId: id,
        rubricId: rubric?.id ?? null,
        autoScore: scored.score,
        auto: scored.detail,
      });
      return c.json({ scorecard: card }, 201);
    },
  );

  app.openapi(
    spec('post', '/api/v1/scorecards/{id}/override', {
      summary: 'Record a reviewer’s score and per-criterion verdicts beside the automatic ones (lead, admin)',
      tag: 'scorecards',
      params: IdParam,
      body: ScoreOverride,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback', ['lead', 'admin']);
      const { id } = c.req.valid('param');
      const card = await getScorecard(ctx.db, id);
      if (card === undefined) throw new ApiError(404, 'not_found', { entity: 'scorecard', id });
      await visibleConversation(ctx, viewer, card.conversationId);
      const body = c.req.valid('json');
      const updated = await overrideScorecard(ctx.db, viewer, id, {
        score: body.score,
        note: body.note,
        criteria: body.criteria,
      });
      if (!updated.ok) throw apiErrorOf(updated.issues);
      return c.json({ scorecard: updated.value }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/conversations/{id}/csat', {
      summary: 'Record a customer satisfaction response (1-5)',
      tag: 'feedback',
      params: IdParam,
      body: Csat,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback');
      const { id } = c.req.valid('param');
      await visibleConversation(ctx, viewer, id);
      const body = c.req.valid('json');
      const row = await recordCsat(ctx.db, viewer, {
        conversationId: id,
        score: body.score,
        comment: body.comment,
        source: 'survey',
      });
      return c.json({ csat: row ?? null }, 201);
    },
  );

  app.openapi(
    spec('post', '/api/v1/self-assessments', {
      summary: 'Record your own assessment of a conversation or shift',
      tag: 'feedback',
      body: SelfAssessment,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback');
      const body = c.req.valid('json');
      const conversationId = body.conversationId ?? null;
      if (conversationId !== null) await visibleConversation(ctx, viewer, conversationId);
      const row = await recordSelfAssessment(ctx.db, viewer, {
        userId: viewer.userId,
        conversationId,
        ratings: body.ratings,
        note: body.note,
      });
      return c.json({ selfAssessment: row ?? null }, 201);
    },
  );

  app.openapi(
    spec('get', '/api/v1/self-assessments', {
      summary: 'Your self-assessments, or with scope=team those of your teams’ members (lead, admin)',
      tag: 'feedback',
      query: ListSelfAssessmentsQuery,
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (q.scope !== 'team') {
        const viewer = requireViewer(c, 'read');
        return c.json({ items: await listSelfAssessments(ctx.db, { userId: viewer.userId }) }, 200);
      }
      const viewer = requireViewer(c, 'read', ['lead', 'admin']);
      if (q.teamId !== undefined) requireTeam(viewer, q.teamId);
      const teamIds = q.teamId !== undefined ? [q.teamId] : viewer.role === 'admin' ? undefined : viewer.teamIds;
      const items = await listSelfAssessments(ctx.db, {
        ...(teamIds === undefined ? {} : { teamIds }),
        limit: q.limit ?? 500,
      });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    spec('get', '/api/v1/alerts', {
      summary: 'Alerts for your teams (lead, admin)',
      tag: 'alerts',
      query: z.object({ open: z.enum(['true', 'false']).optional() }),
    }),
    async (c) => {
      const viewer = requireViewer(c, 'read', ['lead', 'admin']);
      const open = c.req.valid('query').open === 'true';
      return c.json({ items: await listAlerts(ctx.db, viewer, { open }) }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/alerts/{id}/acknowledge', {
      summary: 'Acknowledge an alert (lead, admin)',
      tag: 'alerts',
      params: IdParam,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'feedback', ['lead', 'admin']);
      const { id } = c.req.valid('param');
      const alert = await getAlert(ctx.db, id);
      if (
        alert === undefined ||
        (viewer.role !== 'admin' && (alert.teamId === null || !viewer.teamIds.includes(alert.teamId)))
      ) {
        throw new ApiError(404, 'not_found', { entity: 'alert', id });
      }
      const acknowledged = await acknowledgeAlert(ctx.db, viewer, id);
      if (!acknowledged.ok) throw apiErrorOf(acknowledged.issues);
      return c.json({ alert: acknowledged.value }, 200);
    },
  );
}
