import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentText } from './text-segments.ts';

describe('segmentText', () => {
  it('marks exactly the evidence words and leaves the rest plain', () => {
    const segs = segmentText('so ANGRY!!!', [
      { start: 3, end: 8, id: 'caps' },
      { start: 8, end: 11, id: 'excl' },
    ]);
    assert.deepEqual(
      segs.map((s) => [s.text, s.ids]),
      [
        ['so ', []],
        ['ANGRY', ['caps']],
        ['!!!', ['excl']],
      ],
    );
  });

  it('splits overlapping evidence so each chip can light up its own words', () => {
    const segs = segmentText('not happy at all', [
      { start: 0, end: 9, id: 'negation' },
      { start: 4, end: 9, id: 'lexicon' },
    ]);
    assert.deepEqual(
      segs.map((s) => [s.text, s.ids]),
      [
        ['not ', ['negation']],
        ['happy', ['negation', 'lexicon']],
        [' at all', []],
      ],
    );
  });

  it('clamps spans that run past the text and drops empty ones', () => {
    const segs = segmentText('hello', [
      { start: 3, end: 99, id: 'a' },
      { start: 2, end: 2, id: 'empty' },
      { start: -4, end: 1, id: 'b' },
    ]);
    assert.deepEqual(
      segs.map((s) => [s.text, s.ids]),
      [
        ['h', ['b']],
        ['el', []],
        ['lo', ['a']],
      ],
    );
  });

  it('never cuts an emoji in half', () => {
    const text = 'ok 😡 now';
    // 4 falls between the two UTF-16 halves of the emoji.
    const segs = segmentText(text, [{ start: 4, end: 6, id: 'x' }]);
    for (const s of segs) assert.doesNotMatch(s.text, /[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/u);
  });

  it('always gives back the original text when the segments are joined', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(
          fc.record({
            start: fc.integer({ min: -5, max: 60 }),
            end: fc.integer({ min: -5, max: 60 }),
            id: fc.string({ maxLength: 3 }),
          }),
          { maxLength: 6 },
        ),
        (text, spans) => {
          const segs = segmentText(text, spans);
          assert.equal(segs.map((s) => s.text).join(''), text);
          for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
        },
      ),
    );
  });
});
