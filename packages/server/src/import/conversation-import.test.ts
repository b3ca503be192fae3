import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv, readJsonl, readZendesk } from './conversation-import.ts';

/** The shape of a Zendesk export: tickets (Tickets API) with their comments (Ticket Comments API) attached. */
const zendeskExport = {
  tickets: [
    {
      url: 'https://acme.zendesk.com/api/v2/tickets/35436.json',
      id: 35436,
      external_id: null,
      created_at: '2026-01-04T09:12:00Z',
      updated_at: '2026-01-04T11:40:00Z',
      type: 'incident',
      subject: 'Refund still missing',
      raw_subject: 'Refund still missing',
      description: 'I returned the blender two weeks ago and still no refund.',
      priority: 'high',
      status: 'solved',
      requester_id: 20978392,
      submitter_id: 20978392,
      assignee_id: 235323,
      organization_id: 509974,
      group_id: 98738,
      tags: ['refund', 'returns'],
      via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
      satisfaction_rating: { score: 'bad' },
      comments: [
        {
          id: 1274,
          type: 'Comment',
          author_id: 20978392,
          body: 'I returned the blender two weeks ago and still no refund.',
          html_body: '<p>I returned the blender two weeks ago and still no refund.</p>',
          plain_body: 'I returned the blender two weeks ago and still no refund.',
          public: true,
          attachments: [],
          audit_id: 43,
          via: { channel: 'email' },
          created_at: '2026-01-04T09:12:00Z',
        },
        {
          id: 1275,
          type: 'Comment',
          author_id: 235323,
          body: 'Warehouse confirmed receipt, refund approved.',
          plain_body: 'Warehouse confirmed receipt, refund approved.',
          public: false,
          created_at: '2026-01-04T10:02:00Z',
        },
        {
          id: 1276,
          type: 'Comment',
          author_id: 235323,
          body: 'I am sorry for the wait. Your refund of €89 was issued today and arrives in 3-5 days.',
          plain_body: 'I am sorry for the wait. Your refund of €89 was issued today and arrives in 3-5 days.',
          public: true,
          created_at: '2026-01-04T10:05:00Z',
        },
      ],
    },
    { id: 'not-a-ticket', comments: 'nope' },
  ],
  count: 2,
  next_page: null,
};

describe('conversation import readers', () => {
  it('reads a Zendesk ticket export: requester comments are the customer’s, private ones notes, the rest the agent’s', () => {
    const reading = readZendesk(JSON.stringify(zendeskExport));
    assert.deepEqual(
      reading.messages.map((m) => [m.conversationExternalId, m.externalId, m.role, m.subject]),
      [
        ['zendesk:35436', 'zendesk:1274', 'customer', 'Refund still missing'],
        ['zendesk:35436', 'zendesk:1275', 'note', 'Refund still missing'],
        ['zendesk:35436', 'zendesk:1276', 'agent', 'Refund still missing'],
      ],
    );
    assert.equal(reading.messages[0]?.sentAt?.toISOString(), '2026-01-04T09:12:00.000Z');
    assert.deepEqual(reading.issues, [{ code: 'invalid_record', params: { ticket: 1 } }]);
  });

  it('reads Zendesk tickets given one per line', () => {
    const lines = zendeskExport.tickets
      .slice(0, 1)
      .map((t) => JSON.stringify(t))
      .join('\n');
    assert.equal(readZendesk(lines + '\n{broken').messages.length, 3);
    assert.deepEqual(readZendesk(lines + '\n{broken').issues, [{ code: 'malformed_json', params: { line: 2 } }]);
  });

  it('reads CSV with quoted commas, doubled quotes and newlines in a field, and names the bad rows', () => {
    const csv = [
      'conversation_id,message_id,role,text,sent_at',
      'c1,m1,customer,"Hello, my ""express"" parcel is late",2026-01-02T10:00:00Z',
      'c1,m2,agent,"Sorry about that.\nIt leaves today.",2026-01-02T10:01:00Z',
      'c1,,robot,who am I,',
      'c2,,user,second conversation,',
    ].join('\r\n');
    const reading = readCsv(csv);
    assert.deepEqual(
      reading.messages.map((m) => [m.conversationExternalId, m.externalId, m.role, m.text]),
      [
        ['c1', 'm1', 'customer', 'Hello, my "express" parcel is late'],
        ['c1', 'm2', 'agent', 'Sorry about that.\nIt leaves today.'],
        ['c2', 'c2#R5', 'customer', 'second conversation'],
      ],
    );
    assert.deepEqual(reading.issues, [{ code: 'invalid_record', params: { row: 4 } }]);
  });

  it('reports a CSV without the required columns instead of guessing', () => {
    assert.deepEqual(readCsv('id,body\n1,hello').issues, [
      { code: 'missing_columns', params: { required: ['conversation_id', 'role', 'text'] } },
    ]);
  });

  it('reads JSONL as whole conversations or single messages', () => {
    const text = [
      JSON.stringify({
        id: 'k1',
        turns: [
          { speaker: 'user', text: 'Hi' },
          { speaker: 'agent', text: 'Hello!' },
        ],
      }),
      JSON.stringify({ conversationId: 'k2', role: 'customer', text: 'Order late' }),
      'not json',
    ].join('\n');
    const reading = readJsonl(text);
    assert.deepEqual(
      reading.messages.map((m) => [m.conversationExternalId, m.role, m.text]),
      [
        ['k1', 'customer', 'Hi'],
        ['k1', 'agent', 'Hello!'],
        ['k2', 'customer', 'Order late'],
      ],
    );
    assert.deepEqual(reading.issues, [{ code: 'malformed_json', params: { line: 3 } }]);
  });
});

describe('import over HTTP (embedded database)', () => {
  it('imports a Zendesk export into an inbox once: a second import adds only duplicates', async () => {
    const { openDatabase } = await import('../db/database.ts');
    const { migrate } = await import('../db/migrate.ts');
    const { buildApiWorld } = await import('../testing/api-world.ts');
    const database = await openDatabase({ kind: 'embedded' });
    try {
      await migrate(database.db);
      const world = await buildApiWorld(database);
      const body = JSON.stringify(zendeskExport);
      const path = `/api/v1/import/zendesk?inboxId=${world.ids.redInbox}`;
      const first = await world.call('POST', path, { as: 'lead', raw: body });
      assert.equal(first.status, 200);
      assert.deepEqual([first.json['imported'], first.json['duplicates'], first.json['issueCount']], [3, 0, 1]);
      const second = await world.call('POST', path, { as: 'lead', raw: body });
      assert.deepEqual([second.json['imported'], second.json['duplicates']], [0, 3]);
      assert.equal((await world.call('POST', path, { as: 'alice', raw: body })).status, 403, 'agents cannot import');
      const list = await world.call('GET', '/api/v1/conversations', { as: 'lead' });
      const items = list.json['items'] as { externalId: string; subject: string }[];
      assert.deepEqual(
        items.map((c) => [c.externalId, c.subject]),
        [['zendesk:35436', 'Refund still missing']],
      );
      await world.close();
    } finally {
      await database.close();
    }
  });
});
