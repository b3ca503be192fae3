import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { csvRecords, jsonlRecords, textRecords, type RecordItem } from './message-records.ts';
import { describeIssue } from './input-issue.ts';
import { readLines } from './read-lines.ts';

async function collect(items: AsyncIterable<RecordItem>): Promise<RecordItem[]> {
  const out: RecordItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const lines = (text: string) => readLines(Readable.from([Buffer.from(text)]));

describe('textRecords', () => {
  it('makes each non-blank line a message and keeps its line number', async () => {
    assert.deepEqual(await collect(textRecords(lines('hello\n\n  \nworld\n'))), [
      { ok: true, line: 1, text: 'hello' },
      { ok: true, line: 4, text: 'world' },
    ]);
  });
});

describe('jsonlRecords', () => {
  it('reads the text field and carries the id through', async () => {
    const got = await collect(
      jsonlRecords(lines('{"id": 7, "body": "hi"}\n{"id": "b", "body": "yo"}\n'), { text: 'body', id: 'id' }),
    );
    assert.deepEqual(got, [
      { ok: true, line: 1, text: 'hi', id: 7 },
      { ok: true, line: 2, text: 'yo', id: 'b' },
    ]);
  });

  it('reports bad lines with their line numbers and goes on', async () => {
    const input = ['{"text": "ok"}', '{not json', '[1]', '{"msg": "x"}', '{"text": 5}', '', '{"text": "last"}'].join(
      '\n',
    );
    const got = await collect(jsonlRecords(lines(input), { text: 'text' }));
    assert.deepEqual(
      got.map((r) => (r.ok ? `${r.line}: ${r.text}` : `${r.line}: ${describeIssue(r.issue)}`)),
      [
        '1: ok',
        `2: invalid JSON (${(() => {
          try {
            JSON.parse('{not json');
          } catch (e) {
            return (e as Error).message;
          }
        })()})`,
        '3: expected a JSON object, got array',
        '4: no "text" field',
        '5: "text" should be a string, got number',
        '7: last',
      ],
    );
  });

  it('reports a missing id when an id field was asked for', async () => {
    const [item] = await collect(jsonlRecords(lines('{"text": "x"}'), { text: 'text', id: 'ticket' }));
    assert.deepEqual(item, { ok: false, line: 1, issue: { code: 'missing_field', field: 'ticket' } });
  });
});

describe('csvRecords', () => {
  const csv = (text: string, fields: { text: string; id?: string }) =>
    collect(csvRecords(Readable.from([text]), fields));

  it('reads the named column under a header row, with quoted commas and newlines', async () => {
    const got = await csv('id,text\n1,"Hello, world"\n2,"two\nlines"\n3,plain\n', { text: 'text', id: 'id' });
    assert.deepEqual(got, [
      { ok: true, line: 2, text: 'Hello, world', id: '1' },
      { ok: true, line: 4, text: 'two\nlines', id: '2' },
      { ok: true, line: 5, text: 'plain', id: '3' },
    ]);
  });

  it('skips a record with the wrong number of fields, reporting its line, and goes on', async () => {
    const got = await csv('id,text\n1,a\n2,b,extra\n3,c\n', { text: 'text' });
    assert.deepEqual(
      got.map((r) => (r.ok ? r.text : `line ${r.line}: ${r.issue.code}`)),
      ['a', 'line 3: invalid_csv', 'c'],
    );
  });

  it('stops at once when the header lacks the text column, listing the columns it has', async () => {
    const got = await csv('id,body\n1,a\n2,b\n', { text: 'text' });
    assert.equal(got.length, 1);
    const [only] = got;
    assert.ok(only !== undefined && !only.ok && only.fatal === true);
    assert.equal(describeIssue(only.issue), 'no column "text" in the header (columns: id, body)');
  });

  it('reports a quote left open at the end with its line, keeping the records before it', async () => {
    const got = await csv('text\nfine\n"never closed\n', { text: 'text' });
    assert.deepEqual(
      got.map((r) => (r.ok ? r.text : `line ${r.line}: ${r.issue.code}`)),
      ['fine', 'line 3: invalid_csv'],
    );
  });

  it('drops a byte-order mark before the header', async () => {
    assert.deepEqual(await csv('\ufefftext\nhi\n', { text: 'text' }), [{ ok: true, line: 2, text: 'hi' }]);
  });
});
