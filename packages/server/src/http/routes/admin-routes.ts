/** Users, teams, inboxes, API tokens, rubrics, webhooks and the audit log. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/password-hash.ts';
import type { Scope } from '../../domain/roles.ts';
import { listAudit } from '../../store/audit-repository.ts';
import { createApiToken, listApiTokens, publicToken, revokeApiToken } from '../../store/credentials-repository.ts';
import { createRubric, listRubrics } from '../../store/feedback-repository.ts';
import { createInbox, listInboxes, publicInbox } from '../../store/inboxes-repository.ts';
import { publicUser } from '../../store/rows.ts';
import {
  addTeamMember,
  createTeam,
  createUser,
  listTeams,
  listUsers,
  removeTeamMember,
  updateUser,
} from '../../store/users-repository.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
} from '../../store/webhooks-repository.ts';
import { ApiError, apiErrorOf } from '../api-error.ts';
import { requireViewer, type AppEnv } from '../guards.ts';
import { spec } from '../route-spec.ts';
import {
  Id,
  IdParam,
  NewInbox,
  NewRubric,
  NewTeam,
  NewToken,
  NewUser,
  NewWebhook,
  TeamMember,
  UserPatch,
} from '../schemas.ts';
import type { ServerContext } from '../server-context.ts';

/** Scopes each role may put on its tokens: a token never grants more than its owner holds. */
const grantable: Readonly<Record<string, readonly Scope[]>> = {
  agent: ['read', 'ingest', 'coach', 'feedback'],
  lead: ['read', 'ingest', 'coach', 'feedback'],
  admin: ['read', 'ingest', 'coach', 'feedback', 'admin'],
};

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(spec('get', '/api/v1/users', { summary: 'List users (leads: their teams)', tag: 'users' }), async (c) => {
    const viewer = requireViewer(c, 'read', ['lead', 'admin']);
    const rows = await listUsers(ctx.db, viewer.role === 'admin' ? undefined : viewer.teamIds);
    return c.json({ items: rows.map(publicUser) }, 200);
  });

  app.openapi(
    spec('post', '/api/v1/users', { summary: 'Create a user (admin)', tag: 'users', body: NewUser, status: 201 }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const body = c.req.valid('json');
      const created = await createUser(ctx.db, viewer, {
        email: body.email,
        name: body.name,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        ...(body.locale === undefined ? {} : { locale: body.locale }),
      });
      if (!created.ok) throw apiErrorOf(created.issues);
      for (const teamId of body.teamIds ?? []) {
        const added = await addTeamMember(ctx.db, viewer, teamId, created.value.id);
        if (!added.ok) throw apiErrorOf(added.issues);
      }
      return c.json({ user: publicUser(created.value) }, 201);
    },
  );

  app.openapi(
    spec('patch', '/api/v1/users/{id}', {
      summary: 'Change a user’s role, name, locale or disable them (admin)',
      tag: 'users',
      params: IdParam,
      body: UserPatch,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const patch: Parameters<typeof updateUser>[3] = {
        ...(body.role === undefined ? {} : { role: body.role }),
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
        ...(body.locale === undefined ? {} : { locale: body.locale }),
      };
      const updated = await updateUser(ctx.db, viewer, id, patch);
      if (!updated.ok) throw apiErrorOf(updated.issues);
      return c.json({ user: publicUser(updated.value) }, 200);
    },
  );

  app.openapi(
    spec('get', '/api/v1/teams', { summary: 'List teams (your teams unless admin)', tag: 'teams' }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      return c.json({ items: await listTeams(ctx.db, viewer.role === 'admin' ? undefined : viewer.teamIds) }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/teams', { summary: 'Create a team (admin)', tag: 'teams', body: NewTeam, status: 201 }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const created = await createTeam(ctx.db, viewer, c.req.valid('json').name);
      if (!created.ok) throw apiErrorOf(created.issues);
      return c.json({ team: created.value }, 201);
    },
  );

  app.openapi(
    spec('post', '/api/v1/teams/{id}/members', {
      summary: 'Add a member to a team (admin)',
      tag: 'teams',
      params: IdParam,
      body: TeamMember,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const added = await addTeamMember(ctx.db, viewer, c.req.valid('param').id, c.req.valid('json').userId);
      if (!added.ok) throw apiErrorOf(added.issues);
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    spec('delete', '/api/v1/teams/{id}/members/{userId}', {
      summary: 'Remove a member from a team (admin)',
      tag: 'teams',
      params: z.object({ id: Id, userId: Id }),
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const { id, userId } = c.req.valid('param');
      if (!(await removeTeamMember(ctx.db, viewer, id, userId)))
        throw new ApiError(404, 'not_found', { entity: 'team_member' });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(spec('get', '/api/v1/inboxes', { summary: 'List inboxes / channels', tag: 'inboxes' }), async (c) => {
    const viewer = requireViewer(c, 'read');
    const rows = await listInboxes(ctx.db);
    const visible =
      viewer.role === 'admin' ? rows : rows.filter((r) => r.teamId !== null && viewer.teamIds.includes(r.teamId));
    return c.json({ items: visible.map(publicInbox) }, 200);
  });

  app.openapi(
    spec('post', '/api/v1/inboxes', {
      summary: 'Create an inbox / channel (admin)',
      tag: 'inboxes',
      body: NewInbox,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const body = c.req.valid('json');
      const row = await createInbox(ctx.db, viewer, {
        name: body.name,
        channel: body.channel,
        teamId: body.teamId,
        ...(body.settings === undefined ? {} : { settings: body.settings }),
      });
      return c.json({ inbox: publicInbox(row) }, 201);
    },
  );

  app.openapi(
    spec('get', '/api/v1/tokens', { summary: 'List API tokens (yours; admin: all)', tag: 'tokens' }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      const rows = await listApiTokens(ctx.db, viewer.role === 'admin' ? undefined : viewer.userId);
      return c.json({ items: rows.map(publicToken) }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/tokens', {
      summary: 'Create an API token for yourself; the secret is shown once',
      tag: 'tokens',
      body: NewToken,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin');
      // A token cannot mint tokens: only a signed-in person can, so a leaked token cannot persist itself.
      if (viewer.via === 'token') throw new ApiError(403, 'forbidden', { reason: 'tokens_cannot_mint_tokens' });
      const body = c.req.valid('json');
      const allowed = grantable[viewer.role] ?? [];
      const excess = body.scopes.filter((s) => !allowed.includes(s));
      if (excess.length > 0) throw new ApiError(403, 'forbidden', { scopes: excess });
      const { token, row } = await createApiToken(ctx.db, viewer, {
        userId: viewer.userId,
        name: body.name,
        scopes: body.scopes,
        ...(body.ratePerMinute === undefined ? {} : { ratePerMinute: body.ratePerMinute }),
      });
      return c.json({ token, item: publicToken(row) }, 201);
    },
  );

  app.openapi(
    spec('delete', '/api/v1/tokens/{id}', { summary: 'Revoke an API token', tag: 'tokens', params: IdParam }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      const { id } = c.req.valid('param');
      const mine = await listApiTokens(ctx.db, viewer.role === 'admin' ? undefined : viewer.userId);
      if (!mine.some((t) => t.id === id)) throw new ApiError(404, 'not_found', { entity: 'api_token', id });
      await revokeApiToken(ctx.db, viewer, id);
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(spec('get', '/api/v1/rubrics', { summary: 'List scorecard rubrics', tag: 'rubrics' }), async (c) => {
    requireViewer(c, 'read');
    return c.json({ items: await listRubrics(ctx.db) }, 200);
  });

  app.openapi(
    spec('post', '/api/v1/rubrics', {
      summary: 'Create a rubric (admin)',
      tag: 'rubrics',
      body: NewRubric,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const body = c.req.valid('json');
      return c.json(
        {
          rubric: await createRubric(ctx.db, viewer, {
            name: body.name,
            definition: body.definition,
            active: body.active,
          }),
        },
        201,
      );
    },
  );

  app.openapi(
    spec('get', '/api/v1/webhooks', { summary: 'List outbound webhooks (admin)', tag: 'webhooks' }),
    async (c) => {
      requireViewer(c, 'admin', ['admin']);
      const rows = await listWebhooks(ctx.db);
      return c.json({ items: rows.map(({ secret: _secret, ...rest }) => rest) }, 200);
    },
  );

  app.openapi(
    spec('post', '/api/v1/webhooks', {
      summary: 'Register an outbound webhook; its signing secret is shown once',
      tag: 'webhooks',
      body: NewWebhook,
      status: 201,
    }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const body = c.req.valid('json');
      const secret = `whsec_${randomBytes(24).toString('base64url')}`;
      const { secret: _s, ...row } = await createWebhook(ctx.db, viewer, {
        url: body.url,
        secret,
        events: body.events,
        teamId: body.teamId ?? null,
      });
      return c.json({ webhook: row, secret }, 201);
    },
  );

  app.openapi(
    spec('delete', '/api/v1/webhooks/{id}', { summary: 'Delete a webhook (admin)', tag: 'webhooks', params: IdParam }),
    async (c) => {
      const viewer = requireViewer(c, 'admin', ['admin']);
      const { id } = c.req.valid('param');
      if (!(await deleteWebhook(ctx.db, viewer, id))) throw new ApiError(404, 'not_found', { entity: 'webhook', id });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    spec('get', '/api/v1/webhooks/{id}/deliveries', {
      summary: 'The delivery log of a webhook (admin)',
      tag: 'webhooks',
      params: IdParam,
    }),
    async (c) => {
      requireViewer(c, 'admin', ['admin']);
      const { id } = c.req.valid('param');
      if ((await getWebhook(ctx.db, id)) === undefined) throw new ApiError(404, 'not_found', { entity: 'webhook', id });
      return c.json({ items: await listDeliveries(ctx.db, id) }, 200);
    },
  );

  app.openapi(
    spec('get', '/api/v1/audit', {
      summary: 'The audit log: who changed what (admin)',
      tag: 'audit',
      query: z.object({ entity: z.string().max(50).optional(), entityId: z.string().max(100).optional() }),
    }),
    async (c) => {
      requireViewer(c, 'admin', ['admin']);
      const q = c.req.valid('query');
      return c.json(
        {
          items: await listAudit(ctx.db, {
            ...(q.entity === undefined ? {} : { entity: q.entity }),
            ...(q.entityId === undefined ? {} : { entityId: q.entityId }),
          }),
        },
        200,
      );
    },
  );
}
