import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAfter, roundReport } from './round-report.ts';

describe('roundReport', () => {
  it('rounds fractions to 4 decimals everywhere and leaves counts and strings alone', () => {
    assert.deepEqual(roundReport({ a: 2 / 3, n: 12, s: 'x', nested: { f1: [0.123456, 1] } }), {
      a: 0.6667,
      n: 12,
      s: 'x',
      nested: { f1: [0.1235, 1] },
    });
  });
});

describe('insertAfter', () => {
  it('places the new key right after the given one', () => {
    assert.deepEqual(Object.keys(insertAfter({ a: 1, skipped: 2, c: 3 }, 'skipped', 'invalid', 0)), [
      'a',
      'skipped',
      'invalid',
      'c',
    ]);
    assert.deepEqual(Object.keys(insertAfter({ a: 1 }, 'skipped', 'invalid', 0)), ['a', 'invalid']);
  });
});
