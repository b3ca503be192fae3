/**
 * The HTTP API: validated at the edge (zod), documented by the generated OpenAPI document, one error type and
 * one error handler, body size limits, callers resolved from API tokens or session cookies (with CSRF checks).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { resolveCallerCached } from '../auth/resolve-viewer.ts';
import { announceInvalidation } from '../store/events-repository.ts';
import { ApiError } from './api-error.ts';
import { apiDocsPage } from './api-docs-page.ts';
import { errorMessage, pickLanguage } from './error-messages.ts';
import type { AppEnv } from './guards.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerConversationRoutes } from './routes/conversation-routes.ts';
import { registerImportRoutes } from './routes/import-routes.ts';
import { registerIntegrationRoutes } from './routes/integration-routes.ts';
import type { ServerContext } from './server-context.ts';
import { registerChatwootEmbedRedirect, registerWebAppFiles } from './web-app-routes.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that change who may do what, or where events go: they clear the read caches in every process. */
const directoryWrites = /^\/api\/v1\/(users|teams|tokens|inboxes|webhooks|auth\/logout)(\/|$)/;

export function errorResponse(c: Context, error: ApiError): Response {
  const lang = pickLanguage(c.req.header('accept-language'));
  const headers: Record<string, string> = {};
  if (error.status === 429 && typeof error.params['retryAfterSeconds'] === 'number') {
    headers['retry-after'] = String(error.params['retryAfterSeconds']);
  }
  return c.json(
    { error: { code: error.code, message: errorMessage(error.code, lang), params: error.params } },
    error.status,
    headers,
  );
}

export interface AppOptions {
  /** The built web app's directory (index.html + assets/), served at `/`; without it the server is API-only. */
  readonly webRoot?: string;
}

export function createApp(ctx: ServerContext, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(400, 'invalid_request', {
          issues: result.error.issues
            .slice(0, 20)
            .map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
        });
      }
    },
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 413) return errorResponse(c, new ApiError(413, 'payload_too_large'));
      if (status === 400 && /JSON/i.test(error.message)) return errorResponse(c, new ApiError(400, 'malformed_json'));
      if (status === 400 && /Content-Type/i.test(error.message))
        return errorResponse(c, new ApiError(415, 'unsupported_media_type'));
      if (status >= 400 && status < 500) return errorResponse(c, new ApiError(400, 'invalid_request'));
    }
    if (error instanceof SyntaxError || error instanceof URIError)
      return errorResponse(c, new ApiError(400, 'invalid_request'));
    // Anything else is our bug: log it here, tell the caller nothing about it.
    console.error(`attune: unhandled error on ${c.req.method} ${c.req.path}:`, error);
    return errorResponse(c, new ApiError(500, 'internal'));
  });
  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', { path: c.req.path })));

  app.use('/api/*', async (c, next) => {
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    await next();
  });

  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', { maxBytes: maxSize });
      },
    });
  app.use('/api/v1/import/*', limit(ctx.options.maxImportBytes));
  app.use('/api/v1/*', async (c, next) =>
    c.req.path.startsWith('/api/v1/import/') ? next() : limit(ctx.options.maxBodyBytes)(c, next),
  );

  app.use('/api/v1/*', async (c, next) => {
    const caller = await resolveCallerCached(ctx.db, ctx.caches.callers, {
      authorization: c.req.header('authorization'),
      cookie: c.req.header('cookie'),
    });
    c.set('caller', caller);
    if (caller !== null && caller.viewer.via === 'session' && unsafeMethods.has(c.req.method)) {
      // Double-submit: a cross-site form can carry the cookie but cannot read it to set this header.
      if (c.req.header('x-csrf-token') !== caller.csrfToken) throw new ApiError(403, 'csrf_failed');
    }
    if (caller !== null && caller.viewer.tokenId !== undefined && caller.ratePerMinute !== undefined) {
      const wait = ctx.limiter.take(caller.viewer.tokenId, caller.ratePerMinute);
      if (wait > 0) throw new ApiError(429, 'rate_limited', { retryAfterSeconds: wait });
    }
    await next();
    if (unsafeMethods.has(c.req.method) && c.res.status < 400 && directoryWrites.test(c.req.path)) {
      // Cleared here before the answer goes out, so this process never serves the old state after it; the
      // NOTIFY reaches the other processes (and this one again, harmlessly).
      ctx.caches.clear();
      await announceInvalidation(ctx.db);
    }
  });

  registerAuthRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  if (options.webRoot !== undefined) registerChatwootEmbedRedirect(app, options.webRoot);
  // Before the conversation routes: /conversations/by-external must win over /conversations/{id}.
  registerIntegrationRoutes(app, ctx);
  registerConversationRoutes(app, ctx);
  registerImportRoutes(app, ctx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'attune_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Attune API',
      version: '1',
      description:
        'Ingest conversations, read their emotion analyses and scorecards, coach drafts, record CSAT and self-assessments, and manage users, teams, tokens, rubrics and webhooks. Live events over WebSocket at /api/v1/live.',
    },
  });
  app.get('/api/docs', (c) => c.html(apiDocsPage()));
  app.get('/healthz', (c) => c.json({ ok: true, database: ctx.database.kind }));
  // Last: every route above wins over the app's files and its page fallback.
  if (options.webRoot !== undefined) registerWebAppFiles(app, options.webRoot);
  return app;
}
