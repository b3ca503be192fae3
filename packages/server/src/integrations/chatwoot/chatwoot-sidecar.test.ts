import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { startAssist } from '../../services/assist-service.ts';
import { engineIntelligence } from '../../services/engine-intelligence.ts';
import { buildApiWorld, type ApiWorld } from '../../testing/api-world.ts';
import { testAnalyzer } from '../../testing/test-analyzer.ts';
import { chatwootSignature } from './chatwoot-signature.ts';
import { startChatwootWriteBack } from './chatwoot-write-back.ts';

const secret = 'cw-webhook-secret';
const account = { id: 7, name: 'Acme Support' };
const contact = {
  id: 31,
  name: 'Dana Novak',
  email: 'dana@example.com',
  phone_number: null,
  identifier: null,
  thumbnail: '',
  type: 'contact',
  additional_attributes: {},
  custom_attributes: {},
};
const agent = { id: 2, name: 'Sam Agent', email: 'sam@acme.test', type: 'user', available_name: 'Sam' };

/** The conversation object as Chatwoot's push_event_data renders it (id is the display id). */
function conversation(displayId: number, status: string, messages: unknown[] = []) {
  return {
    additional_attributes: { browser: { browser_name: 'Firefox' }, referer: 'https://acme.test/help' },
    can_reply: true,
    channel: 'Channel::WebWidget',
    contact_inbox: { id: 90, contact_id: contact.id, inbox_id: 3, source_id: 'a4b1c2', hmac_verified: false },
    id: displayId,
    inbox_id: 3,
    messages,
    labels: [],
    meta: { sender: contact, assignee: null, team: null, hmac_verified: false },
    status,
    custom_attributes: {},
    snoozed_until: null,
    unread_count: 1,
    first_reply_created_at: null,
    priority: null,
    waiting_since: 1767000000,
    agent_last_seen_at: 0,
    contact_last_seen_at: 0,
    last_activity_at: 1767000000,
    timestamp: 1767000000,
    created_at: 1767000000,
  };
}

/** message_created as Chatwoot's Message#webhook_data sends it. */
function messageCreated(
  id: number,
  displayId: number,
  content: string,
  type: 'incoming' | 'outgoing',
  isPrivate = false,
) {
  return {
    event: 'message_created',
    id,
    content,
    created_at: '2026-01-05T10:00:00.000Z',
    message_type: type,
    content_type: 'text',
    content_attributes: {},
    source_id: null,
    private: isPrivate,
    sender: type === 'incoming' ? contact : agent,
    inbox: { id: 3, name: 'Website' },
    conversation: conversation(displayId, 'open'),
    account,
    additional_attributes: {},
  };
}

interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly token: string | undefined;
  readonly body: Record<string, unknown>;
}

describe('Chatwoot sidecar (embedded database, a fake Chatwoot on 127.0.0.1)', () => {
  let database: Database;
  let world: ApiWorld;
  let chatwoot: Server;
  const requests: FakeRequest[] = [];
  /** Messages posted to this conversation are refused with 503, as by a Chatwoot that is down. */
  const refusedPath = '/api/v1/accounts/7/conversations/5101/messages';
  const stops: (() => void)[] = [];
  let inboxId: string;

  before(async () => {
    chatwoot = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          token: req.headers['api_access_token'] as string | undefined,
          body: JSON.parse(body || '{}') as Record<string, unknown>,
        });
        res.setHeader('content-type', 'application/json');
        if (req.url === refusedPath) res.statusCode = 503;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => chatwoot.listen(0, '127.0.0.1', () => r()));
    database = await openDatabase({ kind: 'embedded' });
    await migrate(database.db);
    const intelligence = engineIntelligence(await testAnalyzer());
    world = await buildApiWorld(database, intelligence);
    const ctx = world.context;
    stops.push(startAssist({ db: ctx.db, bus: ctx.bus, origin: ctx.origin, intelligence }));
    stops.push(startChatwootWriteBack({ db: ctx.db, bus: ctx.bus, caches: ctx.caches }));
    const created = await world.call('POST', '/api/v1/inboxes', {
      body: {
        name: 'Chatwoot Acme',
        channel: 'chatwoot',
        teamId: world.ids.red,
        settings: {
          webhookSecret: secret,
          baseUrl: `http://127.0.0.1:${(chatwoot.address() as AddressInfo).port}`,
          accountId: account.id,
          apiAccessToken: 'cw-api-token',
          writeBack: true,
        },
      },
    });
    assert.equal(created.status, 201);
    inboxId = String((created.json['inbox'] as { id: string }).id);
  });

  after(async () => {
    for (const stop of stops) stop();
    await world?.close();
    await database?.close();
    chatwoot?.close();
  });

  const deliver = (payload: unknown, options: { signatureSecret?: string; timestamp?: number } = {}) => {
    const raw = JSON.stringify(payload);
    const ts = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return world.call('POST', `/api/v1/integrations/chatwoot/${inboxId}/webhook`, {
      as: null,
      raw,
      headers: {
        'content-type': 'application/json',
        'x-chatwoot-timestamp': ts,
        'x-chatwoot-signature': chatwootSignature(options.signatureSecret ?? secret, ts, raw),
      },
    });
  };

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(check(), `timed out waiting for ${what}`);
  }

  it('maps conversation_created and message_created to one Attune conversation with the customer’s and agent’s words', async () => {
    assert.equal(
      (await deliver({ event: 'conversation_created', ...conversation(1042, 'open'), account })).status,
      200,
    );
    const first = await deliver(messageCreated(5001, 1042, 'Hi, my order 88123 never arrived.', 'incoming'));
    assert.deepEqual(first.json, { ingested: 1, status: null });
    await deliver(messageCreated(5002, 1042, 'Sorry to hear that, let me check order 88123 for you.', 'outgoing'));
    await deliver(messageCreated(5003, 1042, 'Internal: courier lost it', 'outgoing', true));
    const again = await deliver(messageCreated(5001, 1042, 'Hi, my order 88123 never arrived.', 'incoming'));
    assert.deepEqual(again.json, { ingested: 0, status: null }, 'a re-delivered webhook adds nothing');

    const found = await world.call('GET', `/api/v1/conversations/by-external?inboxId=${inboxId}&externalId=7:1042`, {
      as: 'alice',
    });
    assert.equal(found.status, 200);
    const messages = found.json['messages'] as { role: string; text: string; analysis: unknown }[];
    assert.deepEqual(
      messages.map((m) => m.role),
      ['customer', 'agent', 'note'],
    );
    assert.ok(messages[0]?.analysis !== null, 'the customer message was analysed on arrival');
    assert.equal((found.json['contact'] as { email: string }).email, 'dana@example.com');
  });

  it('posts an agent’s reply sent in Attune to the Chatwoot conversation, and stores it once when Chatwoot echoes it', async () => {
    await deliver(messageCreated(9001, 5001, 'Is my parcel lost?', 'incoming'));
    const reply = 'I am sorry for the wait. The courier confirmed it arrives tomorrow before noon.';
    const sent = await world.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: {
        inboxId,
        conversation: { externalId: '7:5001' },
        message: { externalId: 'web-reply-1', role: 'agent', text: reply },
      },
    });
    assert.equal(sent.status, 201);
    assert.deepEqual(sent.json['chatwoot'], { delivered: true });
    const posted = requests.filter((r) => r.path === '/api/v1/accounts/7/conversations/5001/messages');
    assert.equal(posted.length, 1);
    const attuneId = (sent.json['message'] as { id: string }).id;
    assert.deepEqual(posted[0]?.body, {
      content: reply,
      message_type: 'outgoing',
      private: false,
      content_attributes: { attune_message_id: attuneId },
    });
    assert.equal(posted[0]?.token, 'cw-api-token');

    const retry = await world.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: {
        inboxId,
        conversation: { externalId: '7:5001' },
        message: { externalId: 'web-reply-1', role: 'agent', text: reply },
      },
    });
    assert.equal(retry.json['duplicate'], true);
    assert.equal(requests.filter((r) => r.path === '/api/v1/accounts/7/conversations/5001/messages').length, 1);

    const echo = {
      ...messageCreated(9002, 5001, reply, 'outgoing'),
      content_attributes: { attune_message_id: attuneId },
    };
    assert.deepEqual((await deliver(echo)).json, { ingested: 0, status: null });
    const found = await world.call('GET', `/api/v1/conversations/by-external?inboxId=${inboxId}&externalId=7:5001`, {
      as: 'alice',
    });
    const messages = found.json['messages'] as { role: string; text: string }[];
    assert.deepEqual(
      messages.map((m) => m.role),
      ['customer', 'agent'],
    );
  });

  it('tells the agent when Chatwoot did not take the reply, keeping it in Attune', async () => {
    await deliver(messageCreated(9101, 5101, 'Hello?', 'incoming'));
    const sent = await world.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: {
        inboxId,
        conversation: { externalId: '7:5101' },
        message: { externalId: 'web-reply-2', role: 'agent', text: 'Here to help.' },
      },
    });
    assert.equal(sent.status, 201);
    const delivery = sent.json['chatwoot'] as { delivered: boolean; error: string };
    assert.equal(delivery.delivered, false);
    assert.match(delivery.error, /503/);
  });

  it('posts nothing to Chatwoot for a reply in an inbox that is not Chatwoot’s', async () => {
    const before = requests.length;
    const sent = await world.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: {
        inboxId: world.ids.redInbox,
        conversation: { externalId: 'chat-1' },
        message: { externalId: 'web-reply-3', role: 'agent', text: 'Hello from chat' },
      },
    });
    assert.equal(sent.status, 201);
    assert.equal(sent.json['chatwoot'], null);
    assert.equal(requests.length, before);
  });

  it('refuses a delivery with a bad or stale signature', async () => {
    const payload = messageCreated(6001, 2001, 'hello', 'incoming');
    assert.equal((await deliver(payload, { signatureSecret: 'wrong' })).status, 401);
    assert.equal((await deliver(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status, 401);
    const unsigned = await world.call('POST', `/api/v1/integrations/chatwoot/${inboxId}/webhook`, {
      as: null,
      raw: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(unsigned.status, 401);
  });

  it('follows conversation_status_changed through the status state machine', async () => {
    await deliver(messageCreated(7001, 3001, 'Can you change my delivery address?', 'incoming'));
    const resolved = await deliver({
      event: 'conversation_status_changed',
      ...conversation(3001, 'resolved'),
      account,
      changed_attributes: [{ status: { previous_value: 'open', current_value: 'resolved' } }],
    });
    assert.deepEqual(resolved.json, { ingested: 0, status: 'resolved' });
  });

  it('writes emotion and risk back to Chatwoot, and a private note with a label when risk turns high', async () => {
    const angry = [
      'Where is my refund?! This is the THIRD time I am writing!!!',
      'This is unacceptable, I will report you to consumer protection and post this everywhere.',
      'I want your manager NOW or I am cancelling my account and calling my lawyer!!!',
    ];
    for (const [i, text] of angry.entries()) await deliver(messageCreated(8001 + i, 4001, text, 'incoming'));
    const prefix = '/api/v1/accounts/7/conversations/4001/';
    const mine = () => requests.filter((r) => r.path.startsWith(prefix));
    const riskHigh = (r: FakeRequest) =>
      (r.body['custom_attributes'] as Record<string, unknown> | undefined)?.['attune_risk'] === 'high';
    await until(() => mine().some((r) => r.path.endsWith('/messages')) && mine().some(riskHigh), 'the write-back');
    assert.ok(requests.every((r) => r.token === 'cw-api-token' && r.method === 'POST'));
    const attributes = mine()
      .filter((r) => r.path.endsWith('/custom_attributes'))
      .map((r) => r.body['custom_attributes']);
    assert.ok(attributes.some((a) => typeof (a as Record<string, unknown>)['attune_emotion'] === 'string'));
    assert.ok(attributes.some((a) => (a as Record<string, unknown>)['attune_risk'] === 'high'));
    assert.deepEqual(mine().find((r) => r.path.endsWith('/labels'))?.body, { labels: ['attune-high-risk'] });
    const note = mine().find((r) => r.path.endsWith('/messages'))?.body;
    assert.equal(note?.['private'], true);
    assert.match(String(note?.['content']), /escalation risk is high/);
  });

  it('serves the Dashboard App page without reflecting its query and inserting server text only as text', async () => {
    const response = await world.app.request(
      '/integrations/chatwoot/dashboard-app?inbox=%3Cscript%3Ealert(1)%3C%2Fscript%3E&key=x',
    );
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(!html.includes('<script>alert(1)'), 'the query string is reflected into the page');
    assert.doesNotMatch(html, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.match(html, /textContent/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
});
