/** The Chatwoot sidecar: its webhook receiver, the embeddable Dashboard App page, and a lookup by external id. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { timingSafeEqual } from 'node:crypto';
import { isConversationStatus } from '../../domain/conversation-status.ts';
import {
  chatwootConversationExternalId,
  chatwootEvent,
  mapChatwootMessages,
} from '../../integrations/chatwoot/chatwoot-events.ts';
import { verifyChatwootSignature } from '../../integrations/chatwoot/chatwoot-signature.ts';
import { dashboardAppPage } from '../../integrations/chatwoot/dashboard-app-page.ts';
import {
  changeStatus,
  conversationDetail,
  findConversationByExternalId,
} from '../../store/conversations-repository.ts';
import { createIngestService } from '../../services/ingest-service.ts';
import { ApiError } from '../api-error.ts';
import { requireViewer, visibleConversation, type AppEnv } from '../guards.ts';
import { spec } from '../route-spec.ts';
import { ExternalId, Id } from '../schemas.ts';
import type { ServerContext } from '../server-context.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerIntegrationRoutes(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const ingest = createIngestService(ctx);

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/integrations/chatwoot/{inboxId}/webhook',
    summary:
      'Receive Chatwoot webhook events (message_created, conversation_created, conversation_status_changed). Signed with X-Chatwoot-Signature when the inbox has a webhookSecret; otherwise ?token= must match its webhookToken.',
    tags: ['integrations'],
    request: { params: z.object({ inboxId: Id }) },
    responses: { 200: { description: 'Processed (or ignored, for events Attune does not use)' } },
  });
  app.post('/api/v1/integrations/chatwoot/:inboxId/webhook', async (c) => {
    const inboxId = c.req.param('inboxId');
    if (!Id.safeParse(inboxId).success) throw new ApiError(404, 'not_found', { entity: 'inbox' });
    const inbox = await ctx.caches.inbox(inboxId);
    if (inbox === undefined || inbox.channel !== 'chatwoot')
      throw new ApiError(404, 'not_found', { entity: 'inbox', id: inboxId });
    const settings = (inbox.settings ?? {}) as Record<string, unknown>;
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const secret = settings['webhookSecret'];
    const urlToken = settings['webhookToken'];
    if (typeof secret === 'string' && secret !== '') {
      const signed = verifyChatwootSignature(
        secret,
        { signature: c.req.header('x-chatwoot-signature'), timestamp: c.req.header('x-chatwoot-timestamp') },
        raw,
      );
      if (!signed) throw new ApiError(401, 'invalid_signature');
    } else if (typeof urlToken !== 'string' || urlToken === '' || !sameSecret(c.req.query('token') ?? '', urlToken)) {
      throw new ApiError(401, 'invalid_signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      throw new ApiError(400, 'malformed_json');
    }
    const kind = (json as { event?: unknown } | null)?.event;
    const known = [
      'message_created',
      'message_updated',
      'conversation_created',
      'conversation_updated',
      'conversation_status_changed',
    ];
    if (typeof kind !== 'string' || !known.includes(kind))
      return c.json({ ignored: true, event: typeof kind === 'string' ? kind : null }, 200);
    const parsed = chatwootEvent.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(400, 'invalid_request', {
        issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const event = parsed.data;
    if (event.event === 'message_updated') return c.json({ ignored: true, event: event.event }, 200);
    let ingested = 0;
    for (const m of mapChatwootMessages(event)) {
      const result = await ingest.ingest({
        inboxId,
        conversation: { externalId: m.conversationExternalId, contact: m.contact },
        message: { externalId: m.externalId, role: m.role, text: m.text, sentAt: m.sentAt },
      });
      if (!result.ok)
        throw new ApiError(422, result.issues[0]?.code ?? 'invalid_request', result.issues[0]?.params ?? {});
      if (!result.value.duplicate) ingested++;
    }
    let status: string | null = null;
    if (event.event === 'conversation_status_changed' && isConversationStatus(event.status)) {
      const conversation = await findConversationByExternalId(ctx.db, inboxId, chatwootConversationExternalId(event));
      if (conversation !== undefined) {
        const changed = await changeStatus(ctx.db, { via: 'system' }, ctx.origin, conversation.id, event.status);
        status = changed.ok ? changed.value.status : conversation.status;
      }
    }
    return c.json({ ingested, status }, 200);
  });

  app.get('/integrations/chatwoot/dashboard-app', (c) => {
    // Chatwoot embeds this page in an iframe on its own origin.
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors *",
    );
    return c.html(dashboardAppPage());
  });

  app.openapi(
    spec('get', '/api/v1/conversations/by-external', {
      summary: 'Find a conversation by its inbox and external id (e.g. a Chatwoot conversation)',
      tag: 'conversations',
      query: z.object({ inboxId: Id, externalId: ExternalId }),
    }),
    async (c) => {
      const viewer = requireViewer(c, 'read');
      const { inboxId, externalId } = c.req.valid('query');
      const found = await findConversationByExternalId(ctx.db, inboxId, externalId);
      if (found === undefined) throw new ApiError(404, 'not_found', { entity: 'conversation' });
      await visibleConversation(ctx, viewer, found.id);
      return c.json((await conversationDetail(ctx.db, found.id)) ?? {}, 200);
    },
  );
}
