import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from './catalog-en.ts';
import { CATALOGS, LOCALES, pickLocale, placeholders, translate } from './translate.ts';

describe('UI catalogs', () => {
  const keys = Object.keys(en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty`, () => {
      const catalog = CATALOGS[locale];
      assert.deepEqual(Object.keys(catalog).sort(), keys);
      for (const key of keys) assert.notEqual(catalog[key as keyof typeof en].trim(), '', `${locale}: ${key} is empty`);
    });

    it(`${locale} uses the same {placeholders} as English in every message`, () => {
      const catalog = CATALOGS[locale];
      for (const key of keys) {
        const k = key as keyof typeof en;
        assert.deepEqual(placeholders(catalog[k]), placeholders(en[k]), `${locale}: ${key}`);
      }
    });
  }

  it('has no English sentence left untranslated in zh or ru', () => {
    // Product names and symbols are the same in every language; anything else identical to English was forgotten.
    const sameEverywhere = new Set(['app.title', 'list.notWaiting']);
    for (const locale of ['zh', 'ru'] as const) {
      for (const key of keys) {
        const k = key as keyof typeof en;
        if (sameEverywhere.has(key)) continue;
        assert.notEqual(CATALOGS[locale][k], en[k], `${locale}: ${key} is still English`);
      }
    }
  });

  it('Chinese strings use Han characters and Russian strings use Cyrillic', () => {
    for (const key of keys) {
      const k = key as keyof typeof en;
      if (key === 'app.title' || key === 'list.notWaiting') continue;
      const zh = CATALOGS.zh[k].replace(/\{\w+\}/g, '');
      const ru = CATALOGS.ru[k].replace(/\{\w+\}/g, '');
      if (/\p{L}/u.test(zh)) assert.match(zh, /\p{Script=Han}/u, `zh: ${key}`);
      if (/\p{L}/u.test(ru) && !/^[A-Z]+$/u.test(ru.trim()))
        assert.match(ru, /\p{Script=Cyrillic}|IHEART|EQ|CSAT/u, `ru: ${key}`);
    }
  });
});

describe('translate', () => {
  it('fills placeholders from params', () => {
    assert.equal(translate(CATALOGS.en, 'list.count', { count: 3 }), '3 conversations');
    assert.equal(translate(CATALOGS.ru, 'list.count', { count: 3 }), 'Обращений: 3');
  });

  it('leaves a missing param visible instead of printing nothing', () => {
    assert.equal(translate(CATALOGS.en, 'list.count'), '{count} conversations');
  });
});

describe('pickLocale', () => {
  it('takes the first preferred language Attune speaks', () => {
    assert.equal(pickLocale(['de-DE', 'ru-RU', 'en']), 'ru');
    assert.equal(pickLocale(['zh-CN', 'en']), 'zh');
    assert.equal(pickLocale(['ZH-tw']), 'zh');
  });

  it('falls back to English', () => {
    assert.equal(pickLocale(['de', 'fr']), 'en');
    assert.equal(pickLocale([]), 'en');
  });
});
