import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runAttune } from '../testing/spawn-attune.ts';

// End to end against the shipped model. The expected figures are counted here, by hand, from the
// probabilities `attune analyze` prints for the same texts, so they hold whatever the model predicts.
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-eval-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const f1 = (tp: number, fp: number, fn: number): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

async function probabilities(texts: readonly string[], head: 'sentiment' | 'ekman', lang: string) {
  const run = await runAttune(['analyze', '--no-cues', '--lang', lang], { input: texts.join('\n') + '\n' });
  assert.equal(run.code, 0, run.stderr);
  return jsonLines(run.stdout).map((r) => (r[head] as { probs: Record<string, number> }).probs);
}

describe('attune eval', () => {
  const reviews = [
    { text: '味道很好，送餐很快，谢谢！', labels: ['positive'] },
    { text: '太难吃了，再也不点了', labels: ['negative'] },
    { text: '送餐超时一个小时，饭都凉了', labels: ['negative'] },
    { text: '分量足，包装好，好评', labels: ['positive'] },
    { text: '还行吧', labels: ['positive'] },
    { text: '客服态度很差，退款也不给', labels: ['negative'] },
  ];

  it('scores a single-label file and its figures match a hand count from the analyzer output', async () => {
    const path = file('reviews.jsonl', reviews);
    const run = await runAttune(['eval', '--task', 'sentiment', '--scheme', 'binary', '--data', path, '--lang', 'zh']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, 'exactly one JSON object');
    const report = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), [
      'task',
      'scheme',
      'target',
      'multi_label',
      'data',
      'count',
      'skipped',
      'invalid',
      'accuracy',
      'macro_f1',
      'per_class',
      'confusion',
      'model',
      'messages_per_second',
    ]);
    assert.equal(report['task'], 'sentiment');
    assert.equal(report['scheme'], 'binary');
    assert.equal(report['count'], 6);

    // Binary: positive against negative only, neutral never predicted; a tie goes to negative.
    const probs = await probabilities(
      reviews.map((r) => r.text),
      'sentiment',
      'zh',
    );
    const pred = probs.map((p) => ((p['positive'] ?? 0) > (p['negative'] ?? 0) ? 'positive' : 'negative'));
    const gold = reviews.map((r) => r.labels[0]);
    const confusion: Record<string, Record<string, number>> = {};
    let correct = 0;
    gold.forEach((g, i) => {
      const p = pred[i] ?? '';
      const row = (confusion[g ?? ''] ??= {});
      row[p] = (row[p] ?? 0) + 1;
      if (g === p) correct++;
    });
    assert.deepEqual(report['confusion'], confusion);
    assert.equal(report['accuracy'], round(correct / 6));
    const perClass: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
    const f1s: number[] = [];
    for (const c of ['negative', 'positive']) {
      const tp = gold.filter((g, i) => g === c && pred[i] === c).length;
      const fp = gold.filter((g, i) => g !== c && pred[i] === c).length;
      const fn = gold.filter((g, i) => g === c && pred[i] !== c).length;
      f1s.push(f1(tp, fp, fn));
      perClass[c] = {
        precision: round(tp + fp === 0 ? 0 : tp / (tp + fp)),
        recall: round(tp / (tp + fn)),
        f1: round(f1(tp, fp, fn)),
        support: tp + fn,
      };
    }
    assert.deepEqual(report['per_class'], perClass);
    const macro = ((f1s[0] ?? 0) + (f1s[1] ?? 0)) / 2;
    assert.equal(report['macro_f1'], round(macro));
  });

  it('scores a multi-label file with the model thresholds and per-class counts, matching a hand count', async () => {
    const examples = [
      { text: 'Это ужасно, я в ярости!', labels: ['anger'] },
      { text: 'Ура, наконец-то всё получилось!', labels: ['joy'] },
      { text: 'Мне страшно и грустно', labels: ['fear', 'sadness'] },
      { text: 'Суровый гималайский медведь .', labels: ['no_emotion'] },
      { text: 'Вот это да, не ожидал!', labels: ['surprise', 'joy'] },
    ];
    const path = file('cedr.jsonl', examples);
    const run = await runAttune(['eval', '--task', 'emotion', '--scheme', 'cedr', '--data', path, '--lang', 'ru']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      multi_label: boolean;
      count: number;
      accuracy: number;
      micro_f1: number;
      counts: Record<string, { tp: number; fp: number; fn: number }>;
      thresholds: Record<string, number>;
      thresholds_from: string;
    };
    assert.equal(report.multi_label, true);
    assert.equal(report.count, 5);
    assert.equal(report.thresholds_from, 'model');
    const classes = ['anger', 'fear', 'joy', 'sadness', 'surprise', 'neutral'];
    assert.deepEqual(Object.keys(report.thresholds), classes);

    const probs = await probabilities(
      examples.map((e) => e.text),
      'ekman',
      'ru',
    );
    const toEkman = (l: string): string => (l === 'no_emotion' ? 'neutral' : l);
    const counts = Object.fromEntries(classes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
    let exact = 0;
    examples.forEach((e, i) => {
      const p = probs[i] ?? {};
      // Thresholds are rounded in the report; a probability within 1e-4 of one could flip, so none may be that close.
      for (const c of classes) assert.ok(Math.abs((p[c] ?? 0) - (report.thresholds[c] ?? 0)) > 1e-4);
      let chosen = classes.filter((c) => (p[c] ?? 0) >= (report.thresholds[c] ?? 0));
      if (chosen.length === 0) chosen = [classes.reduce((a, b) => ((p[b] ?? 0) > (p[a] ?? 0) ? b : a))];
      const gold = e.labels.map(toEkman);
      for (const c of classes) {
        const g = gold.includes(c);
        const q = chosen.includes(c);
        const entry = counts[c];
        if (entry === undefined) continue;
        if (g && q) entry.tp++;
        else if (q) entry.fp++;
        else if (g) entry.fn++;
      }
      if (gold.length === chosen.length && gold.every((g) => chosen.includes(g))) exact++;
    });
    assert.deepEqual(report.counts, counts);
    assert.equal(report.accuracy, round(exact / 5));
    const sum = Object.values(counts).reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), {
      tp: 0,
      fp: 0,
      fn: 0,
    });
    assert.equal(report.micro_f1, round(f1(sum.tp, sum.fp, sum.fn)));
  });

  it('counts examples without a label in the target space as skipped and unreadable lines as invalid, exiting 1', async () => {
    const path = file('mixed.jsonl', [
      { text: '好开心', labels: ['happy'] },
      { text: '吓死我了', labels: ['surprise'] },
      { text: '无所谓', labels: ['bored'] },
      { labels: ['sad'] },
    ]);
    writeFileSync(path, `${'not json'}\n`, { flag: 'a' });
    const run = await runAttune(['eval', '-t', 'emotion', '-s', 'smp2020-attune', '-d', path]);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(report['count'], 1);
    assert.equal(report['skipped'], 1);
    assert.equal(report['invalid'], 3);
    assert.match(run.stderr, /line 3: label "bored" not in scheme "smp2020-attune" \(wrong --scheme\?\)/);
    assert.match(run.stderr, /line 4: no "text" field/);
    assert.match(run.stderr, /line 5: invalid JSON/);
  });

  it('stops after --limit examples', async () => {
    const path = file('limit.jsonl', reviews);
    const run = await runAttune(['eval', '--task', 'sentiment', '--scheme', 'binary', '--data', path, '--limit', '2']);
    assert.equal((JSON.parse(run.stdout) as { count: number }).count, 2);
  });
});
