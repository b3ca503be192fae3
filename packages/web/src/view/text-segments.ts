/** A span of a text tagged with an id (a cue, a coach finding) that the UI can highlight. */
export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
  readonly id: string;
}

/** A run of text covered by the same set of tagged spans. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Ids of every span covering this run, in the order given; empty for plain text. */
  readonly ids: readonly string[];
}

/**
 * Cuts a text at every span boundary so overlapping evidence can be highlighted independently: hovering one
 * emotion chip lights up its words even where another emotion's cue overlaps them. Spans are clamped to the text
 * and empty ones dropped. Offsets are UTF-16 code units, as the engine reports them; a boundary that would split a
 * surrogate pair is moved past it so no half-emoji is ever rendered.
 *
 * @example
 * ```ts
 * segmentText('so ANGRY!!!', [{ start: 3, end: 8, id: 'caps' }, { start: 8, end: 11, id: 'excl' }]);
 * // [{ text: 'so ', ids: [] }, { text: 'ANGRY', ids: ['caps'] }, { text: '!!!', ids: ['excl'] }]
 * ```
 */
export function segmentText(text: string, spans: readonly TaggedSpan[]): Segment[] {
  const n = text.length;
  const clean = spans
    .map((s) => ({
      id: s.id,
      start: safeBoundary(text, clamp(s.start, 0, n)),
      end: safeBoundary(text, clamp(s.end, 0, n)),
    }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, n]);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const ids = clean.filter((s) => s.start <= start && end <= s.end).map((s) => s.id);
    const prev = out[out.length - 1];
    // Merge neighbours with the same coverage so plain text stays one node.
    if (prev !== undefined && sameIds(prev.ids, ids))
      out[out.length - 1] = { start: prev.start, end, text: text.slice(prev.start, end), ids };
    else out.push({ start, end, text: text.slice(start, end), ids });
  }
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? lo : x < lo ? lo : x > hi ? hi : Math.floor(x);
}

function safeBoundary(text: string, at: number): number {
  const code = text.charCodeAt(at);
  // A low surrogate at `at` means the boundary falls inside a pair.
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
