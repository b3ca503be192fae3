import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runAttune, startAttune } from '../testing/spawn-attune.ts';

// End to end: the real executable, the shipped model, temporary files.
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-analyze-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function assertAnalysis(row: Record<string, unknown>): void {
  for (const key of ['lang', 'emotions', 'ekman', 'sentiment', 'cues', 'model'])
    assert.ok(key in row, `no "${key}" in output`);
}

describe('attune analyze', () => {
  it('analyses a message given as an argument and prints one JSON line', async () => {
    const run = await runAttune(['analyze', 'This is the THIRD time I write!!! Where is my refund?']);
    assert.equal(run.code, 0, run.stderr);
    const rows = jsonLines(run.stdout);
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.ok(row !== undefined);
    assertAnalysis(row);
    assert.equal((row['lang'] as { tag: string }).tag, 'en');
    assert.ok(Array.isArray(row['cues']) && row['cues'].length > 0, 'cues are included by default');
    assert.equal(run.stderr, '');
  });

  it('reads one message per line from stdin, passing over blank lines', async () => {
    const run = await runAttune(['analyze', '--no-cues', '--include-text'], {
      input: 'Where is my order?\n\n谢谢你们！\r\nСпасибо, всё работает\n',
    });
    assert.equal(run.code, 0, run.stderr);
    const rows = jsonLines(run.stdout);
    assert.deepEqual(
      rows.map((r) => r['text']),
      ['Where is my order?', '谢谢你们！', 'Спасибо, всё работает'],
    );
    assert.deepEqual(
      rows.map((r) => (r['lang'] as { tag: string }).tag),
      ['en', 'zh', 'ru'],
    );
    assert.ok(
      rows.every((r) => Array.isArray(r['cues']) && r['cues'].length === 0),
      '--no-cues leaves cues out',
    );
  });

  it('uses the language given with --lang instead of detecting it', async () => {
    const run = await runAttune(['analyze', '--lang', 'ru', 'ok']);
    assert.deepEqual(jsonLines(run.stdout)[0]?.['lang'], { tag: 'ru', confidence: 1, source: 'given' });
  });

  it('reads JSONL with ids, reports bad lines by number, skips them and exits 1', async () => {
    const path = file(
      'messages.jsonl',
      [
        '{"ticket": "a1", "text": "I am furious"}',
        '{"ticket": "a2", "text": "thanks a lot"}',
        '{oops',
        '{"ticket": "a4"}',
        '',
        '{"ticket": 5, "text": "worried about my card"}',
      ].join('\n'),
    );
    const run = await runAttune(['analyze', '--file', path, '--id-column', 'ticket']);
    assert.equal(run.code, 1);
    assert.deepEqual(
      jsonLines(run.stdout).map((r) => r['id']),
      ['a1', 'a2', 5],
    );
    assert.match(run.stderr, /line 3: invalid JSON/);
    assert.match(run.stderr, /line 4: no "text" field/);
    assert.match(run.stderr, /3 messages in .*, 2 lines skipped/);
  });

  it('reads CSV with a header, quoted commas and newlines, and a named text column', async () => {
    const path = file(
      'tickets.csv',
      'id,body\nT1,"Hello, where is my refund?"\nT2,"line one\nline two"\nT3,too,many\nT4,thanks\n',
    );
    const run = await runAttune([
      'analyze',
      '-f',
      path,
      '--text-column',
      'body',
      '--id-column',
      'id',
      '--include-text',
    ]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      jsonLines(run.stdout).map((r) => [r['id'], r['text']]),
      [
        ['T1', 'Hello, where is my refund?'],
        ['T2', 'line one\nline two'],
        ['T4', 'thanks'],
      ],
    );
    assert.match(run.stderr, /line 5: invalid CSV/);
  });

  it('stops at once with exit code 2 when the CSV has no such column', async () => {
    const path = file('wrong.csv', 'id,message\n1,hello\n');
    const run = await runAttune(['analyze', '-f', path]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no column "text" in the header \(columns: id, message\)/);
  });

  it('stops quietly with exit code 0 when the reader closes the pipe early, as | head does', async () => {
    const path = file('many.txt', 'Where is my refund?!\n'.repeat(20_000));
    const child = startAttune(['analyze', '--file', path, '--no-cues']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (c: Buffer) => resolve(c.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(first.startsWith('{'));
    assert.equal(code, 0);
    assert.equal(stderr, '');
  });
});
