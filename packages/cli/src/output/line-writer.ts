import type { Writable } from 'node:stream';

/**
 * Writes lines to a stream in batches, waiting whenever the stream asks to (`write` returned false) so
 * a slow reader slows the producer instead of growing memory. A reader that goes away (`| head`
 * closing the pipe: EPIPE) is not an error: `write` resolves to false and the producer stops quietly.
 */
export interface LineWriter {
  /** Queues one line (a newline is added). Resolves to false once the reader is gone. */
  write(line: string): Promise<boolean>;
  /** Writes whatever is queued and waits until the stream accepted it. Resolves to false if the reader is gone. */
  flush(): Promise<boolean>;
  /** An error other than a closed reader (a full disk, say), if one happened. */
  readonly error: Error | undefined;
}

const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * @param batchChars lines are joined until this many characters are queued, or until the event loop
 * turns (so an interactive `tail -f | attune analyze` sees each line promptly).
 */
export function createLineWriter(stream: Writable, { batchChars = 64 * 1024 } = {}): LineWriter {
  let parts: string[] = [];
  let size = 0;
  let closed = false;
  let error: Error | undefined;
  let drained: Promise<void> | undefined;
  let scheduled = false;
  let wake: (() => void) | undefined;

  const onGone = (e?: Error): void => {
    closed = true;
    const code = (e as (Error & { code?: string }) | undefined)?.code;
    if (e !== undefined && !READER_GONE.has(code ?? '')) error ??= e;
    wake?.();
  };
  stream.on('error', onGone);
  stream.once('close', () => onGone());

  const flushNow = (): void => {
    scheduled = false;
    if (parts.length === 0) return;
    const chunk = parts.join('');
    parts = [];
    size = 0;
    if (closed) return;
    if (!stream.write(chunk) && drained === undefined) {
      drained = new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          wake = undefined;
          drained = undefined;
          resolve();
        };
        wake = done;
        stream.on('drain', done);
      });
    }
  };

  return {
    async write(line) {
      if (closed) return false;
      parts.push(line, '\n');
      size += line.length + 1;
      if (size >= batchChars) flushNow();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flushNow);
      }
      if (drained !== undefined) await drained;
      return !closed;
    },
    async flush() {
      flushNow();
      if (drained !== undefined) await drained;
      return !closed;
    },
    get error() {
      return error;
    },
  };
}
