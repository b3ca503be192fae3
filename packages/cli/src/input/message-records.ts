import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { jsonTypeOf, type LocatedIssue } from './input-issue.ts';
import type { NumberedLine } from './read-lines.ts';

/** One message to analyse, with the line it came from and the id the caller asked to carry through. */
export interface MessageRecord {
  readonly line: number;
  readonly text: string;
  /** The id column's value as it was (a JSON string or number, a CSV string). */
  readonly id?: string | number;
}

export type RecordItem = ({ readonly ok: true } & MessageRecord) | ({ readonly ok: false } & LocatedIssue);

export interface FieldNames {
  /** The field or column holding the text. */
  readonly text: string;
  /** The field or column holding an id to copy to the output, if any. */
  readonly id?: string;
}

/** Plain text, one message per line; blank lines are not messages and are passed over. */
export async function* textRecords(lines: AsyncIterable<NumberedLine>): AsyncGenerator<RecordItem> {
  for await (const { line, text } of lines) {
    if (text.trim() !== '') yield { ok: true, line, text };
  }
}

/** JSON Lines: one object per line, the text in `fields.text`. Blank lines are passed over. */
export async function* jsonlRecords(
  lines: AsyncIterable<NumberedLine>,
  fields: FieldNames,
): AsyncGenerator<RecordItem> {
  for await (const { line, text } of lines) {
    if (text.trim() === '') continue;
    yield fromJsonLine(line, text, fields);
  }
}

/** Reads one JSONL line; exported for the eval command, which needs other fields of the same object. */
export function parseJsonObject(
  line: number,
  text: string,
): { readonly ok: true; readonly value: Readonly<Record<string, unknown>> } | ({ readonly ok: false } & LocatedIssue) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, line, issue: { code: 'invalid_json', detail: (error as Error).message } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, line, issue: { code: 'not_an_object', received: jsonTypeOf(value) } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function fromJsonLine(line: number, text: string, fields: FieldNames): RecordItem {
  const parsed = parseJsonObject(line, text);
  if (!parsed.ok) return parsed;
  return fromFields(line, parsed.value, fields);
}

function fromFields(line: number, object: Readonly<Record<string, unknown>>, fields: FieldNames): RecordItem {
  if (!Object.hasOwn(object, fields.text))
    return { ok: false, line, issue: { code: 'missing_field', field: fields.text } };
  const value = object[fields.text];
  if (typeof value !== 'string') {
    return { ok: false, line, issue: { code: 'not_a_string', field: fields.text, received: jsonTypeOf(value) } };
  }
  if (fields.id === undefined) return { ok: true, line, text: value };
  const id = object[fields.id];
  if (id === undefined) return { ok: false, line, issue: { code: 'missing_field', field: fields.id } };
  if (typeof id !== 'string' && typeof id !== 'number') {
    return { ok: false, line, issue: { code: 'not_a_string', field: fields.id, received: jsonTypeOf(id) } };
  }
  return { ok: true, line, text: value, id };
}

/**
 * CSV with a header row, parsed by csv-parse's streaming API so memory stays bounded. Records with a
 * wrong number of fields or broken quoting are reported and skipped; a header without the text (or id)
 * column is fatal, since every record would fail the same way. `line` is the line a record ends on.
 */
export async function* csvRecords(input: Readable, fields: FieldNames): AsyncGenerator<RecordItem> {
  const skipped: LocatedIssue[] = [];
  let header: readonly string[] | undefined;
  const parser = parseCsv({
    bom: true,
    columns: (names: string[]) => {
      header = names;
      return names;
    },
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      skipped.push({
        line: (error as { lines?: number } | undefined)?.lines ?? 0,
        issue: { code: 'invalid_csv', detail: error?.message ?? 'unreadable record' },
      });
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let checked = false;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      // The parser runs ahead of the consumer by a chunk, so problems it met are held back until their turn.
      while (skipped.length > 0 && (skipped[0]?.line ?? 0) < item.info.lines) {
        const issue = skipped.shift();
        if (issue !== undefined) yield { ok: false, ...issue };
      }
      if (!checked) {
        checked = true;
        for (const column of [fields.text, fields.id]) {
          if (column !== undefined && !(header ?? []).includes(column)) {
            yield {
              ok: false,
              line: 1,
              fatal: true,
              issue: { code: 'missing_column', column, available: header ?? [] },
            };
            return;
          }
        }
      }
      const { record, info } = item;
      const text = record[fields.text] ?? '';
      const id = fields.id === undefined ? undefined : record[fields.id];
      yield id === undefined ? { ok: true, line: info.lines, text } : { ok: true, line: info.lines, text, id };
    }
  } catch (error) {
    // Anything skip_records_with_error does not absorb (it does absorb a quote left open at the end).
    const e = error as Error & { lines?: number; code?: string };
    if (e.code?.startsWith('CSV_') !== true) throw error;
    for (const issue of skipped.splice(0)) yield { ok: false, ...issue };
    yield { ok: false, line: e.lines ?? 0, fatal: true, issue: { code: 'invalid_csv', detail: e.message } };
    return;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  for (const issue of skipped.splice(0)) yield { ok: false, ...issue };
  if (!checked && header !== undefined) {
    // A header with no records: still say so if the column is missing, so a typo is not silent.
    for (const column of [fields.text, fields.id]) {
      if (column !== undefined && !header.includes(column)) {
        yield { ok: false, line: 1, fatal: true, issue: { code: 'missing_column', column, available: header } };
        return;
      }
    }
  }
}
