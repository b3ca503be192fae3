import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGS, renderMessage } from './render-message.ts';

describe('renderMessage', () => {
  it("renders a coach finding in the reader's language with its parameters", () => {
    assert.equal(
      renderMessage('ru', 'coach.no_expectation', { phrase: 'мы разберёмся' }),
      '«мы разберёмся» — обещание без срока. Назовите конкретный срок.',
    );
    assert.match(renderMessage('zh-CN', 'coach.negative_language', { phrase: '没办法' }), /没办法/);
    assert.match(renderMessage('en', 'escalation.long_wait', { minutes: 12 }), /12 minutes/);
  });

  it('falls back to English for a language without a catalog', () => {
    assert.equal(renderMessage('de', 'risk.high'), 'high');
  });

  it('has the same keys in every language, and no message renders "undefined"', () => {
    const keys = Object.keys(CATALOGS.en).sort();
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      assert.deepEqual(Object.keys(catalog).sort(), keys, lang);
      for (const render of Object.values(catalog)) assert.ok(!render({}).includes('undefined'), lang);
    }
  });
});
