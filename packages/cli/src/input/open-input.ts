import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { InputStream } from '../cli-io.ts';

/** An opened input and how far reading it has got, for progress. */
export interface OpenedInput {
  readonly stream: InputStream;
  /** Size in bytes, 0 when unknown (stdin). */
  readonly size: number;
  bytesRead(): number;
}

/**
 * Opens a file for streaming, or stdin for `-`. A missing or unreadable file is an expected failure
 * (a typo in a path), returned as a message rather than thrown.
 */
export async function openInput(
  path: string,
  stdin: InputStream,
): Promise<{ readonly ok: true; readonly value: OpenedInput } | { readonly ok: false; readonly message: string }> {
  if (path === '-') return { ok: true, value: { stream: stdin, size: 0, bytesRead: () => 0 } };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${path} is not a file` };
    const stream: ReadStream = createReadStream(path, { highWaterMark: 64 * 1024 });
    return { ok: true, value: { stream, size: info.size, bytesRead: () => stream.bytesRead } };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    };
  }
}
