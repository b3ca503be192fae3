/**
 * Reading files of a static directory for HTTP: URL paths mapped to files that can only lie inside the directory,
 * content types by extension, and how long a browser may keep each kind of file.
 */
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name; unknown kinds are opaque bytes (with nosniff, never run as script). */
export function contentTypeFor(fileName: string): string {
  return contentTypes[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Cache-Control for a URL path. The build names files under `/assets/` by their content hash, so a browser may keep
 * them for a year; everything else (index.html above all, which names the current hashes) is revalidated each time.
 */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The path segments of a URL path, percent-decoded, or undefined when a segment could step out of the directory
 * or hide a separator: `..` and `.` (also as `%2e%2e`), `/` or `\` encoded inside a segment (`..%2f`), NUL, or
 * malformed escapes. Empty segments (`//`) are dropped.
 */
export function safeSegments(urlPath: string): readonly string[] | undefined {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

export interface StaticFile {
  readonly path: string;
  readonly size: number;
  readonly modifiedMs: number;
}

/**
 * The regular file a URL path names inside `root`, or undefined when there is none or the path is not safe.
 * `/` and directory paths name nothing: the caller decides what a directory means.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const segments = safeSegments(urlPath);
  if (segments === undefined || segments.length === 0) return undefined;
  const base = resolve(root);
  const path = resolve(join(base, ...segments));
  // Belt and braces after safeSegments: whatever the path became, it must still be below root.
  if (!path.startsWith(base + sep)) return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, modifiedMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** A weak validator from size and modification time: cheap, and changes whenever a rebuild rewrites the file. */
export function etagFor(file: StaticFile): string {
  return `W/"${file.size.toString(16)}-${Math.floor(file.modifiedMs).toString(16)}"`;
}

/** Encodings the build writes beside each compressible file (`app.js.br`, `app.js.gz`), best first. */
const precompressed = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** Whether an Accept-Encoding header accepts an encoding (a `;q=0` refuses it; `*` accepts any). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (header === undefined) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const refused = q !== undefined && Number(q) === 0;
    if (name.trim() === encoding) return !refused;
    if (name.trim() === '*') wildcard = !refused;
  }
  return wildcard;
}

/**
 * The precompressed sibling of a file to send for an Accept-Encoding header, or undefined to send the file itself.
 * Only siblings at least as new as the file count, so a rebuilt file is never answered with a stale compression.
 */
export async function precompressedVariant(
  file: StaticFile,
  acceptEncoding: string | undefined,
): Promise<{ readonly encoding: string; readonly file: StaticFile } | undefined> {
  for (const { encoding, suffix } of precompressed) {
    if (!acceptsEncoding(acceptEncoding, encoding)) continue;
    try {
      const info = await stat(file.path + suffix);
      if (info.isFile() && info.mtimeMs >= file.modifiedMs)
        return { encoding, file: { path: file.path + suffix, size: info.size, modifiedMs: info.mtimeMs } };
    } catch {
      // No such variant: try the next, or send the file as it is.
    }
  }
  return undefined;
}
