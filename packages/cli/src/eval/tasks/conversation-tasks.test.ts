import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAttune } from '../../testing/spawn-attune.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-ci-eval-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

const no = { identify: false, hear: false, empathize: false, apologize: false, resolve: false, thank: false };
const replies = [
  {
    lang: 'en',
    channel: 'chat',
    customer: 'My parcel is late',
    reply: "I'm sorry! Thanks for waiting.",
    iheart: { ...no, apologize: true, thank: true },
    issues: [],
    split: 'dev',
  },
  {
    lang: 'en',
    channel: 'chat',
    customer: 'Refund please',
    reply: "I can't refund that.",
    iheart: no,
    issues: ['negative_language'],
    split: 'dev',
  },
  {
    lang: 'en',
    channel: 'chat',
    customer: 'Hi',
    reply: 'Thank you!',
    iheart: { ...no, thank: true },
    issues: [],
    split: 'train',
  },
];

describe('attune eval conversation-intelligence tasks', () => {
  it('scores IHEART steps as classes of a multi-label report, on the chosen split', async () => {
    const run = await runAttune(['eval', '--task', 'iheart', '--data', file('r.jsonl', replies), '--split', 'dev']);
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as {
      count: number;
      skipped: number;
      macro_f1: number;
      per_class: Record<string, { f1: number; support: number }>;
    };
    assert.equal(r.count, 2);
    assert.equal(r.skipped, 1);
    assert.equal(r.per_class['apologize']?.f1, 1);
    assert.equal(r.per_class['thank']?.support, 1);
    assert.deepEqual(Object.keys(r.per_class).sort(), [
      'apologize',
      'empathize',
      'hear',
      'identify',
      'resolve',
      'thank',
    ]);
  });

  it('scores coach issues with precision per issue code', async () => {
    const run = await runAttune(['eval', '--task', 'coach', '--data', file('r2.jsonl', replies), '--split', 'dev']);
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as { per_class: Record<string, { precision: number; recall: number }> };
    assert.equal(r.per_class['negative_language']?.precision, 1);
    assert.equal(r.per_class['negative_language']?.recall, 1);
  });

  it('scores escalation risk levels of single messages', async () => {
    const lines = [
      { text: 'I want to speak to your manager, I will call my lawyer.', lang: 'en', escalation_risk: 'high' },
      { text: 'Hi, how do I change my address?', lang: 'en', escalation_risk: 'low' },
    ];
    const run = await runAttune(['eval', '--task', 'escalation', '--data', file('e.jsonl', lines)]);
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as {
      count: number;
      accuracy: number;
      confusion: Record<string, Record<string, number>>;
    };
    assert.equal(r.count, 2);
    assert.equal(r.confusion['high']?.['high'], 1);
    assert.equal(r.confusion['low']?.['low'], 1);
  });

  it('scores inferred CSAT with the documented output shape', async () => {
    const conv = (csat: number, last: string) => ({
      lang: 'en',
      channel: 'chat',
      turns: [
        { role: 'customer', text: 'My order is late', t: 0 },
        { role: 'agent', text: "I'm sorry! I've sent a replacement, it arrives tomorrow. Did that help?", t: 30 },
        { role: 'customer', text: last, t: 60 },
      ],
      outcome: { csat },
    });
    const run = await runAttune([
      'eval',
      '--task',
      'csat',
      '--data',
      file('c.jsonl', [conv(5, 'Yes, thank you so much!'), conv(1, 'This is useless, I want a manager NOW')]),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as Record<string, number>;
    assert.deepEqual(
      Object.keys(r).filter((k) => ['task', 'count', 'mae', 'spearman', 'within_1'].includes(k)),
      ['task', 'count', 'mae', 'spearman', 'within_1'],
    );
    assert.equal(r['count'], 2);
    assert.equal(r['spearman'], 1);
  });
});
