/**
 * Conversation-intelligence benchmark (`npm run bench` runs it and includes its stdout): prints a Markdown section.
 *
 * Measured on one core, in this process, with the shipped model and Attune's own corpus:
 * - the draft coach on a chat-sized draft inside a 30-turn conversation, two ways: the whole live path per
 *   keystroke (re-read the conversation from stored per-message analyses, build the coach context, coach the
 *   draft: what the server's coach endpoint and the web app do) and coaching alone against a prepared context;
 * - scoring whole conversations (analyse every customer message, read the conversation, coach every agent reply,
 *   score the default rubric, infer CSAT): conversations per second;
 * - side by side with write-good (the English prose linter a Node user would pick to flag cliches and weasel
 *   words): its time per draft, and its flags against the `cliche` label of corpus/replies/en.jsonl (dev), next
 *   to the coach's own `cliche` findings on the same lines.
 *
 *   node --import tsx packages/cli/bench/conversation-bench.ts [--quick]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  coachContextFrom,
  coachContextFromMessage,
  coachConversation,
  coachDraft,
  createAnalyzer,
  shippedCoachAlarmModel,
  shippedReplyStepModel,
  createConversationAnalyzer,
  DEFAULT_RUBRIC,
  inferCsat,
  parseConversation,
  scoreConversation,
  type Conversation,
  type MessageAnalysis,
} from '@attune/engine';
import { DEFAULT_MODEL_PATH, loadModelFile } from '@attune/model';
import { loadReplyCorpus, scoreCoach, scoreReplySteps } from '@attune/train';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick;
const LANGS = ['en', 'zh', 'ru'] as const;

interface CorpusConversation {
  readonly lang: string;
  readonly channel: string;
  readonly turns: { role: string; text: string; t: number }[];
}
interface CorpusReply {
  readonly reply: string;
}

const jsonl = <T>(path: string): T[] =>
  readFileSync(join(repo, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

function percentiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
const ms = (x: number) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));

const analyzer = createAnalyzer({ model: await loadModelFile(DEFAULT_MODEL_PATH) });
const conversationAnalyzer = createConversationAnalyzer({ analyzer });

/** A 30-turn chat in one language, stitched from the corpus conversations in order, timed 40 s apart. */
function thirtyTurnChat(lang: string): Conversation {
  const turns = jsonl<CorpusConversation>(`corpus/conversations/${lang}.jsonl`)
    .filter((c) => c.channel === 'chat')
    .flatMap((c) => c.turns.filter((t) => t.role === 'customer' || t.role === 'agent'))
    .slice(0, 30)
    .map((t, i) => ({ role: t.role, text: t.text, t: i * 40 }));
  const parsed = parseConversation({ channel: 'chat', lang, turns });
  if (!parsed.ok) throw new Error(`bench: corpus conversation rejected: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

// --- 1. Draft coach inside a 30-turn conversation. ---
const coachRows: string[] = [];
const iterations = quick ? 1_000 : 5_000;
for (const lang of LANGS) {
  const conversation = thirtyTurnChat(lang);
  // Stored per-message analyses, as the server keeps them: the live path never re-reads a customer message.
  const precomputed = new Map<number, MessageAnalysis>();
  for (const t of conversation.turns)
    if (t.role === 'customer') precomputed.set(t.index, analyzer.analyzeMessage(t.text, { lang, cues: false }));
  const drafts = jsonl<CorpusReply>(`corpus/replies/${lang}.jsonl`).map((r) => r.reply);
  const live: number[] = [];
  const alone: number[] = [];
  const prepared = coachContextFrom(conversationAnalyzer.analyze(conversation, precomputed));
  for (let i = 0; i < 200; i++) coachDraft(drafts[i % drafts.length] ?? '', prepared); // warm-up
  for (let i = 0; i < iterations; i++) {
    const draft = drafts[i % drafts.length] ?? '';
    let t0 = performance.now();
    coachDraft(draft, coachContextFrom(conversationAnalyzer.analyze(conversation, precomputed)));
    live.push(performance.now() - t0);
    t0 = performance.now();
    coachDraft(draft, prepared);
    alone.push(performance.now() - t0);
  }
  // The longest draft the API accepts (10,000 characters: corpus replies glued together), against the same context.
  let longDraft = '';
  for (let i = 0; longDraft.length < 10_000; i++) longDraft += (drafts[i % drafts.length] ?? '') + ' ';
  longDraft = longDraft.slice(0, 10_000);
  const long: number[] = [];
  for (let i = 0; i < iterations / 20; i++) {
    const t0 = performance.now();
    coachDraft(longDraft, prepared);
    long.push(performance.now() - t0);
  }
  const l = percentiles(live);
  const a = percentiles(alone);
  const g = percentiles(long);
  coachRows.push(
    `| ${lang} | ${conversation.turns.length} | ${ms(l.p50)} / ${ms(l.p99)} | ${ms(a.p50)} / ${ms(a.p99)} | ${ms(g.p50)} / ${ms(g.p99)} |`,
  );
}

// --- 2. Scoring whole conversations. ---
const all = LANGS.flatMap((lang) => jsonl<CorpusConversation>(`corpus/conversations/${lang}.jsonl`));
const rounds = quick ? 2 : 6;
let scored = 0;
const scoreStart = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const c of all) {
    const parsed = parseConversation(c);
    if (!parsed.ok) throw new Error('bench: corpus conversation rejected');
    const analysis = conversationAnalyzer.analyze(parsed.value);
    const findings = coachConversation(analysis).flatMap((t) => t.coaching.findings);
    scoreConversation(analysis, DEFAULT_RUBRIC);
    inferCsat(analysis, findings);
    scored++;
  }
}
const scoreSeconds = (performance.now() - scoreStart) / 1000;
const turnsPerConversation = all.reduce((n, c) => n + c.turns.length, 0) / all.length;

// --- 3. Side by side with write-good on English replies (dev split). ---
const require = createRequire(import.meta.url);
const writeGood = require('write-good') as (text: string) => { reason: string }[];
// Every dev line of Attune's labelled replies (`corpus/replies` and `corpus/replies-extra`), read once.
const devCorpus = loadReplyCorpus(join(repo, 'corpus')).filter((r) => r.split === 'dev');
const devReplies = devCorpus.filter((r) => r.lang === 'en');
const tally = () => ({ tp: 0, fp: 0, fn: 0 });
const wg = tally();
const wgCliche = tally();
const attune = tally();
let wgTime = 0;
let attuneTime = 0;
const count = (t: { tp: number; fp: number; fn: number }, flagged: boolean, labelled: boolean) => {
  if (flagged && labelled) t.tp++;
  else if (flagged) t.fp++;
  else if (labelled) t.fn++;
};
for (const r of devReplies) {
  const labelled = r.issues.has('cliche');
  let t0 = performance.now();
  const suggestions = writeGood(r.reply);
  wgTime += performance.now() - t0;
  count(wg, suggestions.length > 0, labelled);
  count(
    wgCliche,
    suggestions.some((s) => s.reason.includes('cliche')),
    labelled,
  );
  t0 = performance.now();
  const context = coachContextFromMessage(r.customer, { lang: 'en', channel: r.channel, analyzer });
  const found = coachDraft(r.reply, context).findings.some((f) => f.code === 'cliche');
  attuneTime += performance.now() - t0;
  count(attune, found, labelled);
}
const pr = (t: { tp: number; fp: number; fn: number }) => {
  const p = t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn);
  const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
  return `${f(p)} / ${f(r)} (${t.tp + t.fp} flagged)`;
};

const cpu = cpus();
const out: string[] = [];
out.push('## Conversation intelligence', '');
out.push(
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; one core, this process. ` +
    `Command: \`node --import tsx packages/cli/bench/conversation-bench.ts${quick ? ' --quick' : ''}\`.`,
  '',
);
out.push(
  `Draft coach inside a 30-turn chat (turns from \`corpus/conversations\`, drafts from \`corpus/replies\`; ${iterations} drafts per language; ms). ` +
    '"Live path" re-reads the conversation from stored per-message analyses, builds the coach context and coaches the draft, as the server and web app do on each draft; "coach alone" reuses a prepared context. Goal: p99 < 5 ms.',
  '',
  '| lang | turns | live path p50 / p99 | coach alone p50 / p99 | coach alone, 10,000-character draft p50 / p99 |',
  '| --- | --: | --- | --- | --- |',
  ...coachRows,
  '',
);
out.push(
  `Scoring: ${scored} conversations (${all.length} corpus conversations × ${rounds}, ${turnsPerConversation.toFixed(1)} turns on average; every customer message analysed by the model, every agent reply coached, default rubric, inferred CSAT): ` +
    `**${(scored / scoreSeconds).toFixed(0)} conversations/s** on one core.`,
  '',
);
out.push(
  `Beside write-good ${(require('write-good/package.json') as { version: string }).version} (a general English prose linter: cliches, weasel words, passive voice...) on the ${devReplies.length} English dev replies, against their \`cliche\` label (precision / recall):`,
  '',
  '| | flags counted | precision / recall | time per reply |',
  '| --- | --- | --- | --: |',
  `| write-good | any suggestion | ${pr(wg)} | ${ms(wgTime / devReplies.length)} ms |`,
  `| write-good | its cliche check | ${pr(wgCliche)} | (same run) |`,
  `| Attune coach | \`cliche\` finding | ${pr(attune)} | ${ms(attuneTime / devReplies.length)} ms (incl. reading the customer message) |`,
  '',
  'write-good knows literary cliches ("at the end of the day"), not service scripts ("we apologize for any inconvenience", "your call is important to us"), and flags most replies for something (adverbs, passive voice) that is not a service problem; it has no Chinese or Russian.',
);

// The shipped reply models on the dev split, beside the patterns alone (docs/reply-models.md).
const modelRows = LANGS.map((lang) => {
  const lines = devCorpus.filter((r) => r.lang === lang);
  const steps = [scoreReplySteps(lines, null).macroF1, scoreReplySteps(lines, shippedReplyStepModel()).macroF1];
  const c = (x: ReturnType<typeof scoreCoach>) => `${x.precision.toFixed(2)} / ${x.recall.toFixed(2)}`;
  const coach = [c(scoreCoach(lines, analyzer, null)), c(scoreCoach(lines, analyzer, shippedCoachAlarmModel()))];
  return `| ${lang} | ${lines.length} | ${steps[0]?.toFixed(3)} | ${steps[1]?.toFixed(3)} | ${coach[0]} | ${coach[1]} |`;
});
out.push(
  '',
  'The shipped reply models on the dev lines of `corpus/replies` and `corpus/replies-extra` (never trained on), beside the patterns alone (IHEART macro-F1; coach micro precision / recall over the labelled codes):',
  '',
  '| lang | replies | IHEART, patterns | IHEART, with the reply-step model | coach, patterns | coach, with the coach-alarm model |',
  '| --- | --: | --: | --: | --- | --- |',
  ...modelRows,
);
console.log(out.join('\n'));
