import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { migrate } from '../db/migrate.ts';
import type { Viewer } from '../domain/roles.ts';
import { listAudit } from './audit-repository.ts';
import { changeStatus, conversationDetail, listConversations } from './conversations-repository.ts';
import { createApiToken, findApiToken, revokeApiToken, sha256 } from './credentials-repository.ts';
import { overrideScorecard, saveScorecard } from './feedback-repository.ts';
import { createInbox } from './inboxes-repository.ts';
import { ingestMessage, type IngestMessageInput } from './ingest-repository.ts';
import { addTeamMember, createTeam, createUser, findUserByEmail } from './users-repository.ts';
import { loadTranscript } from '../services/assist-service.ts';
import { createWebhook, dueDeliveries, enqueueDelivery } from './webhooks-repository.ts';
import type { Db } from '../db/database.ts';
import { apiTokens } from '../db/schema.ts';

const system = { via: 'system' } as const;

async function world(db: Db) {
  const red = await createTeam(db, system, 'Red');
  const blue = await createTeam(db, system, 'Blue');
  assert.ok(red.ok && blue.ok);
  const alice = await createUser(db, system, {
    email: 'Alice@example.com',
    name: 'Alice',
    role: 'agent',
    passwordHash: null,
  });
  const bob = await createUser(db, system, {
    email: 'bob@example.com',
    name: 'Bob',
    role: 'agent',
    passwordHash: null,
  });
  assert.ok(alice.ok && bob.ok);
  await addTeamMember(db, system, red.value.id, alice.value.id);
  await addTeamMember(db, system, blue.value.id, bob.value.id);
  const redInbox = await createInbox(db, system, { name: 'Red chat', channel: 'chat', teamId: red.value.id });
  const blueInbox = await createInbox(db, system, { name: 'Blue mail', channel: 'email', teamId: blue.value.id });
  const viewer = (userId: string, teamIds: string[]): Viewer => ({ userId, role: 'agent', teamIds, via: 'session' });
  return {
    red: red.value,
    blue: blue.value,
    alice: alice.value,
    bob: bob.value,
    redInbox,
    blueInbox,
    aliceViewer: viewer(alice.value.id, [red.value.id]),
    bobViewer: viewer(bob.value.id, [blue.value.id]),
  };
}

function customerMessage(inboxId: string, conversation: string, id: string, text: string): IngestMessageInput {
  return {
    inboxId,
    conversation: { externalId: conversation, contact: { externalId: `c-${conversation}`, name: 'Dana' } },
    message: { externalId: id, role: 'customer', text },
  };
}

describeOnBothDatabases('repositories', (handle) => {
  it('applies migrations once: a second run at start-up changes nothing', async () => {
    const report = await migrate(handle.current.db);
    assert.deepEqual(report.applied, []);
    assert.ok(report.alreadyApplied >= 1);
  });

  it('stores emails case-insensitively and refuses a second account with the same email', async () => {
    const db = handle.current.db;
    const first = await createUser(db, system, {
      email: 'Lee@Example.com',
      name: 'Lee',
      role: 'lead',
      passwordHash: null,
    });
    assert.equal(first.ok, true);
    const again = await createUser(db, system, {
      email: 'lee@example.com',
      name: 'Lee 2',
      role: 'agent',
      passwordHash: null,
    });
    assert.equal(again.ok, false);
    if (!again.ok) assert.equal(again.issues[0]?.code, 'email_taken');
    assert.equal((await findUserByEmail(db, 'LEE@example.com'))?.name, 'Lee');
  });

  it('ingests a re-delivered message once, reporting the second delivery as a duplicate', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const input = customerMessage(w.redInbox.id, 'conv-1', 'msg-1', 'Where is my refund?');
    const first = await ingestMessage(db, 'p1', input, null);
    const second = await ingestMessage(db, 'p1', input, null);
    assert.ok(first.ok && second.ok);
    assert.equal(first.value.duplicate, false);
    assert.equal(second.value.duplicate, true);
    assert.equal(second.value.message.id, first.value.message.id);
    const detail = await conversationDetail(db, first.value.conversation.id);
    assert.equal(detail?.messages.length, 1);
    assert.equal(detail?.contact?.name, 'Dana');
  });

  it('reads a long conversation for live assist from its newest 60 customer and agent turns, in order', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const start = Date.parse('2026-01-05T09:00:00Z');
    let conversationId = '';
    for (let i = 0; i < 75; i++) {
      const role = i % 5 === 4 ? 'note' : i % 2 === 0 ? 'customer' : 'agent';
      const r = await ingestMessage(
        db,
        'p1',
        {
          inboxId: w.redInbox.id,
          conversation: { externalId: 'long' },
          message: { externalId: `long-${i}`, role, text: `turn ${i}`, sentAt: new Date(start + i * 60_000) },
        },
        null,
      );
      assert.ok(r.ok);
      conversationId = r.value.conversation.id;
    }
    const transcript = await loadTranscript(db, conversationId);
    assert.equal(transcript.length, 60);
    assert.ok(transcript.every((t) => t.role === 'customer' || t.role === 'agent'));
    assert.equal(transcript.at(-1)?.text, 'turn 73');
    const times = transcript.map((t) => Date.parse(t.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
  });

  it('survives concurrent deliveries of the same message without a duplicate or an error', async () => {
    const db = handle.current.db;
    const w = await world(db);
    await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'conv-r', 'seed', 'hi'), null);
    const input = customerMessage(w.redInbox.id, 'conv-r', 'race', 'Are you there?');
    const results = await Promise.all([1, 2, 3, 4].map(() => ingestMessage(db, 'p1', input, null)));
    assert.ok(results.every((r) => r.ok));
    const fresh = results.filter((r) => r.ok && !r.value.duplicate);
    assert.equal(fresh.length, 1);
  });

  it('puts a new conversation in its inbox team, so only that team sees it', async () => {
    const db = handle.current.db;
    const w = await world(db);
    await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'r1', 'm1', 'Hello red'), null);
    await ingestMessage(db, 'p1', customerMessage(w.blueInbox.id, 'b1', 'm1', 'Hello blue'), null);
    const aliceSees = await listConversations(db, w.aliceViewer);
    const bobSees = await listConversations(db, w.bobViewer);
    assert.deepEqual(
      aliceSees.map((r) => r.conversation.externalId),
      ['r1'],
    );
    assert.deepEqual(
      bobSees.map((r) => r.conversation.externalId),
      ['b1'],
    );
    const admin: Viewer = { userId: w.alice.id, role: 'admin', teamIds: [], via: 'session' };
    assert.equal((await listConversations(db, admin)).length, 2);
  });

  it('moves status only along the state machine and audits who moved it', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const ingested = await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'r1', 'm1', 'Help'), null);
    assert.ok(ingested.ok);
    const id = ingested.value.conversation.id;
    assert.equal((await changeStatus(db, w.aliceViewer, 'p1', id, 'resolved')).ok, true);
    const refused = await changeStatus(db, w.aliceViewer, 'p1', id, 'snoozed');
    assert.equal(refused.ok, false);
    const log = await listAudit(db, { entity: 'conversation', entityId: id });
    assert.equal(log.length, 1);
    assert.equal(log[0]?.actorId, w.alice.id);
    assert.deepEqual(log[0]?.details, { from: 'open', to: 'resolved' });
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const first = await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'r1', 'm1', 'Help'), null);
    assert.ok(first.ok);
    await changeStatus(db, system, 'p1', first.value.conversation.id, 'resolved');
    const again = await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'r1', 'm2', 'It broke again'), null);
    assert.ok(again.ok);
    assert.equal(again.value.conversation.status, 'open');
  });

  it('stores only a hash of an API token and stops accepting it once revoked', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const { token, row } = await createApiToken(db, system, { userId: w.alice.id, name: 'ci', scopes: ['ingest'] });
    const stored = await db.select().from(apiTokens);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.tokenHash, sha256(token));
    assert.ok(!JSON.stringify(stored).includes(token));
    assert.equal((await findApiToken(db, token))?.id, row.id);
    assert.equal(await revokeApiToken(db, system, row.id), true);
    assert.equal(await findApiToken(db, token), undefined);
  });

  it('keeps a reviewer override beside the automatic score', async () => {
    const db = handle.current.db;
    const w = await world(db);
    const ingested = await ingestMessage(db, 'p1', customerMessage(w.redInbox.id, 'r1', 'm1', 'Help'), null);
    assert.ok(ingested.ok);
    const card = await saveScorecard(db, {
      conversationId: ingested.value.conversation.id,
      rubricId: null,
      autoScore: 62,
      auto: { items: [] },
    });
    const lead: Viewer = { userId: w.bob.id, role: 'lead', teamIds: [w.red.id], via: 'session' };
    const overridden = await overrideScorecard(db, lead, card.id, { score: 80, note: 'Handled well' });
    assert.ok(overridden.ok);
    assert.equal(overridden.value.autoScore, 62);
    assert.equal(overridden.value.overrideScore, 80);
    assert.equal(overridden.value.reviewerId, w.bob.id);
  });

  it('queues one webhook delivery per event even when the event is enqueued twice', async () => {
    const db = handle.current.db;
    const hook = await createWebhook(db, system, {
      url: 'http://127.0.0.1:9/x',
      secret: 's',
      events: ['*'],
      teamId: null,
    });
    await enqueueDelivery(db, { webhookId: hook.id, eventId: '7', eventType: 'alert.raised', payload: {} });
    await enqueueDelivery(db, { webhookId: hook.id, eventId: '7', eventType: 'alert.raised', payload: {} });
    const due = await dueDeliveries(db, new Date(Date.now() + 1000), 10);
    assert.equal(due.length, 1);
  });
});

describe('repository suite wiring', () => {
  it('refuses a schema name that is not a plain SQL identifier', async () => {
    const { openDatabase } = await import('../db/database.ts');
    await assert.rejects(
      openDatabase({ kind: 'postgres', url: 'postgres://127.0.0.1/test', schema: 'x; drop table users' }),
      /lower-case SQL identifier/,
    );
  });
});
