/** Import conversations from JSONL, CSV or a Zendesk export into an inbox (idempotent: re-importing adds nothing). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { readCsv, readJsonl, readZendesk, type ImportReading } from '../../import/conversation-import.ts';
import { createIngestService } from '../../services/ingest-service.ts';
import { ApiError } from '../api-error.ts';
import { requireTeam, requireViewer, type AppEnv } from '../guards.ts';
import { Id } from '../schemas.ts';
import type { ServerContext } from '../server-context.ts';

const readers: Readonly<Record<string, (text: string) => ImportReading>> = {
  jsonl: readJsonl,
  csv: readCsv,
  zendesk: readZendesk,
};

export function registerImportRoutes(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const ingest = createIngestService(ctx);
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/import/{format}',
    summary: 'Import conversations (format: jsonl | csv | zendesk) into an inbox; the raw file is the body',
    tags: ['ingest'],
    request: { params: z.object({ format: z.enum(['jsonl', 'csv', 'zendesk']) }), query: z.object({ inboxId: Id }) },
    responses: { 200: { description: 'Counts of imported and duplicate messages, with per-record issues' } },
  });
  app.post('/api/v1/import/:format', async (c) => {
    const viewer = requireViewer(c, 'ingest', ['lead', 'admin']);
    const reader = readers[c.req.param('format')];
    if (reader === undefined) throw new ApiError(404, 'not_found', { format: c.req.param('format') });
    const inboxId = c.req.query('inboxId') ?? '';
    if (!Id.safeParse(inboxId).success)
      throw new ApiError(400, 'invalid_request', { issues: [{ path: 'inboxId', message: 'expected a uuid' }] });
    const inbox = await ctx.caches.inbox(inboxId);
    if (inbox === undefined) throw new ApiError(404, 'not_found', { entity: 'inbox', id: inboxId });
    requireTeam(viewer, inbox.teamId);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    } catch {
      throw new ApiError(400, 'invalid_request', { reason: 'invalid_utf8' });
    }
    const reading = reader(text);
    let imported = 0;
    let duplicates = 0;
    for (const m of reading.messages) {
      const result = await ingest.ingest({
        inboxId,
        conversation: { externalId: m.conversationExternalId, subject: m.subject },
        message: { externalId: m.externalId, role: m.role, text: m.text, sentAt: m.sentAt },
      });
      if (!result.ok) throw new ApiError(422, result.issues[0]?.code ?? 'invalid_request');
      if (result.value.duplicate) duplicates++;
      else imported++;
    }
    return c.json(
      { imported, duplicates, issues: reading.issues.slice(0, 100), issueCount: reading.issues.length },
      200,
    );
  });
}
