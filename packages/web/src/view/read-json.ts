/**
 * Small readers for JSON whose shape the web app does not control (engine results passed through the server).
 * Each returns undefined instead of throwing, so one unexpected field hides one widget, not the page.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(x: unknown): x is JsonRecord {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function field(x: unknown, key: string): unknown {
  return isRecord(x) ? x[key] : undefined;
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function arr(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? x : [];
}

/** A `{ start, end, text }` span, if `x` is one with sane offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function span(x: unknown): Span | undefined {
  const start = num(field(x, 'start'));
  const end = num(field(x, 'end'));
  const text = str(field(x, 'text'));
  if (start === undefined || end === undefined || text === undefined || start < 0 || end <= start) return undefined;
  return { start, end, text };
}

/** Params for a catalog message: strings and numbers kept, anything else dropped. */
export function params(x: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!isRecord(x)) return out;
  for (const [k, v] of Object.entries(x))
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  return out;
}
