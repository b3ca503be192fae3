import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedTransitions, conversationStatuses, transition } from './conversation-status.ts';

describe('conversation status state machine', () => {
  it('lets an open conversation be resolved and a resolved one be reopened', () => {
    assert.deepEqual(transition('open', 'resolved'), { ok: true, value: 'resolved' });
    assert.deepEqual(transition('resolved', 'open'), { ok: true, value: 'open' });
  });

  it('refuses to snooze a resolved conversation and names the allowed moves', () => {
    const result = transition('resolved', 'snoozed');
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.issues[0]?.code, 'invalid_transition');
      assert.deepEqual(result.issues[0]?.params?.['allowed'], ['open']);
    }
  });

  it('treats staying in the same status as allowed for every status', () => {
    for (const s of conversationStatuses) assert.equal(transition(s, s).ok, true);
  });

  it('never lists a status as a transition to itself', () => {
    for (const s of conversationStatuses) assert.equal(allowedTransitions(s).includes(s), false);
  });
});
