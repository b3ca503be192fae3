import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConversationListItem } from '../api/wire-types.ts';
import { conversationRow, filterRows, sortRows } from './conversation-rows.ts';

const now = Date.parse('2026-01-01T12:00:00Z');
const item = (id: string, patch: Partial<ConversationListItem>): ConversationListItem => ({
  id,
  inboxId: 'i',
  teamId: 't',
  assigneeId: null,
  contactId: null,
  externalId: id,
  status: 'open',
  subject: `Subject ${id}`,
  lang: 'en',
  lastMessageAt: new Date(now - 60_000).toISOString(),
  createdAt: new Date(now - 3_600_000).toISOString(),
  updatedAt: new Date(now - 60_000).toISOString(),
  assist: null,
  contactName: null,
  lastMessageRole: 'customer',
  ...patch,
});
const assist = (level: 'low' | 'medium' | 'high', score: number, emotion = 'anger') => ({
  riskLevel: level,
  riskScore: score,
  reasons: [],
  detail: { arc: { now: { dominant: emotion } } },
});

describe('conversationRow', () => {
  it('reads the customer’s emotion now and the risk from the assist snapshot', () => {
    const r = conversationRow(item('a', { assist: assist('high', 0.8, 'frustration') }), now);
    assert.equal(r.emotion, 'frustration');
    assert.deepEqual(r.risk, { level: 'high', score: 0.8 });
    assert.equal(r.waitingMs, 60_000);
  });

  it('shows no wait on resolved conversations or when the agent wrote last', () => {
    assert.equal(conversationRow(item('a', { status: 'resolved' }), now).waitingMs, undefined);
    assert.equal(conversationRow(item('a', { lastMessageRole: 'agent' }), now).waitingMs, undefined);
  });

  it('keeps the customer waiting when an internal note follows their message', () => {
    assert.equal(conversationRow(item('a', { lastMessageRole: 'note' }), now).waitingMs, 60_000);
  });

  it('shows neither emotion nor risk before the first analysis', () => {
    const r = conversationRow(item('a', {}), now);
    assert.equal(r.emotion, undefined);
    assert.equal(r.risk, undefined);
  });

  it('titles a row with the customer’s name and the subject', () => {
    assert.equal(conversationRow(item('a', { contactName: 'Ann Lee' }), now).title, 'Ann Lee · Subject a');
  });
});

describe('sortRows and filterRows', () => {
  const rows = [
    conversationRow(item('low', { assist: assist('low', 0.1, 'neutral') }), now),
    conversationRow(item('new', {}), now),
    conversationRow(
      item('high-short', { assist: assist('high', 0.7), lastMessageAt: new Date(now - 30_000).toISOString() }),
      now,
    ),
    conversationRow(
      item('high-long', { assist: assist('high', 0.7), lastMessageAt: new Date(now - 600_000).toISOString() }),
      now,
    ),
    conversationRow(item('med', { assist: assist('medium', 0.4, 'anxiety'), status: 'pending' }), now),
  ];

  it('puts the riskiest first and, at equal risk, whoever has waited longest', () => {
    assert.deepEqual(
      sortRows(rows, 'risk').map((r) => r.id),
      ['high-long', 'high-short', 'med', 'low', 'new'],
    );
  });

  it('sorts by waiting time', () => {
    assert.equal(sortRows(rows, 'waiting')[0]?.id, 'high-long');
  });

  it('does not reorder the list it was given', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, 'risk');
    assert.deepEqual(
      rows.map((r) => r.id),
      before,
    );
  });

  it('filters by status, risk, emotion and words in the title together', () => {
    assert.deepEqual(
      filterRows(rows, { risk: 'high' }).map((r) => r.id),
      ['high-short', 'high-long'],
    );
    assert.deepEqual(
      filterRows(rows, { status: 'pending', emotion: 'anxiety' }).map((r) => r.id),
      ['med'],
    );
    assert.deepEqual(
      filterRows(rows, { query: 'SUBJECT LOW' }).map((r) => r.id),
      ['low'],
    );
  });
});
