/**
 * The page Chatwoot embeds as a Dashboard App (conversation sidebar). Chatwoot posts the open conversation
 * to the iframe (`{ event: 'appContext', data: { conversation, contact, currentAgent } }`); the page finds the
 * Attune conversation and shows its live assist over the WebSocket. Self-contained: no CDN.
 * All text from the server is inserted with textContent, so stored customer text stays inert.
 */
export function dashboardAppPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attune live assist</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:12px;color:#1d2330;background:#fff}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#6b7385;margin:14px 0 6px}
.risk{padding:8px 10px;border-radius:6px;font-weight:600}.low{background:#e7f6ee}.medium{background:#fff4d6}.high{background:#fde2e1}
.msg{border-left:3px solid #d8dce5;padding:2px 8px;margin:6px 0}.muted{color:#6b7385}
</style></head><body>
<div id="status" class="muted">Waiting for Chatwoot to share the open conversation…</div>
<div id="risk"></div><h2>Next step</h2><div id="next" class="muted">—</div>
<h2>Latest customer messages</h2><div id="msgs"></div>
<script>
const params = new URLSearchParams(location.search);
const inbox = params.get('inbox'); const key = params.get('key');
const headers = key ? { authorization: 'Bearer ' + key } : {};
const $ = (id) => document.getElementById(id);
let socket; let current;
function text(el, value) { el.textContent = value == null ? '' : String(value); }
function renderAssist(a) {
  if (!a) return;
  const r = $('risk'); r.className = 'risk ' + a.riskLevel;
  text(r, 'Escalation risk: ' + a.riskLevel + ' (' + Math.round(a.riskScore * 100) + '%)');
  const next = a.detail && (a.detail.nextStep || a.detail.nextBestStep);
  text($('next'), next ? (next.code || JSON.stringify(next)) : '—');
}
function renderMessage(m, analysis) {
  const div = document.createElement('div'); div.className = 'msg';
  text(div, m.text + (analysis ? '  [' + analysis.emotions.dominant + ', ' + analysis.sentiment.label + ']' : ''));
  $('msgs').prepend(div);
  while ($('msgs').children.length > 5) $('msgs').lastChild.remove();
}
async function open(accountId, displayId) {
  const ext = accountId + ':' + displayId;
  const res = await fetch('/api/v1/conversations/by-external?inboxId=' + encodeURIComponent(inbox) + '&externalId=' + encodeURIComponent(ext), { headers });
  if (!res.ok) { text($('status'), 'Attune has not seen this conversation yet.'); return; }
  const detail = await res.json(); current = detail.conversation.id;
  text($('status'), 'Live assist for conversation #' + displayId);
  $('msgs').replaceChildren();
  for (const m of detail.messages.filter((m) => m.role === 'customer').slice(-5)) renderMessage(m, m.analysis);
  renderAssist(detail.assist);
  socket && socket.close();
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/live' + (key ? '?token=' + encodeURIComponent(key) : '');
  socket = new WebSocket(url);
  socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', conversationId: current }));
  socket.onmessage = (e) => {
    const ev = JSON.parse(e.data);
    if (ev.type === 'message.analyzed' && ev.payload.message.role === 'customer') renderMessage(ev.payload.message, ev.payload.analysis);
    if (ev.type === 'assist.updated') renderAssist(ev.payload.assist);
  };
}
window.addEventListener('message', (e) => {
  let data; try { data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data; } catch { return; }
  if (!data || data.event !== 'appContext' || !data.data || !data.data.conversation) return;
  const c = data.data.conversation;
  open(c.account_id, c.id);
});
window.parent && window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
</script></body></html>`;
}
