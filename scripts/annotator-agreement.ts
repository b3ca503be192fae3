// Agreement between the corpus labels of the `replies` dev lines and their blind second annotation (corpus/second-annotation):
// Cohen's kappa and F1 per IHEART step and issue code, per language; and the detector's IHEART macro-F1 against each
// annotator, by the patterns alone and with the reply-step model.
//   node --import tsx scripts/annotator-agreement.ts
import { readFileSync } from 'node:fs';
import { IHEART_STEPS, LABELLED_COACH_CODES, PATTERN_LANGS, shippedReplyStepModel } from '@attune/engine';
import { loadReplyCorpus, scoreReplySteps, type LabelledReply } from '@attune/train';

interface SecondLabels {
  readonly id: string;
  readonly iheart: Readonly<Record<string, boolean>>;
  readonly issues: readonly string[];
}
const corpus = loadReplyCorpus('corpus');
const has = (r: LabelledReply, code: string): boolean =>
  (r.steps as ReadonlySet<string>).has(code) || r.issues.has(code);

for (const lang of PATTERN_LANGS) {
  const first = corpus.filter((r) => r.lang === lang && r.split === 'dev' && r.id.includes('-rep-'));
  const labels = new Map(
    readFileSync(`corpus/second-annotation/dev.${lang}.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as SecondLabels)
      .map((b) => [b.id, b]),
  );
  // The same replies with the second annotator's labels.
  const second: LabelledReply[] = first.map((r) => {
    const b = labels.get(r.id);
    if (b === undefined) throw new Error(`${r.id}: missing from corpus/second-annotation/dev.${lang}.jsonl`);
    return { ...r, steps: new Set(IHEART_STEPS.filter((s) => b.iheart[s] === true)), issues: new Set(b.issues) };
  });
  const rows: string[] = [];
  let stepF1 = 0;
  for (const code of [...IHEART_STEPS, ...LABELLED_COACH_CODES]) {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    first.forEach((a, i) => {
      const x = has(a, code),
        y = has(second[i] as LabelledReply, code);
      if (x && y) tp++;
      else if (y) fp++;
      else if (x) fn++;
      else tn++;
    });
    const n = tp + fp + fn + tn;
    const observed = (tp + tn) / n;
    const chance = ((tp + fn) / n) * ((tp + fp) / n) + ((tn + fp) / n) * ((tn + fn) / n);
    const kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
    const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
    if ((IHEART_STEPS as readonly string[]).includes(code)) stepF1 += f1;
    rows.push(
      `  ${code.padEnd(19)} kappa ${kappa.toFixed(2)}  F1 ${f1.toFixed(2)}  (first ${tp + fn}, second ${tp + fp})`,
    );
  }
  console.log(
    `${lang}: ${second.length} replies; IHEART macro-F1 of the second reader against the first ${(stepF1 / IHEART_STEPS.length).toFixed(3)}`,
  );
  console.log(rows.join('\n'));
  const detector = (replies: readonly LabelledReply[]): string =>
    `patterns ${scoreReplySteps(replies, null).macroF1.toFixed(3)}, with the model ${scoreReplySteps(replies, shippedReplyStepModel()).macroF1.toFixed(3)}`;
  console.log(`  detector IHEART macro-F1 against the first labels: ${detector(first)}`);
  console.log(`  detector IHEART macro-F1 against the second annotator: ${detector(second)}`);
}
