import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TURNS, parseConversation } from './parse-conversation.ts';

describe('parseConversation', () => {
  it('accepts a chat with ISO and millisecond timestamps and keeps the given turn indices', () => {
    const r = parseConversation({
      channel: 'chat',
      customer: { name: 'Anna', orderId: 'A-12345' },
      turns: [
        { role: 'customer', text: 'Where is my order?', at: '2024-05-01T10:00:00Z' },
        { role: 'agent', text: 'Let me check.', at: Date.parse('2024-05-01T10:00:30Z') },
      ],
    });
    assert.ok(r.ok);
    assert.equal(r.value.turns.length, 2);
    assert.equal(r.value.turns[1]?.index, 1);
    assert.equal(r.value.customer.name, 'Anna');
    assert.deepEqual(r.value.notes, []);
  });

  it('rejects an empty conversation with a clear issue instead of scoring nothing', () => {
    const r = parseConversation({ channel: 'chat', turns: [] });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'empty_conversation');
  });

  it('treats turns with only whitespace as absent and says so', () => {
    const r = parseConversation({
      turns: [
        { role: 'customer', text: '  ' },
        { role: 'customer', text: 'hi' },
      ],
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value.notes[0], { code: 'empty_turns_dropped', turns: 1 });
  });

  it('rejects unknown roles, naming the turn and the allowed roles', () => {
    const r = parseConversation({
      turns: [
        { role: 'customer', text: 'hi' },
        { role: 'bot', text: 'hello' },
      ],
    });
    assert.ok(!r.ok);
    assert.deepEqual(r.issues[0]?.path, ['turns', 1, 'role']);
    assert.equal(r.issues[0]?.params.received, 'bot');
    assert.match(String(r.issues[0]?.params.allowed), /customer, agent, system/);
  });

  it('puts out-of-order timestamped turns in time order and notes it', () => {
    const r = parseConversation({
      turns: [
        { role: 'agent', text: 'Hello!', at: 2000 },
        { role: 'customer', text: 'Hi', at: 1000 },
      ],
    });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.turns.map((t) => t.index),
      [1, 0],
    );
    assert.deepEqual(r.value.notes, [{ code: 'turns_reordered', moved: 2 }]);
  });

  it('keeps the given order when only some turns have timestamps, and notes the missing ones', () => {
    const r = parseConversation({
      turns: [
        { role: 'customer', text: 'a', at: 5000 },
        { role: 'agent', text: 'b' },
      ],
    });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.turns.map((t) => t.index),
      [0, 1],
    );
    assert.deepEqual(r.value.notes, [{ code: 'timestamps_missing', turns: 1 }]);
  });

  it('reads `t` as seconds from the start, the eval line format', () => {
    const r = parseConversation({
      turns: [
        { role: 'customer', text: 'a', t: 0 },
        { role: 'agent', text: 'b', t: 90 },
      ],
    });
    assert.ok(r.ok);
    assert.equal(r.value.turns[1]?.at, 90_000);
  });

  it('rejects a timestamp that is neither milliseconds nor ISO 8601', () => {
    const r = parseConversation({ turns: [{ role: 'customer', text: 'a', at: 'yesterday' }] });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'invalid_timestamp');
  });

  it('rejects non-objects and wrong field types as values, never by throwing', () => {
    for (const bad of [null, 42, 'text', [], { turns: 'x' }, { turns: [{ role: 'agent' }] }]) {
      const r = parseConversation(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
    }
  });

  it(`accepts ${MAX_TURNS} turns and rejects one more`, () => {
    const turns = Array.from({ length: MAX_TURNS }, (_, i) => ({
      role: i % 2 === 0 ? 'customer' : 'agent',
      text: `message ${i}`,
    }));
    assert.ok(parseConversation({ turns }).ok);
    const r = parseConversation({ turns: [...turns, { role: 'agent', text: 'one more' }] });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'too_many_turns');
  });
});
