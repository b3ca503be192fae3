// Agreement between the corpus labels of the dev replies and the blind second annotation (corpus/second-annotation):
// Cohen's kappa and F1 per IHEART step and issue code, per language; and the detector's IHEART macro-F1 against each
// annotator, by the patterns alone and with the reply-step model.
//   node --import tsx scripts/annotator-agreement.ts
import { readFileSync } from 'node:fs';
import { IHEART_STEPS, shippedReplyStepModel } from '@attune/engine';
import { loadReplyCorpus, scoreReplySteps } from '@attune/train';

interface Labels {
  readonly id: string;
  readonly iheart: Readonly<Record<string, boolean>>;
  readonly issues: readonly string[];
  readonly split?: string;
}
const STEPS = ['identify', 'hear', 'empathize', 'apologize', 'resolve', 'thank'];
const ISSUES = [
  'negative_language',
  'blame',
  'cliche',
  'arguing',
  'rushing',
  'no_expectation',
  'tone_mismatch',
  'no_personalization',
];
const read = (path: string): Labels[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labels);
const has = (x: Labels, code: string): boolean =>
  STEPS.includes(code) ? x.iheart[code] === true : x.issues.includes(code);

for (const lang of ['en', 'zh', 'ru']) {
  const first = new Map(
    read(`corpus/replies/${lang}.jsonl`)
      .filter((o) => o.split === 'dev')
      .map((o) => [o.id, o]),
  );
  const second = read(`corpus/second-annotation/dev.${lang}.jsonl`);
  const rows: string[] = [];
  let stepF1 = 0;
  for (const code of [...STEPS, ...ISSUES]) {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    for (const b of second) {
      const a = first.get(b.id);
      if (a === undefined) throw new Error(`${b.id}: not a dev line of corpus/replies/${lang}.jsonl`);
      const x = has(a, code),
        y = has(b, code);
      if (x && y) tp++;
      else if (y) fp++;
      else if (x) fn++;
      else tn++;
    }
    const n = tp + fp + fn + tn;
    const observed = (tp + tn) / n;
    const chance = ((tp + fn) / n) * ((tp + fp) / n) + ((tn + fp) / n) * ((tn + fn) / n);
    const kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
    const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
    if (STEPS.includes(code)) stepF1 += f1;
    rows.push(
      `  ${code.padEnd(19)} kappa ${kappa.toFixed(2)}  F1 ${f1.toFixed(2)}  (first ${tp + fn}, second ${tp + fp})`,
    );
  }
  console.log(
    `${lang}: ${second.length} replies; IHEART macro-F1 of the second reader against the first ${(stepF1 / STEPS.length).toFixed(3)}`,
  );
  console.log(rows.join('\n'));
  const dev = loadReplyCorpus('corpus').filter((r) => r.lang === lang && r.split === 'dev');
  const bySecond = dev.map((r) => {
    const b = second.find((x) => x.id === r.id);
    return { ...r, steps: new Set(IHEART_STEPS.filter((s) => b?.iheart[s] === true)) };
  });
  const detector = (replies: typeof dev): string =>
    `patterns ${scoreReplySteps(replies, null).macroF1.toFixed(3)}, with the model ${scoreReplySteps(replies, shippedReplyStepModel()).macroF1.toFixed(3)}`;
  console.log(`  detector IHEART macro-F1 against the first labels: ${detector(dev)}`);
  console.log(`  detector IHEART macro-F1 against the second annotator: ${detector(bySecond)}`);
}
