import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createProgressBar, formatProgress, formatSummary, groupDigits } from './progress.ts';

describe('formatProgress', () => {
  it('shows a bar, percentage, count, rate and time left when the size is known', () => {
    const line = formatProgress({ bytes: 500, totalBytes: 1000, messages: 4000, skipped: 0, elapsedMs: 2000 });
    assert.equal(line, `[${'█'.repeat(12)}${'░'.repeat(12)}]   50%  4,000 messages  2,000/s  ETA 2s`);
  });

  it('leaves out bar and time left for a pipe of unknown size, and mentions skipped lines', () => {
    const line = formatProgress({ bytes: 500, totalBytes: 0, messages: 10, skipped: 3, elapsedMs: 0 });
    assert.equal(line, '10 messages  0/s  3 skipped');
  });
});

describe('formatSummary', () => {
  it('gives count, time, rate and skipped lines in one line', () => {
    assert.equal(
      formatSummary('analyze', { bytes: 0, totalBytes: 0, messages: 200000, skipped: 2, elapsedMs: 12_300 }),
      'attune analyze: 200,000 messages in 12s (16,260/s), 2 lines skipped',
    );
    assert.equal(
      formatSummary('analyze', { bytes: 0, totalBytes: 0, messages: 1, skipped: 1, elapsedMs: 500 }),
      'attune analyze: 1 message in 0.5s (2/s), 1 line skipped',
    );
  });

  it('groups digits the same way in every locale', () => {
    assert.equal(groupDigits(1234567), '1,234,567');
    assert.equal(groupDigits(999), '999');
  });
});

describe('createProgressBar', () => {
  it('draws nothing when disabled (stderr is not a terminal)', () => {
    const out = new PassThrough();
    const bar = createProgressBar(out, { enabled: false });
    bar.update({ bytes: 1, totalBytes: 2, messages: 1, skipped: 0, elapsedMs: 1 });
    bar.clear();
    assert.equal(out.read(), null);
  });

  it('redraws in place with a carriage return and erases itself on clear', () => {
    const out = new PassThrough();
    const bar = createProgressBar(out, { enabled: true, intervalMs: 0 });
    bar.update({ bytes: 1, totalBytes: 2, messages: 1, skipped: 0, elapsedMs: 1000 });
    bar.clear();
    const text = String(out.read());
    const ESC = '\x1b';
    assert.ok(text.startsWith('\r['), text);
    assert.ok(text.includes(' 50%  1 messages'), text);
    assert.ok(text.endsWith(`${ESC}[K\r${ESC}[K`), text);
  });
});
