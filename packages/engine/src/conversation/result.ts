/** An expected failure is a value, never an exception: callers must look at `ok` before using `value`. */
export type Result<T, I> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly I[] };
