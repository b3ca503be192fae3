import { readFileSync } from 'node:fs';
import { readReply, stepsPerformed, IHEART_STEPS } from '@attune/engine';
const lang = process.argv[2]!; const step = process.argv[3]!; const kind = process.argv[4] ?? 'fn';
for (const l of readFileSync(`corpus/replies/${lang}.jsonl`, 'utf8').split('\n').filter(Boolean)) {
  const o = JSON.parse(l); if (o.split !== 'train') continue;
  const pred = stepsPerformed(readReply(o.reply, { lang }));
  const g = o.iheart[step] === true, p = pred.includes(step as never);
  if ((kind === 'fn' && g && !p) || (kind === 'fp' && !g && p)) console.log('-', o.reply);
}
void IHEART_STEPS;
