/** An expected failure is a value: a code for the API edge to render, plus parameters. */
export interface Issue {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, params?: Readonly<Record<string, unknown>>): Result<T> {
  return { ok: false, issues: [params === undefined ? { code } : { code, params }] };
}
