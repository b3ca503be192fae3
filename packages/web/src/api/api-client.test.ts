import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, readCookie } from './api-client.ts';

/** A real HTTP server that records requests and answers like Attune's API does. */
async function withServer(
  handler: (req: IncomingMessage, body: string) => { status: number; json: unknown },
  run: (base: string, seen: { req: IncomingMessage; body: string }[]) => Promise<void>,
): Promise<void> {
  const seen: { req: IncomingMessage; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ req, body });
      const { status, json } = handler(req, body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    assert.equal(readCookie('a=1; attune_csrf=abc%20d; b=2', 'attune_csrf'), 'abc d');
    assert.equal(readCookie('a=1', 'attune_csrf'), undefined);
  });
});

describe('ApiClient', () => {
  it('sends the CSRF token from login on every change, and the UI language on every request', async () => {
    await withServer(
      (req) =>
        req.url === '/api/v1/auth/login'
          ? { status: 200, json: { user: { id: 'u' }, csrfToken: 'tok' } }
          : { status: 200, json: { ok: true } },
      async (base, seen) => {
        const api = new ApiClient({ baseUrl: base, lang: () => 'ru', cookies: () => '' });
        assert.equal((await api.login('a@b.c', 'pw')).ok, true);
        await api.changeStatus('c1', 'resolved');
        await api.conversations();
        const status = seen[1]?.req;
        assert.equal(status?.headers['x-csrf-token'], 'tok');
        assert.equal(status?.headers['accept-language'], 'ru');
        assert.deepEqual(JSON.parse(seen[1]?.body ?? ''), { status: 'resolved' });
        assert.equal(seen[2]?.req.headers['x-csrf-token'], undefined);
      },
    );
  });

  it('reads the CSRF token from its cookie after a page reload', async () => {
    await withServer(
      () => ({ status: 200, json: {} }),
      async (base, seen) => {
        const api = new ApiClient({ baseUrl: base, cookies: () => 'attune_session=s; attune_csrf=from-cookie' });
        await api.acknowledgeAlert('a1');
        assert.equal(seen[0]?.req.headers['x-csrf-token'], 'from-cookie');
      },
    );
  });

  it('turns a server error into a value with its code and params', async () => {
    await withServer(
      () => ({
        status: 409,
        json: { error: { code: 'invalid_transition', message: 'x', params: { from: 'resolved' } } },
      }),
      async (base) => {
        const r = await new ApiClient({ baseUrl: base }).changeStatus('c', 'pending');
        assert.deepEqual(r, {
          ok: false,
          error: { code: 'invalid_transition', status: 409, params: { from: 'resolved' } },
        });
      },
    );
  });

  it('reports an unreachable server as a network failure instead of throwing', async () => {
    const r = await new ApiClient({ baseUrl: 'http://127.0.0.1:1' }).me();
    assert.deepEqual(r, { ok: false, error: { code: 'network', status: 0, params: {} } });
  });

  it('sends a reply as an agent message with the id chosen for it, so a retry is not a duplicate', async () => {
    await withServer(
      () => ({ status: 201, json: { duplicate: false } }),
      async (base, seen) => {
        const api = new ApiClient({ baseUrl: base, bearer: 'secret' });
        await api.sendReply({ inboxId: 'i1', externalId: 'conv-7' }, 'Hello Ann', 'web-123');
        const body = JSON.parse(seen[0]?.body ?? '') as {
          inboxId: string;
          conversation: unknown;
          message: { externalId: string; role: string; text: string };
        };
        assert.equal(seen[0]?.req.headers.authorization, 'Bearer secret');
        assert.equal(body.inboxId, 'i1');
        assert.deepEqual(body.conversation, { externalId: 'conv-7' });
        assert.equal(body.message.externalId, 'web-123');
        assert.equal(body.message.role, 'agent');
      },
    );
  });

  it('asks for the team’s self-assessments only when a lead’s dashboard wants them', async () => {
    await withServer(
      () => ({ status: 200, json: { items: [] } }),
      async (base, seen) => {
        const api = new ApiClient({ baseUrl: base, bearer: 'secret' });
        await api.selfAssessments();
        await api.selfAssessments('team');
        assert.deepEqual(
          seen.map((s) => s.req.url),
          ['/api/v1/self-assessments', '/api/v1/self-assessments?scope=team'],
        );
      },
    );
  });

  it('saves a review with its per-criterion verdicts as data, not inside the note', async () => {
    await withServer(
      () => ({ status: 200, json: { scorecard: {} } }),
      async (base, seen) => {
        const api = new ApiClient({ baseUrl: base, bearer: 'secret' });
        await api.overrideScore('s1', 90, 'Gave a date', [{ id: 'apology', status: 'pass', comment: 'Gave a date' }]);
        assert.equal(seen[0]?.req.url, '/api/v1/scorecards/s1/override');
        assert.deepEqual(JSON.parse(seen[0]?.body ?? ''), {
          score: 90,
          note: 'Gave a date',
          criteria: [{ id: 'apology', status: 'pass', comment: 'Gave a date' }],
        });
      },
    );
  });
});
