import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAnalyzer } from './create-analyzer.ts';
import { fixtureModel } from './fixtures/fixture-model.ts';
import { decodeModel, encodeModel } from '../model/emotion-model.ts';

const analyzer = createAnalyzer({ model: fixtureModel() });
const analyze = analyzer.analyzeMessage;
const kinds = (text: string) => analyze(text).cues.map((c) => `${c.kind}:${c.text}`);

describe('analyzeMessage', () => {
  it('reads an angry message as anger with negative sentiment and shows the word that caused it', () => {
    const r = analyze('I am furious about this');
    assert.equal(r.emotions.dominant, 'anger');
    assert.equal(r.sentiment.label, 'negative');
    assert.ok(r.sentiment.valence < 0);
    assert.deepEqual(kinds('I am furious about this'), ['lexicon:furious']);
  });

  it('flips a negated positive word and marks the negation with its scope', () => {
    const r = analyze('I am not happy with the service');
    const negation = r.cues.find((c) => c.kind === 'negation');
    assert.ok(negation, 'a negation cue');
    assert.equal(negation.text, 'not happy');
    assert.equal(negation.sentiment, 'negative');
    assert.deepEqual(negation.scope, { start: 9, end: 14 });
    assert.equal(r.sentiment.label, 'negative');
  });

  it('recognises Russian negation and inflected forms through prefix terms ("не довольна")', () => {
    const r = analyze('Я не довольна доставкой');
    assert.ok(r.cues.some((c) => c.kind === 'negation' && c.text === 'не довольна'));
    assert.equal(r.sentiment.label, 'negative');
  });

  it('recognises Chinese negation with a modifier in between ("不太满意")', () => {
    const r = analyze('我对这次服务不太满意');
    const negation = r.cues.find((c) => c.kind === 'negation');
    assert.ok(negation);
    assert.equal(negation.text, '不太满意');
    assert.equal(r.sentiment.label, 'negative');
  });

  it('reads an intensifier inside a negation as softening it ("not very happy", "不非常满意")', () => {
    assert.ok(kinds('I am not very happy').includes('diminisher:very'));
    assert.ok(kinds('我不非常满意').includes('diminisher:非常'));
  });

  it('applies intensifiers and diminishers and shows them as cues', () => {
    assert.ok(kinds('I am very worried').includes('intensifier:very'));
    assert.ok(kinds('I am a bit worried').includes('diminisher:a bit'));
    const strong = analyze('I am very worried').emotions.probs.anxiety;
    const weak = analyze('I am a bit worried').emotions.probs.anxiety;
    assert.ok(strong > weak);
  });

  it('shows shouting, exclamation runs, stretched letters, emoji and emoticons as cues', () => {
    const cues = kinds('This is SOOOO bad!!! 😡 :(');
    assert.ok(cues.includes('caps:SOOOO'), cues.join());
    assert.ok(cues.includes('elongation:SOOOO'));
    assert.ok(cues.includes('exclamation:!!!'));
    assert.ok(cues.includes('emoji:😡'));
    assert.ok(cues.includes('emoticon::('));
  });

  it('does not take the "://" of a URL or letters inside a word for emoticons', () => {
    assert.deepEqual(
      kinds('see https://example.com/help').filter((k) => k.startsWith('emoticon')),
      [],
    );
  });

  it('treats ё and е alike, in the lexicon and in the text', () => {
    assert.deepEqual(kinds('я взбешён'), ['lexicon:взбешён']);
    assert.deepEqual(kinds('я взбешен'), ['lexicon:взбешен']);
  });

  it('counts a Russian bracket smile of any length as one emoticon', () => {
    assert.deepEqual(
      kinds('спасибо)))))').filter((k) => k.startsWith('emoticon')),
      ['emoticon:)))))'],
    );
  });

  it('gives neutral with language und for empty or whitespace-only text', () => {
    for (const text of ['', '   ', '\n\t', '\u200b\u200f']) {
      const r = analyze(text);
      assert.equal(r.emotions.dominant, 'neutral');
      assert.equal(r.lang.tag, 'und');
      assert.equal(r.sentiment.label, 'neutral');
      assert.deepEqual(r.cues, []);
    }
  });

  it('throws a TypeError that says what it got for a non-string', () => {
    for (const [bad, what] of [
      [42, 'number 42'],
      [null, 'null'],
      [undefined, 'undefined'],
      [{}, 'an object'],
    ] as const) {
      assert.throws(
        () => analyze(bad as unknown as string),
        (e: unknown) => e instanceof TypeError && e.message.includes(what),
      );
    }
  });

  it('analyses a 1 MB message on its head only and says so', () => {
    const text = 'furious '.repeat(131_072);
    const r = analyze(text);
    assert.deepEqual(r.truncated, { originalLength: text.length, analyzedLength: 20_000 });
    assert.equal(r.emotions.dominant, 'anger');
  });

  it('never cuts a surrogate pair when truncating', () => {
    const small = createAnalyzer({ model: fixtureModel(), maxLength: 4 });
    const r = small.analyzeMessage('abc😡😡');
    assert.equal(r.truncated?.analyzedLength, 3);
  });

  it('uses the language the caller gives and rejects one that is not a language code', () => {
    const r = analyze('furious', { lang: 'EN' });
    assert.deepEqual([r.lang.tag, r.lang.source, r.lang.confidence], ['en', 'given', 1]);
    assert.throws(() => analyze('x', { lang: 'english!' }), TypeError);
  });

  it('omits cues when asked, with the same probabilities', () => {
    const text = 'I am furious!!! 😡 :( XD';
    const withCues = analyze(text);
    const without = analyze(text, { cues: false });
    assert.deepEqual(without.cues, []);
    assert.deepEqual(without.emotions, withCues.emotions);
  });

  it('keeps every probability in [0, 1] and sentiment summing to 1', () => {
    const r = analyze('very furious, not happy, thanks 😡');
    for (const p of [
      ...Object.values(r.emotions.probs),
      ...Object.values(r.ekman.probs),
      ...Object.values(r.sentiment.probs),
    ])
      assert.ok(p >= 0 && p <= 1);
    const sum = r.sentiment.probs.negative + r.sentiment.probs.neutral + r.sentiment.probs.positive;
    assert.ok(Math.abs(sum - 1) < 1e-3);
    assert.ok(r.emotions.intensity >= 0 && r.emotions.intensity <= 1);
  });

  it('never throws and keeps cue offsets inside the text and on code point boundaries, for any Unicode', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        'not happy',
        '不太满意',
        'не доволен',
        '😡',
        ':(',
        ')))',
        '!!!',
        'SOOOO',
        '\u200d',
        '\u202e',
        '<b>x</b>',
        '\ud800',
        '\udc00',
        '\u0000',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        const r = analyze(text);
        for (const c of r.cues) {
          assert.ok(
            c.start >= 0 && c.start < c.end && c.end <= text.length,
            `${c.kind} ${c.start}-${c.end} in ${text.length}`,
          );
          assert.equal(c.text, text.slice(c.start, c.end));
          const before = text.charCodeAt(c.start);
          assert.ok(
            !(
              before >= 0xdc00 &&
              before <= 0xdfff &&
              c.start > 0 &&
              text.charCodeAt(c.start - 1) >= 0xd800 &&
              text.charCodeAt(c.start - 1) <= 0xdbff
            ),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('model file format', () => {
  it('decodes what it encodes, bit for bit', () => {
    const model = fixtureModel();
    const decoded = decodeModel(encodeModel(model));
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.value.header, model.header);
    assert.deepEqual(decoded.value.dense, model.dense);
    assert.deepEqual(decoded.value.hashed, model.hashed);
  });

  it('refuses a model trained under another feature scheme instead of reading garbage', () => {
    const model = fixtureModel();
    const stale = { ...model, header: { ...model.header, featurizer: { ...model.header.featurizer, scheme: 1 } } };
    const decoded = decodeModel(encodeModel(stale));
    assert.equal(decoded.ok, false);
    assert.match(decoded.ok ? '' : decoded.error, /feature scheme 1.*retrain/);
  });

  it('rejects bytes that are not a model, or a truncated model, with a clear error', () => {
    assert.deepEqual(decodeModel(new Uint8Array([1, 2, 3])), {
      ok: false,
      error: 'not an Attune model file (bad magic bytes)',
    });
    const bytes = encodeModel(fixtureModel());
    const truncated = decodeModel(bytes.subarray(0, bytes.length - 10));
    assert.equal(truncated.ok, false);
  });
});
