import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isComplete, selfScore } from './self-assessment.ts';

describe('self-assessment', () => {
  it('is complete only when all four questions have a whole rating from 1 to 5', () => {
    assert.equal(isComplete({ read_emotions: 4, met_needs: 5, changed_view: 3, adapted_mood: 2 }), true);
    assert.equal(isComplete({ read_emotions: 4, met_needs: 5, changed_view: 3 }), false);
    assert.equal(isComplete({ read_emotions: 4, met_needs: 6, changed_view: 3, adapted_mood: 2 }), false);
    assert.equal(isComplete({ read_emotions: 4, met_needs: 2.5, changed_view: 3, adapted_mood: 2 }), false);
  });

  it('maps the mean rating onto the scorecard’s 0-100 scale', () => {
    assert.equal(selfScore({ read_emotions: 1, met_needs: 1, changed_view: 1, adapted_mood: 1 }), 0);
    assert.equal(selfScore({ read_emotions: 5, met_needs: 5, changed_view: 5, adapted_mood: 5 }), 100);
    assert.equal(selfScore({ read_emotions: 4, met_needs: 3, changed_view: 3, adapted_mood: 2 }), 50);
  });

  it('ignores ratings for other questions and has no score without any', () => {
    assert.equal(selfScore({ mood: 5 }), undefined);
  });
});
