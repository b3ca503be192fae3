import { readFile } from 'node:fs/promises';
import {
  coachConversation,
  createConversationAnalyzer,
  DEFAULT_RUBRIC,
  inferCsat,
  parseConversation,
  parseRubric,
  renderMessage,
  scoreConversation,
  type Rubric,
} from '@attune/engine';
import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import { parseCommandArgs, stringFlag } from '../args/parse-command-args.ts';
import { endParse, usageError } from '../args/usage-error.ts';
import { jsonTypeOf } from '../input/input-issue.ts';
import { openInput } from '../input/open-input.ts';
import { readLines } from '../input/read-lines.ts';
import { createLineWriter } from '../output/line-writer.ts';

export const summary =
  'Score conversations (JSONL) against a rubric: one scorecard per line, a summary table at the end';

export const usage = `Usage:
  attune score FILE.jsonl [--rubric RUBRIC.json] [--model PATH]
  some-command | attune score -

Reads one conversation per line and writes one scorecard per line to stdout (JSON Lines):
  {"id"?, "line", "score", "auto_failed", "csat", "escalation": {"risk", "level", "reasons"},
   "next_step", "criteria": [{"id", "group", "weight", "status", "auto_fail", "evidence"}], "notes",
   "rubric": {"id", "version"}}
"score" is 0..100 over the criteria that apply, 0 when an auto-fail criterion failed, null when none applies.
A summary table (pass rate per criterion, mean score and CSAT) is printed on stderr at the end.

Input line: {"id"?, "channel", "turns": [{"role": "customer"|"agent"|"system", "text", "at"? (ms or ISO) | "t"? (s)}],
             "customer"?: {"name", "orderId", "product"} | "customer_name"? + "facts"?}
Lines that are not valid conversations are reported on stderr with the reason and skipped.

Flags:
      --rubric FILE     a rubric (JSON, schema "attune.rubric/1"; see docs/conversation-intelligence.md)
      --model PATH      a model file instead of the shipped model

Exit codes:
  0  every conversation was scored
  1  some lines were skipped (the others were written)
  2  usage error: no input, missing file, invalid rubric
`;

const OPTIONS = { rubric: { type: 'string', short: 'r' }, model: { type: 'string' } } as const;

interface Tally {
  pass: number;
  fail: number;
  na: number;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(argv, OPTIONS, { allowPositionals: true });
  if (parsed.kind !== 'ok') return endParse(io, 'score', usage, parsed);
  const { values, positionals } = parsed;
  const fail = (message: string): ExitCode => usageError(io, 'score', message, usage);
  if (positionals.length > 1) return fail('give one file (or - for stdin)');
  const path = positionals[0] ?? '-';
  if (path === '-' && io.stdin.isTTY === true)
    return fail('nothing to score: give a JSONL file or pipe conversations into stdin');

  let rubric: Rubric = DEFAULT_RUBRIC;
  const rubricPath = stringFlag(values, 'rubric');
  if (rubricPath !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(rubricPath, 'utf8'));
    } catch (error) {
      return fail(`cannot read the rubric ${rubricPath}: ${(error as Error).message}`);
    }
    const r = parseRubric(json);
    if (!r.ok)
      return fail(
        `${rubricPath} is not a valid rubric:\n  ${r.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.params.detail}`).join('\n  ')}`,
      );
    rubric = r.value;
  }
  const opened = await openInput(path, io.stdin);
  if (!opened.ok) return fail(opened.message);
  const modelPath = stringFlag(values, 'model');
  let conversations;
  try {
    conversations = createConversationAnalyzer({
      analyzer: await io.loadAnalyzer(modelPath === undefined ? {} : { modelPath }),
    });
  } catch (error) {
    opened.value.stream.destroy();
    io.stderr.write(`attune score: could not load the model: ${(error as Error).message}\n`);
    return EXIT.partial;
  }

  const out = createLineWriter(io.stdout);
  const tallies = new Map<string, Tally>(rubric.criteria.map((c) => [c.id, { pass: 0, fail: 0, na: 0 }]));
  const scores: number[] = [];
  const csats: number[] = [];
  let skipped = 0;
  let scored = 0;
  let autoFailed = 0;
  const skip = (line: number, why: string): void => {
    skipped++;
    if (skipped <= 50) io.stderr.write(`attune score: line ${line}: ${why}\n`);
  };
  try {
    for await (const { line, text } of readLines(opened.value.stream)) {
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        skip(line, `invalid JSON (${(error as Error).message})`);
        continue;
      }
      const conversation = parseConversation(json);
      if (!conversation.ok) {
        skip(
          line,
          conversation.issues
            .map((i) => `${i.path.join('.') || '(root)'}: ${renderMessage('en', `issue.${i.code}`, i.params)}`)
            .join('; '),
        );
        continue;
      }
      const analysis = conversations.analyze(conversation.value);
      const coaching = coachConversation(analysis);
      const card = scoreConversation(analysis, rubric, coaching);
      const csat = inferCsat(
        analysis,
        coaching.flatMap((t) => t.coaching.findings),
      );
      for (const c of card.criteria) {
        const t = tallies.get(c.id);
        if (t !== undefined) t[c.status === 'pass' ? 'pass' : c.status === 'fail' ? 'fail' : 'na']++;
      }
      scored++;
      if (card.score !== null) scores.push(card.score);
      if (card.autoFailed.length > 0) autoFailed++;
      csats.push(csat.csat);
      const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : undefined;
      const row = {
        ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
        line,
        score: card.score,
        auto_failed: card.autoFailed,
        csat: csat.csat,
        escalation: {
          risk: Math.round(analysis.escalation.risk * 100) / 100,
          level: analysis.escalation.level,
          reasons: analysis.escalation.reasons.map((r) => r.code),
        },
        next_step: analysis.nextStep.code,
        criteria: card.criteria.map((c) => ({
          id: c.id,
          group: c.group,
          weight: c.weight,
          status: c.status,
          auto_fail: c.autoFail,
          evidence: c.evidence,
        })),
        notes: card.notes,
        rubric: card.rubric,
      };
      if (!(await out.write(JSON.stringify(row)))) break;
    }
  } catch (error) {
    io.stderr.write(`attune score: stopped: ${(error as Error).message}\n`);
    skipped++;
  } finally {
    opened.value.stream.destroy();
  }
  await out.flush();
  io.stderr.write(
    summaryTable(rubric, tallies, { scored, skipped, autoFailed, scores, csats, jsonType: jsonTypeOf(null) }),
  );
  return skipped > 0 || out.error !== undefined ? EXIT.partial : EXIT.ok;
}

function mean(xs: readonly number[]): string {
  return xs.length === 0 ? '-' : (xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(1);
}

/** The end-of-run table: how often each criterion passed where it applied. */
function summaryTable(
  rubric: Rubric,
  tallies: ReadonlyMap<string, Tally>,
  s: {
    scored: number;
    skipped: number;
    autoFailed: number;
    scores: readonly number[];
    csats: readonly number[];
    jsonType: string;
  },
): string {
  const width = Math.max(9, ...rubric.criteria.map((c) => c.id.length));
  const rows = rubric.criteria.map((c) => {
    const t = tallies.get(c.id) ?? { pass: 0, fail: 0, na: 0 };
    const applied = t.pass + t.fail;
    const rate = applied === 0 ? '   -' : `${Math.round((100 * t.pass) / applied)}%`.padStart(4);
    return `  ${c.id.padEnd(width)}  ${rate}  ${String(t.pass).padStart(5)} ${String(t.fail).padStart(5)} ${String(t.na).padStart(5)}`;
  });
  return [
    `attune score: ${s.scored} conversation(s) scored, ${s.skipped} skipped; rubric ${rubric.id} ${rubric.version}`,
    `  ${'criterion'.padEnd(width)}  pass   pass  fail   n/a`,
    ...rows,
    `  mean score ${mean(s.scores)} (${s.scores.length} with a score), auto-failed ${s.autoFailed}, mean inferred CSAT ${mean(s.csats)}`,
    '',
  ].join('\n');
}
