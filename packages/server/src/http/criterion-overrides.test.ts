import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { saveScorecard } from '../store/feedback-repository.ts';
import { buildApiWorld, ingestBody, type ApiWorld } from '../testing/api-world.ts';

interface StoredVerdict {
  criterionId: string;
  status: string;
  comment: string | null;
  reviewerId: string;
  reviewedAt: string;
}

describeOnBothDatabases('Per-criterion scorecard overrides', (handle) => {
  let w: ApiWorld | undefined;
  after(() => w?.close());

  it('stores a reviewer’s verdict per criterion beside the automatic result, audited and shown on the conversation', async () => {
    await w?.close();
    const world = await buildApiWorld(handle.current);
    w = world;
    const sent = await world.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: ingestBody(world.ids.redInbox, 'c-1', 'm-1', 'Where is my refund?'),
    });
    const conversationId = String(sent.json['conversationId']);
    const auto = {
      score: 50,
      criteria: [
        { id: 'acknowledge_emotion', status: 'fail', weight: 1 },
        { id: 'apology', status: 'pass', weight: 1 },
      ],
    };
    const card = await saveScorecard(world.context.db, { conversationId, rubricId: null, autoScore: 50, auto });
    const path = `/api/v1/scorecards/${card.id}/override`;

    const byAgent = await world.call('POST', path, { as: 'alice', body: { score: 100 } });
    assert.equal(byAgent.status, 403);
    const unknown = await world.call('POST', path, {
      as: 'lead',
      body: { score: 100, criteria: [{ id: 'no_such_criterion', status: 'pass' }] },
    });
    assert.equal(unknown.status, 422);
    assert.equal((unknown.json['error'] as { code: string }).code, 'unknown_criterion');
    const badStatus = await world.call('POST', path, {
      as: 'lead',
      body: { score: 100, criteria: [{ id: 'apology', status: 'maybe' }] },
    });
    assert.equal(badStatus.status, 400);

    const reviewed = await world.call('POST', path, {
      as: 'lead',
      body: {
        score: 100,
        note: 'Fair handling',
        criteria: [{ id: 'acknowledge_emotion', status: 'pass', comment: 'She named the frustration in turn 2' }],
      },
    });
    assert.equal(reviewed.status, 200);
    const detail = await world.call('GET', `/api/v1/conversations/${conversationId}`, { as: 'alice' });
    const [stored] = detail.json['scorecards'] as {
      autoScore: number;
      overrideScore: number;
      overrideNote: string;
      auto: typeof auto;
      overrideCriteria: StoredVerdict[];
    }[];
    assert.equal(stored?.autoScore, 50);
    assert.equal(stored?.overrideScore, 100);
    assert.equal(stored?.overrideNote, 'Fair handling');
    assert.equal(stored?.auto.criteria[0]?.status, 'fail', 'the automatic verdict is kept');
    assert.equal(stored?.overrideCriteria.length, 1);
    const verdict = stored?.overrideCriteria[0];
    assert.equal(verdict?.criterionId, 'acknowledge_emotion');
    assert.equal(verdict?.status, 'pass');
    assert.equal(verdict?.comment, 'She named the frustration in turn 2');
    assert.equal(verdict?.reviewerId, world.ids.lead);
    assert.ok(!Number.isNaN(Date.parse(verdict?.reviewedAt ?? '')));

    // A score-only change keeps the verdicts; an empty list withdraws them.
    await world.call('POST', path, { as: 'lead', body: { score: 90 } });
    const kept = await world.call('GET', `/api/v1/conversations/${conversationId}`, { as: 'lead' });
    assert.equal((kept.json['scorecards'] as { overrideCriteria: unknown[] }[])[0]?.overrideCriteria.length, 1);
    await world.call('POST', path, { as: 'lead', body: { score: 50, criteria: [] } });
    const cleared = await world.call('GET', `/api/v1/conversations/${conversationId}`, { as: 'lead' });
    assert.deepEqual((cleared.json['scorecards'] as { overrideCriteria: unknown[] }[])[0]?.overrideCriteria, []);

    const log = await world.call('GET', `/api/v1/audit?entity=scorecard&entityId=${card.id}`, { as: 'admin' });
    const details = (log.json['items'] as { action: string; details: { criteria: unknown } }[]).map((e) => e.details);
    assert.equal(details.length, 3);
    assert.deepEqual(details[2]?.criteria, [['acknowledge_emotion', 'pass']]);
    assert.deepEqual(details[0]?.criteria, []);
  });
});
