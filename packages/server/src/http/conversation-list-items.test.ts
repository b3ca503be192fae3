import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { buildApiWorld, ingestBody, type ApiWorld } from '../testing/api-world.ts';

describeOnBothDatabases('Conversation list items', (handle) => {
  let w: ApiWorld | undefined;
  after(() => w?.close());

  it('names the customer and tells who spoke last on each listed conversation', async () => {
    await w?.close();
    w = await buildApiWorld(handle.current);
    const named = ingestBody(w.ids.redInbox, 'c-named', 'm-1', 'My parcel never came');
    await w.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: {
        ...named,
        conversation: { externalId: 'c-named', contact: { externalId: 'cust-1', name: 'Marta Kowalska' } },
      },
    });
    await w.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: ingestBody(w.ids.redInbox, 'c-named', 'm-2', 'Sorry about that, checking now', 'agent'),
    });
    await w.call('POST', '/api/v1/messages', {
      as: 'alice',
      body: ingestBody(w.ids.redInbox, 'c-anon', 'm-3', 'Hello?'),
    });
    const list = await w.call('GET', '/api/v1/conversations', { as: 'alice' });
    assert.equal(list.status, 200);
    const items = list.json['items'] as { externalId: string; contactName: unknown; lastMessageRole: unknown }[];
    const byExternal = new Map(items.map((i) => [i.externalId, i]));
    assert.equal(byExternal.get('c-named')?.contactName, 'Marta Kowalska');
    assert.equal(byExternal.get('c-named')?.lastMessageRole, 'agent');
    assert.equal(byExternal.get('c-anon')?.contactName, null);
    assert.equal(byExternal.get('c-anon')?.lastMessageRole, 'customer');
  });
});
