import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../api/wire-types.ts';
import { mergeMessage } from './use-conversation.ts';

const m = (id: string, minute: number, text = id): Message => ({
  id,
  conversationId: 'c',
  externalId: id,
  role: 'customer',
  authorId: null,
  text,
  sentAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  analysis: null,
});

describe('mergeMessage', () => {
  it('appends a new message at the end', () => {
    assert.deepEqual(
      mergeMessage([m('a', 1), m('b', 2)], m('c', 3)).map((x) => x.id),
      ['a', 'b', 'c'],
    );
  });

  it('replaces a message the page already has instead of showing it twice', () => {
    const merged = mergeMessage([m('a', 1), m('b', 2)], m('b', 2, 'analysed'));
    assert.deepEqual(
      merged.map((x) => [x.id, x.text]),
      [
        ['a', 'a'],
        ['b', 'analysed'],
      ],
    );
  });

  it('puts a late-arriving older message in time order', () => {
    assert.deepEqual(
      mergeMessage([m('a', 1), m('c', 3)], m('b', 2)).map((x) => x.id),
      ['a', 'b', 'c'],
    );
  });
});
