import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { buildApiWorld, ingestBody, testPassword, type ApiWorld } from '../testing/api-world.ts';

describeOnBothDatabases('HTTP API', (handle) => {
  let w: ApiWorld;
  // The world is rebuilt per test because the suite truncates tables between tests.
  const fresh = async () => {
    await w?.close();
    w = await buildApiWorld(handle.current);
    return w;
  };
  after(() => w?.close());

  it('ingests a customer message, analyses it on arrival and acknowledges a re-delivery as a duplicate', async () => {
    const w = await fresh();
    const body = ingestBody(w.ids.redInbox, 'c-1', 'm-1', 'I am furious, this is the third time I write!');
    const first = await w.call('POST', '/api/v1/messages', { body, as: 'alice' });
    assert.equal(first.status, 201);
    assert.equal(first.json['duplicate'], false);
    const analysis = first.json['analysis'] as { emotions: { dominant: string } };
    assert.equal(typeof analysis.emotions.dominant, 'string');
    const again = await w.call('POST', '/api/v1/messages', { body, as: 'alice' });
    assert.equal(again.status, 200);
    assert.equal(again.json['duplicate'], true);
    const detail = await w.call('GET', `/api/v1/conversations/${String(first.json['conversationId'])}`, {
      as: 'alice',
    });
    assert.equal((detail.json['messages'] as unknown[]).length, 1);
  });

  it('hides another team’s conversation from an agent on every conversation route', async () => {
    const w = await fresh();
    const ingested = await w.call('POST', '/api/v1/messages', {
      body: ingestBody(w.ids.blueInbox, 'b-1', 'm-1', 'Help me'),
      as: 'bob',
    });
    const id = String(ingested.json['conversationId']);
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/conversations/${id}`],
      ['POST', `/api/v1/conversations/${id}/status`, { status: 'resolved' }],
      ['POST', `/api/v1/conversations/${id}/coach`, { text: 'Sorry to hear that' }],
      ['POST', `/api/v1/conversations/${id}/csat`, { score: 1 }],
      ['POST', `/api/v1/conversations/${id}/scorecards`],
      ['POST', '/api/v1/self-assessments', { conversationId: id, ratings: { empathy: 3 } }],
      ['GET', `/api/v1/conversations/by-external?inboxId=${w.ids.blueInbox}&externalId=b-1`],
      ['POST', '/api/v1/messages', ingestBody(w.ids.blueInbox, 'b-1', 'm-2', 'sneaky')],
    ];
    for (const [method, path, body] of attempts) {
      const r = await w.call(method, path, { as: 'alice', ...(body === undefined ? {} : { body }) });
      assert.ok(r.status === 404 || r.status === 403, `${method} ${path} answered ${r.status}`);
    }
    const list = await w.call('GET', '/api/v1/conversations', { as: 'alice' });
    assert.deepEqual(list.json['items'], []);
    const leadList = await w.call('GET', `/api/v1/conversations?teamId=${w.ids.blue}`, { as: 'lead' });
    assert.equal(leadList.status, 403);
    const adminList = await w.call('GET', '/api/v1/conversations', { as: 'admin' });
    assert.equal((adminList.json['items'] as unknown[]).length, 1);
  });

  it('keeps admin routes to admins', async () => {
    const w = await fresh();
    for (const [method, path, body] of [
      ['POST', '/api/v1/users', { email: 'x@example.com', name: 'X', role: 'admin', password: 'long enough pw' }],
      ['POST', '/api/v1/teams', { name: 'Green' }],
      ['GET', '/api/v1/webhooks'],
      ['GET', '/api/v1/audit'],
      ['POST', '/api/v1/rubrics', { name: 'r', definition: {} }],
    ] as const) {
      const r = await w.call(method, path, { as: 'lead', ...(body === undefined ? {} : { body }) });
      assert.equal(r.status, 403, `${method} ${path}`);
    }
  });

  it('signs in with a password into an httpOnly session cookie and demands the CSRF token on writes', async () => {
    const w = await fresh();
    const wrong = await w.call('POST', '/api/v1/auth/login', {
      as: null,
      body: { email: 'alice@example.com', password: 'nope' },
    });
    assert.equal(wrong.status, 401);
    const login = await w.call('POST', '/api/v1/auth/login', {
      as: null,
      body: { email: 'alice@example.com', password: testPassword },
    });
    assert.equal(login.status, 200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /attune_session=[^;]+;.*HttpOnly/i);
    const session = /attune_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
    const cookie = `attune_session=${session}`;
    const me = await w.call('GET', '/api/v1/auth/me', { as: null, headers: { cookie } });
    assert.equal((me.json['user'] as { email: string }).email, 'alice@example.com');
    assert.ok(!JSON.stringify(me.json).includes('passwordHash'));
    const body = ingestBody(w.ids.redInbox, 'c', 'm', 'hello');
    const noCsrf = await w.call('POST', '/api/v1/messages', { as: null, headers: { cookie }, body });
    assert.equal(noCsrf.status, 403);
    assert.equal((noCsrf.json['error'] as { code: string }).code, 'csrf_failed');
    const withCsrf = await w.call('POST', '/api/v1/messages', {
      as: null,
      headers: { cookie, 'x-csrf-token': String(login.json['csrfToken']) },
      body,
    });
    assert.equal(withCsrf.status, 201);
  });

  it('limits a token to its scopes and its rate', async () => {
    const w = await fresh();
    const login = await w.call('POST', '/api/v1/auth/login', {
      as: null,
      body: { email: 'alice@example.com', password: testPassword },
    });
    const cookie = `attune_session=${/attune_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
    const headers = { cookie, 'x-csrf-token': String(login.json['csrfToken']) };
    const tooMuch = await w.call('POST', '/api/v1/tokens', {
      as: null,
      headers,
      body: { name: 'x', scopes: ['admin'] },
    });
    assert.equal(tooMuch.status, 403);
    const created = await w.call('POST', '/api/v1/tokens', {
      as: null,
      headers,
      body: { name: 'reader', scopes: ['read'], ratePerMinute: 2 },
    });
    assert.equal(created.status, 201);
    const token = String(created.json['token']);
    const auth = { authorization: `Bearer ${token}` };
    const write = await w.call('POST', '/api/v1/messages', {
      as: null,
      headers: auth,
      body: ingestBody(w.ids.redInbox, 'c', 'm', 'hi'),
    });
    assert.equal(write.status, 403);
    assert.equal((write.json['error'] as { code: string }).code, 'missing_scope');
    await w.call('GET', '/api/v1/conversations', { as: null, headers: auth });
    const limited = await w.call('GET', '/api/v1/conversations', { as: null, headers: auth });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });

  it('answers bad input on every route with a 4xx and a clear error code, never a 5xx', async () => {
    const w = await fresh();
    const doc = await w.call('GET', '/api/openapi.json');
    const paths = doc.json['paths'] as Record<string, Record<string, unknown>>;
    const id = '00000000-0000-4000-8000-000000000000';
    const bodies: (string | Uint8Array)[] = [
      '{"unterminated',
      '[]',
      '{"text": 5, "status": [], "email": {"$gt": ""}, "score": "NaN"}',
      `{"text": "<script>alert(1)</script>", "name": "${'x'.repeat(300)}"}`,
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      JSON.stringify({ text: 'x'.repeat(400_000) }),
    ];
    let checked = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const takesBody = (operation as { requestBody?: unknown }).requestBody !== undefined || path.includes('{');
        const takesParameters = ((operation as { parameters?: unknown[] }).parameters ?? []).length > 0;
        if (method === 'get' ? !takesParameters : !takesBody) continue;
        const url =
          path.replace('{format}', 'jsonl').replace(/\{[^}]+\}/g, method === 'get' ? 'not-a-uuid' : id) +
          (method === 'get'
            ? '?limit=abc&status=bogus&teamId=x&inboxId=x&externalId=&before=yesterday&open=maybe'
            : '');
        for (const raw of method === 'get' ? [undefined] : bodies) {
          const r = await w.call(method.toUpperCase(), url, {
            ...(raw === undefined ? {} : { raw, headers: { 'content-type': 'application/json' } }),
          });
          assert.ok(r.status < 500, `${method} ${url} answered ${r.status}`);
          // Query parameters a route does not take are ignored; everything else must be refused.
          if (method === 'get' && r.status < 400) continue;
          assert.ok(r.status >= 400, `${method} ${url} answered ${r.status}`);
          const error = r.json['error'] as { code?: string; message?: string } | undefined;
          assert.equal(typeof error?.code, 'string', `${method} ${url}: ${JSON.stringify(r.json)}`);
          assert.ok(!JSON.stringify(r.json).includes('at '), 'no stack trace');
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `checked ${checked} requests`);
  });

  it('stores script tags as plain text and serves JSON that browsers will not sniff as HTML', async () => {
    const w = await fresh();
    const text = '<script>alert("x")</script> my order';
    const r = await w.call('POST', '/api/v1/messages', {
      body: ingestBody(w.ids.redInbox, 'c', 'm', text),
      as: 'alice',
    });
    const detail = await w.call('GET', `/api/v1/conversations/${String(r.json['conversationId'])}`, { as: 'alice' });
    assert.equal((detail.json['messages'] as { text: string }[])[0]?.text, text);
    assert.equal(detail.headers.get('content-type'), 'application/json');
    assert.equal(detail.headers.get('x-content-type-options'), 'nosniff');
  });

  it('moves a conversation through the status state machine and refuses an impossible move', async () => {
    const w = await fresh();
    const r = await w.call('POST', '/api/v1/messages', {
      body: ingestBody(w.ids.redInbox, 'c', 'm', 'hi'),
      as: 'alice',
    });
    const id = String(r.json['conversationId']);
    assert.equal(
      (await w.call('POST', `/api/v1/conversations/${id}/status`, { as: 'alice', body: { status: 'resolved' } }))
        .status,
      200,
    );
    const refused = await w.call('POST', `/api/v1/conversations/${id}/status`, {
      as: 'alice',
      body: { status: 'snoozed' },
    });
    assert.equal(refused.status, 409);
    assert.equal((refused.json['error'] as { code: string }).code, 'invalid_transition');
    const audit = await w.call('GET', `/api/v1/audit?entity=conversation&entityId=${id}`);
    assert.equal((audit.json['items'] as unknown[]).length, 1);
  });

  it('serves a generated OpenAPI document and a self-contained docs page', async () => {
    const w = await fresh();
    const doc = await w.call('GET', '/api/openapi.json', { as: null });
    assert.equal(doc.json['openapi'], '3.1.0');
    assert.ok(Object.keys(doc.json['paths'] as object).includes('/api/v1/conversations/{id}/coach'));
    const page = await w.app.request('/api/docs');
    const html = await page.text();
    assert.match(html, /<title>Attune API<\/title>/);
    assert.ok(!/https?:\/\/(?!localhost)[^"']*\.(js|css)/.test(html), 'no external scripts or styles');
  });

  it('imports a JSONL file idempotently', async () => {
    const w = await fresh();
    const file = [
      JSON.stringify({
        id: 'abcd-1',
        turns: [
          { speaker: 'customer', text: 'My package never came' },
          { speaker: 'agent', text: 'Let me check' },
        ],
      }),
      JSON.stringify({ conversationId: 'abcd-2', role: 'customer', text: 'Thanks a lot!' }),
      '{broken',
    ].join('\n');
    const path = `/api/v1/import/jsonl?inboxId=${w.ids.redInbox}`;
    const first = await w.call('POST', path, { raw: file, headers: { 'content-type': 'application/x-ndjson' } });
    assert.equal(first.status, 200);
    assert.equal(first.json['imported'], 3);
    assert.equal(first.json['issueCount'], 1);
    const second = await w.call('POST', path, { raw: file, headers: { 'content-type': 'application/x-ndjson' } });
    assert.equal(second.json['imported'], 0);
    assert.equal(second.json['duplicates'], 3);
  });
});
