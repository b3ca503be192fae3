/** A self-contained, readable page over /api/openapi.json (no CDN: it must work on an offline install). */
export function apiDocsPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attune API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{margin-bottom:0}.op{border:1px solid #d8dce5;border-radius:6px;margin:.6rem 0;padding:.4rem .8rem}
.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}.get{color:#0a7}.post{color:#06c}
.patch,.put{color:#a60}.delete{color:#c22}code{font-size:14px}pre{background:#f5f6f8;padding:.6rem;overflow:auto;font-size:13px}
summary{cursor:pointer}h2{margin-top:2rem;border-bottom:1px solid #eee}
</style></head><body>
<h1>Attune API</h1><p id="desc"></p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>
or a session cookie from <code>POST /api/v1/auth/login</code> (then send <code>X-CSRF-Token</code> on writes).</p>
<div id="ops">Loading…</div>
<script>
const esc = (s) => String(s).replace(/[&<>"']/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[ch]));
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('desc').textContent = doc.info.description || '';
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'other';
    (byTag[tag] = byTag[tag] || []).push({ path, method, op });
  }
  let html = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of ops) {
      const body = op.requestBody && op.requestBody.content['application/json'];
      const params = (op.parameters || []).map((p) => esc(p.in) + ' <code>' + esc(p.name) + '</code>').join(', ');
      html += '<details class="op"><summary><span class="m ' + esc(method) + '">' + esc(method) + '</span><code>' + esc(path) +
        '</code> — ' + esc(op.summary || '') + '</summary>' + (params ? '<p>Parameters: ' + params + '</p>' : '') +
        (body ? '<p>Body:</p><pre>' + esc(JSON.stringify(resolve(doc, body.schema), null, 2)) + '</pre>' : '') + '</details>';
    }
  }
  document.getElementById('ops').innerHTML = html;
});
function resolve(doc, schema) {
  if (schema && schema.$ref) return doc.components.schemas[schema.$ref.split('/').pop()];
  return schema;
}
</script></body></html>`;
}
