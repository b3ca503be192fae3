import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  IHEART_EVENTS,
  IHEART_STATES,
  IHEART_TRANSITIONS,
  iheartProgress,
  nextIheartState,
} from './iheart-progress.ts';

describe('IHEART progress state machine', () => {
  it('moves through acknowledge, hear, resolve, confirm, thank to closed', () => {
    const p = iheartProgress([
      { turnIndex: 1, event: 'acknowledge' },
      { turnIndex: 1, event: 'hear' },
      { turnIndex: 3, event: 'resolve' },
      { turnIndex: 4, event: 'confirm' },
      { turnIndex: 5, event: 'thank' },
    ]);
    assert.equal(p.state, 'closed');
    assert.deepEqual(
      p.transitions.map((t) => t.to),
      ['acknowledged', 'understood', 'resolved', 'confirmed', 'closed'],
    );
  });

  it('does not close on a thank-you before the customer confirms the fix', () => {
    assert.equal(nextIheartState('resolved', 'thank'), 'resolved');
  });

  it('reopens when the customer says it is still broken', () => {
    assert.equal(nextIheartState('resolved', 'still_broken'), 'reopened');
    assert.equal(nextIheartState('confirmed', 'still_broken'), 'reopened');
  });

  it('only ever moves to states of the machine, for every state and event', () => {
    for (const s of IHEART_STATES) {
      for (const e of IHEART_EVENTS) assert.ok(IHEART_STATES.includes(nextIheartState(s, e)));
      assert.ok(IHEART_TRANSITIONS[s] !== undefined);
    }
  });
});
