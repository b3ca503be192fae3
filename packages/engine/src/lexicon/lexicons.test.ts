import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMOTION_POLARITY, EMOTIONS, type Emotion } from '../emotion/taxonomy.ts';
import { LEXICONS, SYMBOLS } from './index.ts';
import type { LanguageLexicon, LexiconEntry } from './lexicon.ts';

const LANGS = ['en', 'zh', 'ru'] as const;
const NON_NEUTRAL = EMOTIONS.filter((e) => e !== 'neutral');

/**
 * Entries whose polarity deliberately differs from their emotion's: formulas that name an emotion but carry
 * another tone in service talk.
 */
const INTENDED_POLARITY_EXCEPTIONS = new Set([
  'en:thanks for nothing', // sarcasm: anger wearing a thank-you
  'en:thanks in advance', // a sign-off, not yet gratitude
  'en:thank you in advance',
  'ru:спасибо заранее',
  'ru:заранее спасибо',
  'ru:заранее благодарю',
  'symbol:⁉️', // puzzled and cross at once
]);

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;
/** Letters, digits, apostrophes, single spaces: what a phrase of en/ru tokens can consist of. */
const TOKENS = /^[\p{L}\p{N}']+( [\p{L}\p{N}']+)*$/u;

/** The documented single-token rule for en/ru: exact term first, then the longest `*` prefix. */
function lookupToken(lexicon: LanguageLexicon, token: string): LexiconEntry | undefined {
  const exact = lexicon.entries.find((e) => e.term === token);
  if (exact !== undefined) return exact;
  let best: LexiconEntry | undefined;
  for (const entry of lexicon.entries) {
    if (!entry.term.endsWith('*')) continue;
    const prefix = entry.term.slice(0, -1);
    if (token.startsWith(prefix) && (best === undefined || prefix.length > best.term.length - 1)) best = entry;
  }
  return best;
}

/** The documented rule for zh: longest term at each position, left to right. */
function scanHan(lexicon: LanguageLexicon, text: string): string[] {
  const hits: string[] = [];
  for (let i = 0; i < text.length;) {
    let match: LexiconEntry | undefined;
    for (const entry of lexicon.entries) {
      if (text.startsWith(entry.term, i) && (match === undefined || entry.term.length > match.term.length)) {
        match = entry;
      }
    }
    if (match === undefined) i++;
    else {
      hits.push(match.term);
      i += match.term.length;
    }
  }
  return hits;
}

describe('lexicon invariants', () => {
  for (const lang of LANGS) {
    const lexicon = LEXICONS[lang];

    it(`${lang}: says which language it is`, () => {
      assert.equal(lexicon.lang, lang);
    });

    it(`${lang}: has trimmed, single-spaced terms, lowercase where the script has case`, () => {
      for (const { term } of [...lexicon.entries, ...lexicon.modifiers]) {
        assert.equal(term, term.trim(), `untrimmed ${JSON.stringify(term)}`);
        assert.ok(!term.includes('  '), `double space in ${JSON.stringify(term)}`);
        assert.equal(term, term.toLowerCase(), `not lowercase: ${term}`);
      }
      for (const negator of lexicon.negators) assert.equal(negator, negator.trim().toLowerCase());
    });

    it(`${lang}: lists every term, negator and modifier once`, () => {
      const seen = new Set<string>();
      for (const term of [
        ...lexicon.entries.map((e) => e.term),
        ...lexicon.negators,
        ...lexicon.modifiers.map((m) => m.term),
      ]) {
        assert.ok(!seen.has(term), `${lang} lists ${JSON.stringify(term)} twice (entry, negator or modifier)`);
        seen.add(term);
      }
    });

    it(`${lang}: keeps strengths in (0, 1] and never tags an entry neutral`, () => {
      for (const entry of lexicon.entries) {
        assert.ok(entry.strength > 0 && entry.strength <= 1, `${entry.term}: strength ${entry.strength}`);
        assert.notEqual(entry.emotion, 'neutral', `${entry.term}: neutral is the absence of cues, not a cue`);
        assert.ok(entry.emotion !== undefined || entry.sentiment !== undefined, `${entry.term}: carries nothing`);
      }
    });

    it(`${lang}: has intensifiers above 1 and diminishers below 1, within sensible bounds`, () => {
      const factors = lexicon.modifiers.map((m) => m.factor);
      for (const m of lexicon.modifiers) {
        assert.ok(m.factor >= 0.3 && m.factor <= 2 && m.factor !== 1, `${m.term}: factor ${m.factor}`);
      }
      assert.ok(factors.filter((f) => f > 1).length >= 10, 'too few intensifiers');
      assert.ok(factors.filter((f) => f < 1).length >= 5, 'too few diminishers');
      assert.ok(lexicon.negators.length >= 5, 'too few negators');
    });

    for (const emotion of NON_NEUTRAL) {
      it(`${lang}: covers ${emotion} with at least 40 entries`, () => {
        const count = lexicon.entries.filter((e) => e.emotion === emotion).length;
        assert.ok(count >= 40, `${lang} ${emotion}: ${count}`);
      });
    }

    it(`${lang}: never contradicts an emotion's polarity except where intended`, () => {
      for (const entry of lexicon.entries) {
        if (entry.emotion === undefined || entry.sentiment === undefined) continue;
        if (entry.sentiment === EMOTION_POLARITY[entry.emotion]) continue;
        assert.ok(
          INTENDED_POLARITY_EXCEPTIONS.has(`${lang}:${entry.term}`),
          `${lang}:${entry.term} is ${entry.emotion} but ${entry.sentiment}`,
        );
      }
    });
  }

  it('zh: writes every term, negator and modifier in Han characters only, since matching runs over Han runs', () => {
    const zh = LEXICONS.zh;
    for (const term of [...zh.entries.map((e) => e.term), ...zh.negators, ...zh.modifiers.map((m) => m.term)]) {
      assert.match(term, HAN);
    }
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: writes terms as whole tokens, with a star only at the end of a single word`, () => {
      for (const { term } of LEXICONS[lang].entries) {
        const body = term.endsWith('*') ? term.slice(0, -1) : term;
        assert.match(body, TOKENS, `${lang}: ${JSON.stringify(term)} is not made of tokens`);
        if (term.endsWith('*')) assert.ok(!term.includes(' '), `${term}: the matcher stars single words only`);
      }
    });
  }

  it('ru: keeps prefixes at least four letters long', () => {
    for (const { term } of LEXICONS.ru.entries) {
      if (term.endsWith('*')) assert.ok(term.length - 1 >= 4, `${term} is too short a prefix`);
    }
  });

  it('symbols: lists each symbol once, with strengths in (0, 1] and polarity matching the emotion', () => {
    const seen = new Set<string>();
    for (const s of SYMBOLS) {
      const key = s.symbol.replace(/[\uFE0E\uFE0F]/g, '');
      assert.ok(!seen.has(key), `${s.symbol} twice`);
      seen.add(key);
      assert.ok(s.strength > 0 && s.strength <= 1);
      assert.notEqual(s.emotion, 'neutral');
      if (s.emotion !== undefined && s.sentiment !== EMOTION_POLARITY[s.emotion]) {
        assert.ok(INTENDED_POLARITY_EXCEPTIONS.has(`symbol:${s.symbol}`), `${s.symbol}: ${s.emotion}/${s.sentiment}`);
      }
      // Emoji are pictographs; emoticons are typed, so they never contain a pictograph.
      assert.equal(/\p{Extended_Pictographic}/u.test(s.symbol), s.kind === 'emoji', s.symbol);
    }
    assert.ok(SYMBOLS.filter((s) => s.kind === 'emoji').length >= 80);
    assert.ok(SYMBOLS.filter((s) => s.kind === 'emoticon').length >= 40);
  });
});

describe('lexicon content', () => {
  const expect = (lang: 'en' | 'ru', cases: readonly (readonly [string, Emotion | undefined])[]) => {
    for (const [token, emotion] of cases) {
      const entry = token.includes(' ')
        ? LEXICONS[lang].entries.find((e) => e.term === token)
        : lookupToken(LEXICONS[lang], token);
      assert.equal(entry?.emotion, emotion, `${lang} ${JSON.stringify(token)} -> ${entry?.term ?? 'nothing'}`);
    }
  };

  it('en: recognises the phrases customers use, each as the emotion an agent would name', () => {
    expect('en', [
      ['unacceptable', 'anger'],
      ['ridiculous', 'frustration'],
      ['fed up', 'frustration'],
      ['waste of time', 'frustration'],
      ['still waiting', 'frustration'],
      ['worried', 'anxiety'],
      ['disappointed', 'sadness'],
      ['not sure how', 'confusion'],
      ['thank you so much', 'gratitude'],
      ['you saved me', 'gratitude'],
      ['relieved', 'joy'],
      ['thanks for nothing', 'anger'],
    ]);
  });

  it('ru: resolves inflected forms through prefixes to the right emotion', () => {
    expect('ru', [
      ['бесит', 'anger'],
      ['бесят', 'anger'],
      ['безобразие', 'anger'],
      ['издевательство', 'anger'],
      ['издеваетесь', 'anger'],
      ['сколько можно', 'frustration'],
      ['надоело', 'frustration'],
      ['волнуюсь', 'anxiety'],
      ['переживаю', 'anxiety'],
      ['не понимаю', 'confusion'],
      ['непонятно', 'confusion'],
      ['спасибо', 'gratitude'],
      ['благодарю', 'gratitude'],
      ['отлично', 'joy'],
      ['разочарована', 'sadness'],
      ['разочарование', 'sadness'],
      ['обидно', 'sadness'],
    ]);
  });

  it('ru: does not let a prefix swallow a neutral word that merely starts the same way', () => {
    const neutral = [
      'наглядно', // нагл-
      'плачу', // "I pay", not "I cry"
      'доставка', // достал-
      'впечатление', // впечатлен
      'благодаря', // "thanks to", a preposition
      'спасать',
      'беспокою', // "sorry to bother"
      'волну', // a wave
      'жульен', // a dish on a delivery menu
      'обломки',
      'довольно', // "fairly"
      'устанавливать',
      'отличается', // "differs"
    ];
    for (const word of neutral) {
      assert.equal(
        lookupToken(LEXICONS.ru, word),
        undefined,
        `${word} matched ${lookupToken(LEXICONS.ru, word)?.term}`,
      );
    }
  });

  it('ru: reads slang praise as joy although it shares a stem with swearing', () => {
    assert.equal(lookupToken(LEXICONS.ru, 'заебись')?.emotion, 'joy');
    assert.equal(lookupToken(LEXICONS.ru, 'охуенно')?.emotion, 'joy');
    assert.equal(lookupToken(LEXICONS.ru, 'охуели')?.emotion, 'anger');
    assert.equal(lookupToken(LEXICONS.ru, 'заебали')?.emotion, 'anger');
  });

  it('zh: finds the service phrases customers use, as the emotion an agent would name', () => {
    const zh = LEXICONS.zh;
    const emotionOf = (text: string) => {
      const hits = scanHan(zh, text);
      return hits.map((term) => zh.entries.find((e) => e.term === term)?.emotion);
    };
    assert.deepEqual(emotionOf('气死我了'), ['anger']);
    assert.deepEqual(emotionOf('太过分了'), ['anger']);
    assert.deepEqual(emotionOf('你们就是坑人'), ['anger']);
    assert.deepEqual(emotionOf('等了半天还没到'), ['frustration', 'frustration']);
    assert.deepEqual(emotionOf('无语'), ['frustration']);
    assert.deepEqual(emotionOf('好着急，怎么办'), ['anxiety', 'anxiety']);
    assert.deepEqual(emotionOf('看不懂'), ['confusion']);
    assert.deepEqual(emotionOf('太失望了'), ['sadness']);
    assert.deepEqual(emotionOf('谢谢客服'), ['gratitude']);
    assert.deepEqual(emotionOf('太棒了'), ['joy']);
    assert.deepEqual(emotionOf('心累'), ['frustration']);
  });

  it('zh: stays silent or neutral on everyday phrases that contain an emotional word by accident', () => {
    const zh = LEXICONS.zh;
    const negativeEmotions = new Set<Emotion | undefined>(['anger', 'frustration', 'sadness']);
    const cases = [
      '我算了一下运费', // 算了
      '已经确认了收货', // 认了
      '我妈的手机', // 妈的
      '工商银行的卡', // 工商
      '扫地机器人', // 机器人
      '电脑有病毒', // 有病
      '我知道谢谢了', // 道谢
      '超过世界纪录', // 过世
      '躺着很舒服了', // 服了
    ];
    for (const text of cases) {
      const emotions = scanHan(zh, text).map((term) => zh.entries.find((e) => e.term === term)?.emotion);
      assert.ok(!emotions.some((e) => negativeEmotions.has(e)), `${text}: ${scanHan(zh, text).join(', ')}`);
    }
  });
});
