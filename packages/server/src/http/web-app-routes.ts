/**
 * Serves the built web app from a directory the caller names (the server never imports the web package: it sits
 * above the server). Files at their paths, `index.html` for any other page path so the app can route itself, and
 * the API's own 404 for API, socket and integration paths, which must never turn into an HTML page.
 */
import { readFile } from 'node:fs/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './guards.ts';
import {
  cacheControlFor,
  contentTypeFor,
  etagFor,
  findStaticFile,
  precompressedVariant,
  safeSegments,
  type StaticFile,
} from './static-files.ts';
import { webAppHeaders, type FramePolicy } from './web-app-headers.ts';
import { webAppMissingPage } from './web-app-missing-page.ts';

/** Paths the app never answers for, whatever is in the directory. */
const notAppPaths = /^\/(?:api(?:\/|$)|ws|integrations(?:\/|$)|healthz(?:\/|$))/;

/** The Chatwoot Dashboard App: the web app's embed mode, the one page another site may frame. */
function isChatwootEmbed(query: URLSearchParams): boolean {
  return query.get('embed') === 'chatwoot' && query.has('inbox');
}

/** A missing path that names a file (a stale hashed chunk, a favicon) gets a 404, not HTML posing as that file. */
function namesFile(path: string): boolean {
  return path.startsWith('/assets/') || /\.[^/]*$/.test(path);
}

/**
 * index.html refers to its assets relatively (`./assets/…`, so the build works under any mount point). Served for
 * a deeper path such as `/conversations/42`, those would resolve below it; a base element points them back at `/`.
 */
function indexFor(html: string, path: string): string {
  if (path.lastIndexOf('/') <= 0 || /<base\s/i.test(html)) return html;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<base href="/">`);
}

/** A file, or its precompressed sibling (written by the web build) when the browser accepts that encoding. */
async function sendFile(c: Context<AppEnv>, file: StaticFile, urlPath: string): Promise<Response> {
  const variant = await precompressedVariant(file, c.req.header('accept-encoding'));
  const sent = variant?.file ?? file;
  const etag = etagFor(sent);
  const headers: Record<string, string> = {
    ...webAppHeaders('deny'),
    'content-type': contentTypeFor(file.path),
    'cache-control': cacheControlFor(urlPath),
    vary: 'accept-encoding',
    etag,
  };
  if (variant !== undefined) headers['content-encoding'] = variant.encoding;
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(await readFile(sent.path), 200, headers);
}

async function sendIndex(c: Context<AppEnv>, index: StaticFile, path: string, frames: FramePolicy): Promise<Response> {
  const html = indexFor(await readFile(index.path, 'utf8'), path);
  // No validator and no-cache: the page is tiny and names the current asset hashes, so it must never be stale.
  return c.html(html, 200, { ...webAppHeaders(frames), 'cache-control': 'no-cache' });
}

/**
 * Sends the Chatwoot Dashboard App URL to the web app's embed mode (same panel as the agent workspace, in the
 * agent's language) once the app is built; until then, and without an inbox, the server's own page answers.
 * Registered before the integration routes, so it runs first.
 */
export function registerChatwootEmbedRedirect(app: OpenAPIHono<AppEnv>, webRoot: string): void {
  app.use('/integrations/chatwoot/dashboard-app', async (c, next) => {
    const query = new URL(c.req.url).searchParams;
    if (c.req.method !== 'GET' || !query.has('inbox') || (await findStaticFile(webRoot, '/index.html')) === undefined)
      return next();
    const target = new URLSearchParams({ embed: 'chatwoot' });
    for (const [name, value] of query) if (name !== 'embed') target.append(name, value);
    c.header('referrer-policy', 'no-referrer');
    return c.redirect(`/?${target.toString()}`, 302);
  });
}

/** Registers the web app's files and page fallback; call after every other GET route, so those win. */
export function registerWebAppFiles(app: OpenAPIHono<AppEnv>, webRoot: string): void {
  app.get('*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname;
    // Traversal attempts (`..%2f`, encoded separators, NUL) get the API's 404, never a file and never the page.
    if (notAppPaths.test(path) || safeSegments(path) === undefined) return c.notFound();
    const index = await findStaticFile(webRoot, '/index.html');
    if (index === undefined) {
      if (path !== '/' && namesFile(path)) return c.notFound();
      return c.html(webAppMissingPage(), 503, { ...webAppHeaders('deny'), 'cache-control': 'no-store' });
    }
    const frames: FramePolicy = isChatwootEmbed(url.searchParams) ? 'embeddable' : 'deny';
    if (path === '/') return sendIndex(c, index, path, frames);
    const file = await findStaticFile(webRoot, path);
    if (file?.path === index.path) return sendIndex(c, index, path, frames);
    if (file !== undefined) return sendFile(c, file, path);
    if (namesFile(path)) return c.notFound();
    return sendIndex(c, index, path, 'deny');
  });
}
