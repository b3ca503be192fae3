import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyRewrite, coachView, hasHighSeverity, placeholderIn } from './coach-view.ts';

const draft = "Sorry, but I can't refund that. You should have read the terms.";
const sentence1 = { start: 7, end: 31, text: "but I can't refund that." };

const coach = {
  lang: 'en',
  findings: [
    {
      code: 'negative_language',
      severity: 'medium',
      span: { start: 13, end: 18, text: "can't" },
      params: { phrase: "can't" },
      rewrite: { span: sentence1, text: 'Here is what I can do: …' },
    },
    {
      code: 'blame',
      severity: 'high',
      span: { start: 36, end: 51, text: 'should have rea' },
      params: { phrase: 'should have' },
    },
    { code: 'cliche', severity: 'low', span: { start: 0, end: 5, text: 'Hello' }, params: {} },
  ],
};

describe('coachView', () => {
  const view = coachView(draft, coach);

  it('keeps findings whose underline matches the draft, with codes and parameters for the catalogs', () => {
    assert.deepEqual(
      view.findings.map((f) => [f.code, f.severity, f.span.text]),
      [
        ['negative_language', 'medium', "can't"],
        ['blame', 'high', 'should have rea'],
      ],
    );
    assert.equal(view.findings[0]?.params['phrase'], "can't");
    assert.equal(view.findings[0]?.rewrite?.text, 'Here is what I can do: …');
  });

  it('drops a finding whose span points at other words than the draft has there', () => {
    assert.equal(
      view.findings.some((f) => f.code === 'cliche'),
      false,
    );
  });

  it('reads nothing from a malformed result', () => {
    assert.deepEqual(coachView(draft, { findings: 'nope' }).findings, []);
    assert.deepEqual(coachView(draft, null).findings, []);
  });

  it('warns before sending only when a finding is important', () => {
    assert.equal(hasHighSeverity(view), true);
    assert.equal(hasHighSeverity(coachView(draft, { findings: [coach.findings[0]] })), false);
    assert.equal(hasHighSeverity(undefined), false);
  });
});

describe('applyRewrite', () => {
  const rewrite = { span: sentence1, text: 'Here is what I can do: …' };

  it('replaces exactly the flagged words and says where the rewrite landed', () => {
    const r = applyRewrite(draft, rewrite);
    assert.equal(r?.text, 'Sorry, Here is what I can do: … You should have read the terms.');
    assert.equal(r?.text.slice(r.start, r.end), 'Here is what I can do: …');
  });

  it('points the caret at the … the agent fills in', () => {
    const r = applyRewrite(draft, rewrite);
    assert.ok(r);
    const p = placeholderIn(r);
    assert.equal(p === undefined ? undefined : r.text.slice(p.start, p.end), '…');
    assert.equal(placeholderIn({ text: 'Thanks!', start: 0, end: 7 }), undefined);
  });

  it('still applies after the agent typed in front of the flagged words', () => {
    const typed = 'Hi Ann! ' + draft;
    assert.equal(
      applyRewrite(typed, rewrite)?.text,
      'Hi Ann! Sorry, Here is what I can do: … You should have read the terms.',
    );
  });

  it('applies nothing once the flagged words are gone', () => {
    assert.equal(applyRewrite('Sorry, I will refund it today.', rewrite), undefined);
  });
});
