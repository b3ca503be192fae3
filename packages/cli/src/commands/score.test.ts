import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runAttune } from '../testing/spawn-attune.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-score-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const good = {
  id: 'c1',
  channel: 'chat',
  customer: { name: 'Maria' },
  turns: [
    { role: 'customer', text: 'My order #B-20931 arrived damaged.', at: 0 },
    {
      role: 'agent',
      text: "Maria, I'm so sorry. I've sent a replacement for order #B-20931; it arrives by Friday. Did that solve it?",
      at: 30_000,
    },
    { role: 'customer', text: 'Yes, thank you!', at: 60_000 },
  ],
};
const blaming = {
  id: 'c2',
  channel: 'chat',
  turns: [
    { role: 'customer', text: 'My order arrived damaged.' },
    { role: 'agent', text: 'You should have chosen express shipping.' },
  ],
};

describe('attune score', () => {
  it('writes one scorecard per conversation and a summary table on stderr', async () => {
    const path = join(dir, 'c.jsonl');
    writeFileSync(path, [good, blaming].map((c) => JSON.stringify(c)).join('\n') + '\n');
    const run = await runAttune(['score', path]);
    assert.equal(run.code, 0, run.stderr);
    const rows = jsonLines(run.stdout);
    assert.deepEqual(
      rows.map((r) => r['id']),
      ['c1', 'c2'],
    );
    assert.ok((rows[0]?.['score'] as number) > 50);
    assert.equal(rows[1]?.['score'], 0);
    assert.deepEqual(rows[1]?.['auto_failed'], ['no_blame_or_arguing']);
    assert.match(run.stderr, /2 conversation\(s\) scored, 0 skipped/);
    assert.match(run.stderr, /no_blame_or_arguing\s+50%/);
  });

  it('skips an invalid line with its reason and exits 1, scoring the rest', async () => {
    const path = join(dir, 'mixed.jsonl');
    writeFileSync(path, [JSON.stringify({ turns: [] }), 'not json', JSON.stringify(good)].join('\n') + '\n');
    const run = await runAttune(['score', path]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /line 1: turns: The conversation has no turns with text/);
    assert.match(run.stderr, /line 2: invalid JSON/);
    assert.equal(jsonLines(run.stdout).length, 1);
  });

  it('rejects an invalid rubric before reading anything', async () => {
    const rubric = join(dir, 'rubric.json');
    writeFileSync(rubric, JSON.stringify({ schema: 'attune.rubric/1', id: 'x', criteria: [] }));
    const run = await runAttune(['score', '--rubric', rubric, join(dir, 'c.jsonl')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a valid rubric/);
  });
});
