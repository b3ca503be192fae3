import { extname } from 'node:path';
import { EXIT, type CliIo, type ExitCode, type ScoringAnalyzer } from '../cli-io.ts';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args/parse-command-args.ts';
import { endParse, usageError } from '../args/usage-error.ts';
import { analyzeLine } from '../analyzer/analyze-line.ts';
import type { InputIssue } from '../input/input-issue.ts';
import { csvRecords, jsonlRecords, textRecords, type FieldNames, type RecordItem } from '../input/message-records.ts';
import { openInput, type OpenedInput } from '../input/open-input.ts';
import { readLines } from '../input/read-lines.ts';
import { createIssueReporter } from '../output/issue-reporter.ts';
import { createLineWriter } from '../output/line-writer.ts';
import { createProgressBar, formatSummary, type ProgressState } from '../output/progress.ts';

export const summary = 'Analyse messages (arguments, stdin, JSONL or CSV) and print one JSON result per line';

export const usage = `Usage:
  attune analyze "text" ["more text" ...]
  attune analyze --file messages.jsonl|messages.csv [--text-column text] [--id-column id]
  some-command | attune analyze [--format text|jsonl|csv]

Reads customer messages and writes one JSON object per message to stdout (JSON Lines):
  {"id"?, "text"?, "lang", "emotions", "ekman", "sentiment", "cues", "truncated"?, "model"}

Input:
  "text" ...              each argument is one message
  -f, --file PATH         a .jsonl/.ndjson or .csv file (header row), or - for stdin
      --format FORMAT     text (one message per line), jsonl or csv; default: from the file
                          extension, text for stdin
      --text-column NAME  JSONL field or CSV column holding the text (default: text)
      --id-column NAME    a field or column to copy to the output as "id"

Analysis:
  -l, --lang CODE         the messages' language (en, zh, ru, ...): skips detection
      --no-cues           leave out cues (evidence spans), a little faster
      --include-text      copy each message's text to the output as "text"
      --model PATH        a model file instead of the shipped model

Lines that cannot be read (invalid JSON, missing field, bad CSV record) are reported on stderr with
their line number and skipped; blank lines are passed over. On a terminal, a progress bar is drawn on
stderr while reading a file; a summary line follows when stderr is a terminal or lines were skipped.
Closing the output early (| head) stops quietly.

Exit codes:
  0  every message was analysed
  1  some lines were skipped (the others were written), or the run failed midway
  2  usage error: unknown flag, no input, missing file

Examples:
  attune analyze "This is the THIRD time I write!!! Where is my refund?"
  attune analyze --file tickets.csv --text-column body --id-column ticket_id > results.jsonl
  cat messages.txt | attune analyze --no-cues | head -3
`;

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  format: { type: 'string' },
  'text-column': { type: 'string' },
  'id-column': { type: 'string' },
  lang: { type: 'string', short: 'l' },
  cues: { type: 'boolean' },
  'include-text': { type: 'boolean' },
  model: { type: 'string' },
} as const;

type Format = 'text' | 'jsonl' | 'csv';
const FORMATS: readonly Format[] = ['text', 'jsonl', 'csv'];

function formatOf(path: string): Format | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.txt') return 'text';
  return undefined;
}

function recordsFrom(input: OpenedInput, format: Format, fields: FieldNames): AsyncIterable<RecordItem> {
  if (format === 'csv') return csvRecords(input.stream, fields);
  const lines = readLines(input.stream);
  return format === 'jsonl' ? jsonlRecords(lines, fields) : textRecords(lines);
}

async function* argumentRecords(texts: readonly string[]): AsyncGenerator<RecordItem> {
  for (const [i, text] of texts.entries()) yield { ok: true, line: i + 1, text };
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(argv, OPTIONS, { allowPositionals: true });
  if (parsed.kind !== 'ok') return endParse(io, 'analyze', usage, parsed);
  const { values, positionals } = parsed;
  const file = stringFlag(values, 'file');
  const formatFlag = stringFlag(values, 'format');
  const fail = (message: string): ExitCode => usageError(io, 'analyze', message, usage);

  if (file !== undefined && positionals.length > 0) return fail('give messages as arguments or with --file, not both');
  if (formatFlag !== undefined && !(FORMATS as readonly string[]).includes(formatFlag)) {
    return fail(`--format must be one of ${FORMATS.join(', ')}, got "${formatFlag}"`);
  }
  const path = file ?? (positionals.length === 0 ? '-' : undefined);
  if (path === '-' && io.stdin.isTTY === true && file === undefined) {
    return fail('nothing to analyse: give a message as an argument, a --file, or pipe messages into stdin');
  }
  let format = formatFlag as Format | undefined;
  if (path !== undefined && format === undefined) {
    format = path === '-' ? 'text' : formatOf(path);
    if (format === undefined)
      return fail(`cannot tell the format of ${path} from its extension: add --format jsonl|csv|text`);
  }
  const idColumn = stringFlag(values, 'id-column');
  if (idColumn !== undefined && format === 'text') return fail('--id-column needs JSONL or CSV input');
  const fields: FieldNames = {
    text: stringFlag(values, 'text-column') ?? 'text',
    ...(idColumn !== undefined ? { id: idColumn } : {}),
  };

  let input: OpenedInput | undefined;
  if (path !== undefined) {
    const opened = await openInput(path, io.stdin);
    if (!opened.ok) return fail(opened.message);
    input = opened.value;
  }

  let analyzer: ScoringAnalyzer;
  try {
    const modelPath = stringFlag(values, 'model');
    analyzer = await io.loadAnalyzer(modelPath === undefined ? {} : { modelPath });
  } catch (error) {
    input?.stream.destroy();
    io.stderr.write(`attune analyze: could not load the model: ${(error as Error).message}\n`);
    return EXIT.partial;
  }

  const records =
    input === undefined || format === undefined ? argumentRecords(positionals) : recordsFrom(input, format, fields);
  const lang = stringFlag(values, 'lang');
  const options = { cues: booleanFlag(values, 'cues', true), ...(lang !== undefined ? { lang } : {}) };
  const includeText = booleanFlag(values, 'include-text');
  const showProgress = io.stderr.isTTY === true && input !== undefined && path !== '-';
  const bar = createProgressBar(io.stderr, { enabled: showProgress });
  const issues = createIssueReporter(io.stderr, 'analyze', { beforeWrite: () => bar.clear() });
  const out = createLineWriter(io.stdout);
  const started = Date.now();
  let messages = 0;
  const state = (): ProgressState => ({
    bytes: input?.bytesRead() ?? 0,
    totalBytes: input?.size ?? 0,
    messages,
    skipped: issues.count,
    elapsedMs: Date.now() - started,
  });

  let failure: string | undefined;
  let fatal: InputIssue | undefined;
  try {
    for await (const item of records) {
      if (!item.ok) {
        issues.report(item);
        if (item.fatal === true) {
          fatal = item.issue;
          break;
        }
        continue;
      }
      const analysis = analyzeLine(analyzer, item.line, item.text, options);
      const row = {
        ...(item.id !== undefined ? { id: item.id } : {}),
        ...(includeText ? { text: item.text } : {}),
        ...analysis,
      };
      messages++;
      if (!(await out.write(JSON.stringify(row)))) break;
      if ((messages & 255) === 0) bar.update(state());
    }
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    input?.stream.destroy();
  }
  await out.flush();
  bar.clear();
  if (out.error !== undefined) failure ??= `cannot write the output: ${out.error.message}`;
  if (failure !== undefined) io.stderr.write(`attune analyze: stopped: ${failure}\n`);
  // A wrong --text-column is a usage error found late: nothing was analysed, so no summary either.
  if (fatal?.code === 'missing_column') return EXIT.usage;
  if (input !== undefined && (io.stderr.isTTY === true || issues.count > 0)) {
    io.stderr.write(`${formatSummary('analyze', state())}\n`);
  }
  return failure !== undefined || issues.count > 0 ? EXIT.partial : EXIT.ok;
}
