import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readLines, type NumberedLine } from './read-lines.ts';

async function collect(chunks: readonly (Uint8Array | string)[]): Promise<NumberedLine[]> {
  const out: NumberedLine[] = [];
  async function* source(): AsyncGenerator<Uint8Array | string> {
    yield* chunks;
  }
  for await (const l of readLines(source())) out.push(l);
  return out;
}

describe('readLines', () => {
  it('numbers lines from 1 and drops \\n and \\r\\n terminators', async () => {
    assert.deepEqual(await collect(['one\r\ntwo\nthree']), [
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
      { line: 3, text: 'three' },
    ]);
  });

  it('keeps empty lines so line numbers match the file, but adds none after a final newline', async () => {
    assert.deepEqual(
      (await collect(['a\n\nb\n'])).map((l) => l.text),
      ['a', '', 'b'],
    );
  });

  it('joins a line split across chunks, including a UTF-8 character cut in half', async () => {
    const bytes = new TextEncoder().encode('我很生气\nзлой\n');
    // Cut inside the 3-byte encoding of 很 and inside the 2-byte encoding of л.
    const lines = await collect([bytes.slice(0, 4), bytes.slice(4, 14), bytes.slice(14)]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['我很生气', 'злой'],
    );
  });

  it('removes a UTF-8 byte-order mark from the first line only', async () => {
    const lines = await collect([new Uint8Array([0xef, 0xbb, 0xbf]), 'text,id\n\ufeffx']);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['text,id', '\ufeffx'],
    );
  });

  it('yields nothing for an empty stream', async () => {
    assert.deepEqual(await collect([]), []);
  });

  it('gives back the original lines however the text is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme' }).filter((s) => !/[\n\r]/.test(s) && !s.startsWith('\ufeff')),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (lines, cuts) => {
          const bytes = new TextEncoder().encode(lines.join('\n'));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.slice(from, p));
            from = p;
          }
          const got = (await collect(chunks)).map((l) => l.text);
          // A trailing empty line is indistinguishable from a final terminator.
          const want = lines.at(-1) === '' ? lines.slice(0, -1) : lines;
          assert.deepEqual(got, want);
        },
      ),
    );
  });
});
