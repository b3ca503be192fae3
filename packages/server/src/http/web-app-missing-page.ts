/**
 * What `/` shows when the server was told where the web app lives but it has not been built there: how to build it.
 * Plain HTML with no script or style, so the strictest policy serves it.
 */
export function webAppMissingPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attune: the web app is not built</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<h1>Attune is running, but its web app is not built yet</h1>
<p>Build it from the repository root, then reload this page:</p>
<pre>npm run build:web</pre>
<p>The API is available meanwhile: <a href="/api/docs">API reference</a>, <a href="/healthz">health</a>.</p>
</body></html>`;
}
