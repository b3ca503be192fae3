import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { buildApiWorld, type ApiWorld } from '../testing/api-world.ts';

describeOnBothDatabases('Team self-assessments', (handle) => {
  let w: ApiWorld | undefined;
  after(() => w?.close());

  it('shows a lead their teams’ agents’ self-assessments, and an agent only their own', async () => {
    await w?.close();
    const world = await buildApiWorld(handle.current);
    w = world;
    for (const [who, score] of [
      ['alice', 4],
      ['bob', 2],
    ] as const) {
      const r = await w.call('POST', '/api/v1/self-assessments', { as: who, body: { ratings: { empathy: score } } });
      assert.equal(r.status, 201);
    }
    const owners = async (as: 'alice' | 'lead' | 'admin', query: string) => {
      const r = await world.call('GET', `/api/v1/self-assessments${query}`, { as });
      assert.equal(r.status, 200, `${as} ${query}`);
      return (r.json['items'] as { userId: string }[]).map((i) => i.userId).sort();
    };
    assert.deepEqual(await owners('alice', ''), [w.ids.alice]);
    assert.deepEqual(await owners('lead', ''), []);
    assert.deepEqual(await owners('lead', '?scope=team'), [w.ids.alice]);
    assert.deepEqual(await owners('lead', `?scope=team&teamId=${w.ids.red}`), [w.ids.alice]);
    assert.deepEqual(await owners('admin', '?scope=team'), [w.ids.alice, w.ids.bob].sort());
    assert.deepEqual(await owners('admin', `?scope=team&teamId=${w.ids.blue}`), [w.ids.bob]);

    const agentAsks = await w.call('GET', '/api/v1/self-assessments?scope=team', { as: 'alice' });
    assert.equal(agentAsks.status, 403);
    const otherTeam = await w.call('GET', `/api/v1/self-assessments?scope=team&teamId=${w.ids.blue}`, { as: 'lead' });
    assert.equal(otherTeam.status, 403);
  });
});
