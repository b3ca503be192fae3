import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localeFormat } from './locale-format.ts';

describe('localeFormat', () => {
  it('writes percentages the way each language does', () => {
    assert.equal(localeFormat('en').percent(0.734), '73%');
    assert.equal(localeFormat('zh').percent(0.734), '73%');
    // Russian puts a (non-breaking) space before the percent sign.
    assert.match(localeFormat('ru').percent(0.734), /^73\s%$/u);
  });

  it('shows a wait in its largest whole unit, in the UI language', () => {
    const en = localeFormat('en');
    assert.equal(en.duration(45_000), '45 sec');
    assert.equal(en.duration(12 * 60_000 + 59_000), '12 min');
    assert.equal(en.duration(3 * 3_600_000), '3 hr');
    assert.match(localeFormat('ru').duration(12 * 60_000), /^12\sмин\.?$/u);
    assert.match(localeFormat('zh').duration(12 * 60_000), /^12\s?分钟$/u);
  });

  it('never shows a negative wait when the clocks disagree', () => {
    assert.equal(localeFormat('en').duration(-5000), '0 sec');
  });

  it('counts down as m:ss and rounds partial seconds up so a timer never shows 0:00 early', () => {
    const f = localeFormat('en');
    assert.equal(f.clock(15 * 60_000), '15:00');
    assert.equal(f.clock(61_001), '1:02');
    assert.equal(f.clock(3_725_000), '1:02:05');
    assert.equal(f.clock(-1), '0:00');
  });

  it('groups digits per language', () => {
    assert.equal(localeFormat('en').number(12345), '12,345');
    assert.match(localeFormat('ru').number(12345), /^12\s345$/u);
  });

  it('says how long ago something happened in the UI language', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    assert.equal(localeFormat('en').relative(new Date(now - 5 * 60_000), now), '5 minutes ago');
    assert.equal(localeFormat('ru').relative(new Date(now - 5 * 60_000), now), '5 минут назад');
    assert.equal(localeFormat('zh').relative(new Date(now - 5 * 60_000), now), '5分钟前');
  });
});
