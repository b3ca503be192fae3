import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { createLineWriter } from './line-writer.ts';

describe('createLineWriter', () => {
  it('writes every line, newline-terminated and in order', async () => {
    const sink = new PassThrough();
    const chunks: string[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c.toString()));
    const writer = createLineWriter(sink, { batchChars: 10 });
    for (let i = 0; i < 50; i++) assert.equal(await writer.write(`line ${i}`), true);
    assert.equal(await writer.flush(), true);
    assert.equal(chunks.join(''), Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join(''));
  });

  it('waits for a slow reader instead of buffering without bound', async () => {
    let pendingCallbacks = 0;
    let maxBuffered = 0;
    const release: (() => void)[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, callback) {
        pendingCallbacks++;
        release.push(() => {
          pendingCallbacks--;
          callback();
        });
      },
    });
    const writer = createLineWriter(slow, { batchChars: 512 });
    const line = 'x'.repeat(100);
    let written = 0;
    const producer = (async () => {
      for (let i = 0; i < 2000; i++) {
        if (!(await writer.write(line))) break;
        written++;
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
      }
      await writer.flush();
    })();
    // Let the producer run into the full buffer, then check it stopped there.
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(written < 2000, 'the producer did not wait');
    assert.ok(maxBuffered < 4096, `buffered ${maxBuffered} bytes`);
    // Drain the reader slowly until the producer is done.
    while (written < 2000 || release.length > 0) {
      release.splice(0).forEach((f) => f());
      await new Promise((r) => setImmediate(r));
    }
    await producer;
    assert.equal(pendingCallbacks, 0);
    assert.equal(written, 2000);
  });

  it('reports a closed reader (EPIPE) as false, not as an error', async () => {
    const sink = new Writable({
      write(_c, _e, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const writer = createLineWriter(sink, { batchChars: 1 });
    await writer.write('first');
    await new Promise((r) => setImmediate(r));
    assert.equal(await writer.write('second'), false);
    assert.equal(writer.error, undefined);
  });

  it('keeps any other write error for the caller to report', async () => {
    const sink = new Writable({
      write(_c, _e, callback) {
        callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const writer = createLineWriter(sink, { batchChars: 1 });
    await writer.write('x');
    await new Promise((r) => setImmediate(r));
    assert.equal(await writer.flush(), false);
    assert.match(writer.error?.message ?? '', /no space left/);
  });
});
