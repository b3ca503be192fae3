import type { PatternLang, TextSpan } from '../conversation/text-span.ts';

/**
 * The agent's own canned phrases: word 4-grams (en, ru) or 6-character runs (zh) that the agent has already used
 * in at least `minReplies` earlier replies of this conversation. Built once per conversation state, then checked
 * against each keystroke of the draft.
 */
export interface PhraseMemory {
  readonly lang: PatternLang;
  /** Normalised n-gram -> number of earlier replies it appeared in. */
  readonly counts: ReadonlyMap<string, number>;
  readonly minReplies: number;
}

const WORD = /[\p{L}\p{N}']+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const WORD_N = 4;
const HAN_N = 6;

interface Gram {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

function grams(text: string, lang: PatternLang): Gram[] {
  const out: Gram[] = [];
  if (lang === 'zh') {
    for (const m of text.matchAll(HAN_RUN)) {
      const run = m[0];
      for (let i = 0; i + HAN_N <= run.length; i++)
        out.push({ key: run.slice(i, i + HAN_N), start: m.index + i, end: m.index + i + HAN_N });
    }
    return out;
  }
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i + WORD_N <= words.length; i++) {
    const first = words[i] as RegExpMatchArray;
    const last = words[i + WORD_N - 1] as RegExpMatchArray;
    const key = words
      .slice(i, i + WORD_N)
      .map((w) => w[0].toLowerCase())
      .join(' ');
    out.push({ key, start: first.index ?? 0, end: (last.index ?? 0) + last[0].length });
  }
  return out;
}

/** Remembers the phrases of earlier agent replies (most recent `window` replies). */
export function phraseMemory(
  previousReplies: readonly string[],
  lang: PatternLang,
  options: { window?: number; minReplies?: number } = {},
): PhraseMemory {
  const window = options.window ?? 10;
  const counts = new Map<string, number>();
  for (const reply of previousReplies.slice(-window)) {
    for (const key of new Set(grams(reply, lang).map((g) => g.key))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { lang, counts, minReplies: options.minReplies ?? 2 };
}

/** Spans of the draft the agent has already used in `minReplies` or more earlier replies, merged where they overlap. */
export function repeatedPhrases(
  draft: string,
  memory: PhraseMemory,
): { readonly span: TextSpan; readonly times: number }[] {
  const hits: { start: number; end: number; times: number }[] = [];
  for (const g of grams(draft, memory.lang)) {
    const times = memory.counts.get(g.key) ?? 0;
    if (times < memory.minReplies) continue;
    const last = hits[hits.length - 1];
    if (last !== undefined && g.start <= last.end) {
      last.end = Math.max(last.end, g.end);
      last.times = Math.max(last.times, times);
    } else hits.push({ start: g.start, end: g.end, times });
  }
  return hits.map((h) => ({ span: { start: h.start, end: h.end, text: draft.slice(h.start, h.end) }, times: h.times }));
}
