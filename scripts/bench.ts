#!/usr/bin/env node
// npm run bench [-- --write docs/benchmarks.md] [--skip-full] [--quick] [--speed-only]
// Measures accuracy on every dev split (both model profiles), the JS libraries users would otherwise pick side
// by side on the same data, and speed and memory on one core; then runs each package's own benchmark
// (packages/*/bench/*-bench.ts, each printing Markdown). Prints a Markdown report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createAnalyzer, type Sentiment } from '@attune/engine';
import { DEFAULT_MODEL_PATH, loadModelFile } from '@attune/model';
import { evaluate, type AccuracyRow } from './bench/accuracy.ts';
import { baselineLibraries, labelFromScore, polarityMacroF1, polaritySets } from './bench/baselines.ts';
import { devSets } from './bench/dev-sets.ts';
import { describeMachine } from './bench/machine.ts';
import { measureSpeed } from './bench/speed.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    write: { type: 'string' },
    'skip-full': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'speed-only': { type: 'boolean', default: false },
    datasets: { type: 'string', default: resolve(repo, '../shared/datasets') },
  },
});
const datasets = values.datasets;
const work = join(repo, 'artifacts/bench');
mkdirSync(work, { recursive: true });
const cli = join(repo, 'packages/cli/bin/attune.js');
const fullModel = join(repo, 'models/full/attune-full.model');
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};
const f3 = (x: number) => x.toFixed(3);

const machine = describeMachine();
say('# Benchmarks');
say();
say(
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}.`,
);
say('Accuracy is on dev splits (settings were chosen on dev; official test splits are kept apart). Speed is one core.');
say();

// --- Model load, memory and speed first, before other libraries are loaded into this process. ---
const rssBefore = process.memoryUsage().rss;
const loadStart = performance.now();
const model = await loadModelFile(DEFAULT_MODEL_PATH);
const analyzer = createAnalyzer({ model });
const loadMs = performance.now() - loadStart;
const rssAfter = process.memoryUsage().rss;
const sets = devSets(datasets, repo, work);
const shortTexts = [
  join(work, 'corpus-en.jsonl'),
  join(work, 'corpus-ru.jsonl'),
  join(work, 'corpus-zh.jsonl'),
  join(datasets, 'goemotions/dev.jsonl'),
]
  .filter((f) => existsSync(f))
  .flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => String((JSON.parse(l) as { text: string }).text)),
  )
  .filter((t) => t.length <= 120);
const calls = values.quick ? 50_000 : 300_000;
const withCues = await measureSpeed(shortTexts, (t) => analyzer.analyzeMessage(t), { calls, warmup: 20_000 });
const withoutCues = await measureSpeed(shortTexts, (t) => analyzer.analyzeMessage(t, { cues: false }), {
  calls,
  warmup: 20_000,
});
const avgLength = shortTexts.reduce((s, t) => s + t.length, 0) / Math.max(1, shortTexts.length);

say('## Speed and memory (default model, one core)');
say();
say(
  `${shortTexts.length} short customer messages (en, ru, zh corpus dev + GoEmotions dev, <= 120 chars, mean ${avgLength.toFixed(0)} chars), ${calls.toLocaleString('en')} calls each.`,
);
say();
say('| what | messages/s | p50 µs | p99 µs |');
say('|---|---:|---:|---:|');
say(
  `| Attune analyzeMessage, with cues | ${withCues.messagesPerSecond.toLocaleString('en')} | ${withCues.p50Micros} | ${withCues.p99Micros} |`,
);
say(
  `| Attune analyzeMessage, no cues | ${withoutCues.messagesPerSecond.toLocaleString('en')} | ${withoutCues.p50Micros} | ${withoutCues.p99Micros} |`,
);
const speedRows: string[] = [];

// --- Baselines: loaded only now. ---
const libraries = await baselineLibraries();
const enTexts = shortTexts.filter((t) => /[a-z]/i.test(t) && !/[\u0400-\u04ff\u4e00-\u9fff]/.test(t));
for (const lib of libraries) {
  const s = await measureSpeed(enTexts, (t) => lib.score(t, 'en'), { calls: Math.min(calls, 50_000), warmup: 2_000 });
  speedRows.push(
    `| ${lib.name} (polarity only, en) | ${s.messagesPerSecond.toLocaleString('en')} | ${s.p50Micros} | ${s.p99Micros} |`,
  );
}
for (const row of speedRows) say(row);
say();
say(
  `Model load (read + decode + analyzer): ${loadMs.toFixed(0)} ms; resident memory added: ${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB; model file ${(readFileSync(DEFAULT_MODEL_PATH).length / 1e6).toFixed(1)} MB.`,
);
say();
if (values['speed-only']) process.exit(0);

// --- Accuracy on every dev split, both profiles. ---
if (!values['skip-full'] && !existsSync(fullModel)) {
  console.error('bench: training the full profile (not committed) ...');
  const train = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repo, 'packages/train/src/main.ts'), '--profile', 'full', '--data', datasets],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (train.status !== 0) console.error('bench: full-profile training failed; reporting the default profile only');
}
const profiles: [string, string | undefined][] = [['default', undefined]];
if (!values['skip-full'] && existsSync(fullModel)) profiles.push(['full', fullModel]);
const rows: AccuracyRow[] = [];
for (const set of sets) {
  for (const [profile, path] of profiles) {
    const r = evaluate(set, profile, path, cli);
    if ('error' in r) console.error(`bench: ${set.name} (${profile}): ${r.error}`);
    else rows.push(r);
  }
}
say('## Accuracy on dev splits');
say();
say(
  'Macro-F1 (multi-label sets scored per class, as their papers do). `default` is the committed model, trained only on openly licensed data; `full` adds non-commercial and unstated-licence data and is never shipped.',
);
say();
say(`| lang | dev set | task / scheme | n | ${profiles.map(([p]) => `${p} macro-F1`).join(' | ')} | reference |`);
say(`|---|---|---|---:|${profiles.map(() => '---:').join('|')}|---|`);
for (const set of sets) {
  const cells = profiles.map(([p]) => rows.find((r) => r.set === set && r.profile === p));
  const first = cells.find((c) => c !== undefined);
  if (first === undefined) continue;
  say(
    `| ${set.lang} | ${set.name} | ${set.task} / ${set.scheme} | ${first.count} | ${cells.map((c) => (c ? f3(c.macroF1) : '–')).join(' | ')} | ${set.reference ?? ''} |`,
  );
}
say();

// --- Polarity side by side with the libraries users would otherwise pick. ---
say('## Polarity: Attune beside the JS libraries a Node user would pick');
say();
say(
  'Macro-F1 on the same dev examples, each library only in the languages it claims (none claims Chinese). Three classes, or two for binary sets (a library score >= 0 counts as positive there).',
);
say();
const polarity = polaritySets(datasets, work);
say(`| dev set | lang | n | Attune default | ${libraries.map((l) => l.name).join(' | ')} |`);
say(`|---|---|---:|---:|${libraries.map(() => '---:').join('|')}|`);
for (const set of polarity) {
  if (set.examples.length === 0) continue;
  const attune = await polarityMacroF1(set, (t): Sentiment => {
    const p = analyzer.analyzeMessage(t, { lang: set.lang, cues: false }).sentiment;
    return set.binary ? (p.probs.positive >= p.probs.negative ? 'positive' : 'negative') : p.label;
  });
  const cells: string[] = [];
  for (const lib of libraries) {
    if (!lib.languages.includes(set.lang)) {
      cells.push('–');
      continue;
    }
    const r = await polarityMacroF1(set, async (t) =>
      labelFromScore(await lib.score(t, set.lang), lib.neutralBand, set.binary),
    );
    cells.push(f3(r.macroF1));
  }
  say(`| ${set.name} | ${set.lang} | ${set.examples.length} | **${f3(attune.macroF1)}** | ${cells.join(' | ')} |`);
}
say();

// --- Each package's own benchmark. ---
for (const pkg of readdirSync(join(repo, 'packages'))) {
  const dir = join(repo, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('-bench.ts'))
    .sort()) {
    console.error(`bench: running packages/${pkg}/bench/${file}`);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(dir, file), ...(values.quick ? ['--quick'] : [])],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (run.status !== 0) {
      say(`## packages/${pkg}/bench/${file}`);
      say();
      say(`Failed with exit code ${run.status}.`);
    } else say(run.stdout.trim());
    say();
  }
}

writeFileSync(
  join(work, 'results.json'),
  JSON.stringify(
    { machine, loadMs, withCues, withoutCues, accuracy: rows.map((r) => ({ ...r, set: r.set.name })) },
    null,
    2,
  ),
);
if (values.write !== undefined) {
  writeFileSync(resolve(values.write), out.join('\n') + '\n');
  console.error(`bench: wrote ${values.write}`);
}
