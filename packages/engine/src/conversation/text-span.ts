/**
 * A span of a text, in UTF-16 code units: `0 <= start < end <= text.length`, `text === source.slice(start, end)`.
 * Evidence everywhere in conversation intelligence is a span, so a UI can highlight exactly what was read.
 */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The languages conversation intelligence has patterns for. Other languages get no findings rather than wrong ones. */
export type PatternLang = 'en' | 'zh' | 'ru';

export const PATTERN_LANGS: readonly PatternLang[] = ['en', 'zh', 'ru'];

const HAN = /\p{Script=Han}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * Which pattern language a text is in, by script: Han -> zh, Cyrillic -> ru, Latin -> en. A hint (`en`, `zh-CN`,
 * `ru`) wins when it names one of the three. Returns undefined for text with no letters in these scripts.
 */
export function patternLang(text: string, hint?: string): PatternLang | undefined {
  const h = hint?.slice(0, 2).toLowerCase();
  if (h === 'en' || h === 'zh' || h === 'ru') return h;
  const han = text.match(HAN)?.length ?? 0;
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  // One Han character carries about as much as a three-letter word, hence the weight.
  const zh = han * 3;
  if (zh === 0 && cyr === 0 && lat === 0) return undefined;
  if (zh >= cyr && zh >= lat) return 'zh';
  return cyr >= lat ? 'ru' : 'en';
}

/**
 * Builds a case-insensitive, Unicode regex from alternatives. For en and ru each alternative must stand as whole
 * words (JavaScript's `\b` only knows ASCII letters, so Cyrillic needs explicit letter look-arounds); Chinese has no
 * word boundaries, so alternatives match anywhere.
 */
export function wordsRegex(lang: PatternLang, alternatives: readonly string[]): RegExp {
  // No alternatives must match nothing, not the empty string everywhere.
  if (alternatives.length === 0) return /(?!)/gu;
  const body = alternatives.join('|');
  return lang === 'zh'
    ? new RegExp(`(?:${body})`, 'giu')
    : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Every match of a global regex, as spans. */
export function findSpans(text: string, re: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      // Step over a whole code point: a unicode regex restarted inside a surrogate pair matches at the same place.
      re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans;
}

/** The first match of a global regex, as a span. */
export function firstSpan(text: string, re: RegExp): TextSpan | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m === null ? undefined : { start: m.index, end: m.index + m[0].length, text: m[0] };
}

/** Sentences with their offsets: split after . ! ? 。！？ … and line breaks. */
export function sentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[^.!?。！？…\n]+[.!?。！？…]*/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = m.index + lead;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}

/** The sentence that contains offset `at`, or undefined. */
export function sentenceAt(all: readonly TextSpan[], at: number): TextSpan | undefined {
  return all.find((s) => s.start <= at && at < s.end);
}
