/** One line of a text input, numbered from 1 as editors do, without its line terminator. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Splits a byte or string stream into lines, holding at most one chunk plus one partial line in memory.
 * Pulling from the async iterator is what reads the stream, so a slow consumer slows the reading
 * (backpressure) instead of letting lines pile up. Handles `\n` and `\r\n`, UTF-8 sequences split across
 * chunks, a byte-order mark, and a last line without a terminator.
 *
 * @example
 * ```ts
 * for await (const { line, text } of readLines(createReadStream('messages.jsonl'))) { ... }
 * ```
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<NumberedLine> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl === -1) {
      pending += text;
      continue;
    }
    // The first line of this chunk completes whatever the previous chunk left unfinished.
    yield { line: ++line, text: stripCr(pending + text.slice(0, nl)) };
    pending = '';
    start = nl + 1;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      yield { line: ++line, text: stripCr(text.slice(start, nl)) };
      start = nl + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { line: ++line, text: stripCr(pending) };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
