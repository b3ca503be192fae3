/**
 * Rounds every non-integer number in a JSON-like value to `digits` decimals, so reports read well and
 * compare stably across runs (floating-point noise below 1e-4 is not a difference worth a diff).
 */
export function roundReport(value: unknown, digits = 4): unknown {
  if (typeof value === 'number') {
    if (Number.isInteger(value) || !Number.isFinite(value)) return value;
    const f = 10 ** digits;
    return Math.round(value * f) / f;
  }
  if (Array.isArray(value)) return value.map((v) => roundReport(v, digits));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundReport(v, digits)]));
  }
  return value;
}

/** Adds `key: value` right after `after` (or at the end), keeping the documented key order of a report. */
export function insertAfter(
  report: Readonly<Record<string, unknown>>,
  after: string,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(report)) {
    out[k] = v;
    if (k === after) {
      out[key] = value;
      placed = true;
    }
  }
  if (!placed) out[key] = value;
  return out;
}
