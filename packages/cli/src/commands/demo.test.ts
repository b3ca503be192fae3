import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runAttune } from '../testing/spawn-attune.ts';
import { DEMO_MESSAGES } from '../demo/demo-messages.ts';

describe('attune demo', () => {
  it('prints a plain table of every sample message with its language, emotion and sentiment when not on a terminal', async () => {
    const run = await runAttune(['demo']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes('\x1b'), 'no colour codes in a pipe');
    const lines = run.stdout.split('\n');
    assert.match(lines[0] ?? '', /^#\s+lang\s+emotion\s+intensity\s+sentiment\s+message$/);
    const rows = lines.filter((l) => /^\d+\s+\S+\s{2,}/.test(l));
    assert.equal(rows.length, DEMO_MESSAGES.length);
    const emotions = 'anger|frustration|anxiety|sadness|confusion|gratitude|joy|neutral';
    rows.forEach((row, i) => {
      assert.match(
        row,
        new RegExp(
          `^${i + 1}\\s+(en|zh|ru)\\s+(${emotions})\\s+[▮▯]{5} \\d\\.\\d\\d\\s+(negative|neutral|positive)\\s+\\S`,
        ),
      );
    });
    assert.deepEqual(
      rows.map((r) => r.split(/\s+/)[1]),
      DEMO_MESSAGES.map((m) => m.lang),
      'the detected language of each sample is the one it is written in',
    );
  });

  it('uses colour when FORCE_COLOR asks for it', async () => {
    const run = await runAttune(['demo'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('\x1b['), 'colour codes present');
  });
});
