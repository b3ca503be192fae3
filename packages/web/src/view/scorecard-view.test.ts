import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedVerdicts, overrideNote, parseOverrideNote, rescore, scorecardView } from './scorecard-view.ts';

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

describe('override notes', () => {
  const { criteria } = scorecardView(auto);

  it('round-trips the comment and the changed verdicts', () => {
    const changed = changedVerdicts(criteria, { empathize: 'pass', resolve_with_time_frame: 'pass' });
    assert.deepEqual(changed, { resolve_with_time_frame: 'pass' });
    const note = overrideNote('  Gave a clear date in the call.  ', changed);
    assert.equal(note, 'Gave a clear date in the call.\ncriteria: resolve_with_time_frame=pass');
    assert.deepEqual(parseOverrideNote(note), {
      comment: 'Gave a clear date in the call.',
      verdicts: { resolve_with_time_frame: 'pass' },
    });
  });

  it('reads a plain note written elsewhere as just a comment', () => {
    assert.deepEqual(parseOverrideNote('Looks right'), { comment: 'Looks right', verdicts: {} });
    assert.deepEqual(parseOverrideNote(null), { comment: '', verdicts: {} });
  });
});
