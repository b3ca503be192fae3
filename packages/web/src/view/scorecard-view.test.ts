import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedVerdicts, rescore, scorecardView, storedVerdicts, verdictsToSave } from './scorecard-view.ts';

const auto = {
  rubric: { id: 'attune-default', version: '1.0.0' },
  score: 50,
  autoFailed: [],
  criteria: [
    {
      id: 'empathize',
      group: 'iheart',
      weight: 8,
      status: 'pass',
      autoFail: false,
      evidence: [{ turnIndex: 1, span: { start: 0, end: 12, text: 'I understand' } }],
    },
    { id: 'resolve_with_time_frame', group: 'iheart', weight: 8, status: 'fail', autoFail: false, evidence: [] },
    { id: 'no_blame_or_arguing', group: 'language', weight: 8, status: 'not_applicable', autoFail: true, evidence: [] },
    { id: 'broken', status: 'maybe' },
  ],
};

describe('scorecardView', () => {
  it('lists each criterion with its verdict and evidence, skipping malformed ones', () => {
    const v = scorecardView(auto);
    assert.equal(v.score, 50);
    assert.deepEqual(
      v.criteria.map((c) => [c.id, c.status]),
      [
        ['empathize', 'pass'],
        ['resolve_with_time_frame', 'fail'],
        ['no_blame_or_arguing', 'not_applicable'],
      ],
    );
    assert.equal(v.criteria[0]?.evidence[0]?.span?.text, 'I understand');
  });
});

describe('rescore', () => {
  const { criteria } = scorecardView(auto);

  it('gives the automatic score when the reviewer changes nothing', () => {
    assert.equal(rescore(criteria, {}), 50);
  });

  it('recomputes the score from the reviewer’s verdicts', () => {
    assert.equal(rescore(criteria, { resolve_with_time_frame: 'pass' }), 100);
    assert.equal(rescore(criteria, { empathize: 'not_applicable' }), 0);
  });

  it('fails the whole conversation when the reviewer fails an auto-fail criterion', () => {
    assert.equal(rescore(criteria, { resolve_with_time_frame: 'pass', no_blame_or_arguing: 'fail' }), 0);
  });

  it('has no score when nothing applies', () => {
    assert.equal(rescore(criteria, { empathize: 'not_applicable', resolve_with_time_frame: 'not_applicable' }), null);
  });
});

describe('per-criterion review', () => {
  const { criteria } = scorecardView(auto);

  it('saves only the changed verdicts, each with the reviewer’s comment', () => {
    const changed = changedVerdicts(criteria, { empathize: 'pass', resolve_with_time_frame: 'pass' });
    assert.deepEqual(verdictsToSave(changed, '  Gave a clear date in the call.  '), [
      { id: 'resolve_with_time_frame', status: 'pass', comment: 'Gave a clear date in the call.' },
    ]);
    assert.deepEqual(verdictsToSave(changed, ' '), [{ id: 'resolve_with_time_frame', status: 'pass' }]);
  });

  it('reads the stored review back as verdicts, ignoring a status it does not know', () => {
    const stored = [
      { criterionId: 'resolve_with_time_frame', status: 'pass' },
      { criterionId: 'empathize', status: 'maybe' },
    ];
    assert.deepEqual(storedVerdicts(stored), { resolve_with_time_frame: 'pass' });
    assert.deepEqual(storedVerdicts([]), {});
  });
});
