import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { startServer, type RunningServer } from '../start-server.ts';
import { buildApiWorld, ingestBody, type ApiWorld } from '../testing/api-world.ts';
import { testAnalyzer } from '../testing/test-analyzer.ts';

type Frame = Record<string, unknown> & { type: string; payload?: Record<string, unknown> };

function socket(
  url: string,
  token: string,
): Promise<{ ws: WebSocket; frames: Frame[]; next: (type: string) => Promise<Frame> }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const frames: Frame[] = [];
  const waiters: { type: string; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as Frame;
    frames.push(frame);
    for (const w of waiters.filter((x) => x.type === frame.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  const next = (type: string) =>
    new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} frame within 10 s`)), 10_000);
      waiters.push({
        type,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  return next('hello').then(() => ({ ws, frames, next }));
}

describe('live assist with the engine’s conversation intelligence (embedded database, real server)', () => {
  let dataDir: string;
  let world: ApiWorld;
  let server: RunningServer;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'attune-assist-'));
    const setup = await openDatabase({ kind: 'embedded', dataDir });
    await migrate(setup.db);
    world = await buildApiWorld(setup);
    await world.close();
    await setup.close();
    server = await startServer({ database: { kind: 'embedded', dataDir }, analyzer: await testAnalyzer(), port: 0 });
  });

  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = async (path: string, token: string, body: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };

  it('alerts the team lead’s socket when an angry customer’s escalation risk turns high, and pushes assist to the agent', async () => {
    const lead = await socket(server.url, world.tokens.lead);
    const alice = await socket(server.url, world.tokens.alice);
    const bob = await socket(server.url, world.tokens.bob);
    const first = await post(
      '/api/v1/messages',
      world.tokens.alice,
      ingestBody(world.ids.redInbox, 'angry-1', 'a1', 'Hi, my refund for order 55123 has not arrived.'),
    );
    const conversationId = String(first.json['conversationId']);
    alice.ws.send(JSON.stringify({ type: 'subscribe', conversationId }));
    await alice.next('subscribed');
    const alert = lead.next('alert.raised');
    const assist = alice.next('assist.updated');
    const angry = [
      'This is the THIRD time I am writing!!! Where is my money?!',
      'This is absolutely unacceptable. I will report you to consumer protection and post this everywhere.',
      'I want to speak to your manager NOW or I am cancelling my account and calling my lawyer!!!',
    ];
    for (const [i, text] of angry.entries())
      assert.equal(
        (
          await post(
            '/api/v1/messages',
            world.tokens.alice,
            ingestBody(world.ids.redInbox, 'angry-1', `a${i + 2}`, text),
          )
        ).status,
        201,
      );

    const raised = await alert;
    const payload = raised.payload?.['alert'] as {
      conversationId: string;
      code: string;
      params: { riskScore: number };
    };
    assert.equal(payload.conversationId, conversationId);
    assert.equal(payload.code, 'escalation_risk_high');
    assert.ok(payload.params.riskScore >= 0.6, `risk ${payload.params.riskScore}`);
    const snapshot = (await assist).payload?.['assist'] as {
      riskLevel: string;
      detail: { arc: unknown; nextStep: { code: string } };
    };
    assert.equal(typeof snapshot.detail.nextStep.code, 'string');
    assert.ok(snapshot.detail.arc !== undefined);
    // Another team's agent hears nothing of it.
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!bob.frames.some((f) => f.type === 'alert.raised' || f.type === 'assist.updated'));
    for (const s of [lead, alice, bob]) s.ws.close();
  });

  it('closes an open socket as signed out once its token is revoked, instead of letting it keep listening', async () => {
    const created = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'GET',
      headers: { authorization: `Bearer ${world.tokens.bob}` },
    });
    const items = ((await created.json()) as { items: { id: string }[] }).items;
    assert.equal(items.length, 1);
    const bob = await socket(server.url, world.tokens.bob);
    const closed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket stayed open after its token was revoked')), 5_000);
      bob.ws.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    const revoked = await fetch(`${server.url}/api/v1/tokens/${items[0]?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${world.tokens.bob}` },
    });
    assert.equal(revoked.status, 200);
    assert.equal(await closed, 4401);
  });

  it('coaches "I can’t refund that." with a negative-language finding', async () => {
    const r = await post(
      '/api/v1/messages',
      world.tokens.alice,
      ingestBody(world.ids.redInbox, 'coach-1', 'c1', 'Can I get my money back for the broken kettle?'),
    );
    const id = String(r.json['conversationId']);
    const coached = await post(`/api/v1/conversations/${id}/coach`, world.tokens.alice, {
      text: "I can't refund that.",
    });
    assert.equal(coached.status, 200);
    const findings = (coached.json['coach'] as { findings: { code: string }[] }).findings;
    assert.ok(
      findings.some((f) => f.code === 'negative_language'),
      JSON.stringify(findings.map((f) => f.code)),
    );
  });

  it('scores a conversation with the default rubric and stores an inferred CSAT when it is resolved', async () => {
    const r = await post(
      '/api/v1/messages',
      world.tokens.alice,
      ingestBody(world.ids.redInbox, 'score-1', 's1', 'My parcel is late and I am upset.'),
    );
    const id = String(r.json['conversationId']);
    await post(
      '/api/v1/messages',
      world.tokens.alice,
      ingestBody(
        world.ids.redInbox,
        'score-1',
        's2',
        'I am sorry about the delay, I understand how frustrating this is. I have rebooked delivery for tomorrow before noon.',
        'agent',
      ),
    );
    await post(
      '/api/v1/messages',
      world.tokens.alice,
      ingestBody(world.ids.redInbox, 'score-1', 's3', 'Thank you, that works for me.'),
    );
    const card = await post(`/api/v1/conversations/${id}/scorecards`, world.tokens.alice, {});
    assert.equal(card.status, 201);
    const scorecard = card.json['scorecard'] as { autoScore: number; auto: { criteria: unknown[] } };
    assert.ok(scorecard.auto.criteria.length > 0);
    assert.ok(scorecard.autoScore >= 0 && scorecard.autoScore <= 100);

    assert.equal(
      (await post(`/api/v1/conversations/${id}/status`, world.tokens.alice, { status: 'resolved' })).status,
      200,
    );
    let csat: { source: string; score: number }[] = [];
    for (let i = 0; i < 50 && csat.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const detail = await fetch(`${server.url}/api/v1/conversations/${id}`, {
        headers: { authorization: `Bearer ${world.tokens.alice}` },
      });
      csat = ((await detail.json()) as { csat: typeof csat }).csat;
    }
    const inferred = csat.find((c) => c.source === 'inferred');
    assert.ok(inferred !== undefined, 'no inferred CSAT stored');
    assert.ok(inferred.score >= 1 && inferred.score <= 5);
  });
});
