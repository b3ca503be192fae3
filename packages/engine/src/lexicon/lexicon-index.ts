import { EMOTION_POLARITY, EMOTIONS, SENTIMENTS, type Emotion, type Sentiment } from '../emotion/taxonomy.ts';
import type { LanguageLexicon, SymbolEntry } from './lexicon.ts';

/** A lexicon term resolved to indexes, ready for the scanner. */
export interface CompiledTerm {
  readonly term: string;
  /** Index into EMOTIONS, or -1 for a pure polarity term. */
  readonly emotion: number;
  /** Index into SENTIMENTS. */
  readonly sentiment: number;
  readonly strength: number;
}

interface PhraseTerm {
  readonly tokens: readonly string[];
  readonly value: CompiledTerm;
}

interface PrefixTerm {
  readonly prefix: string;
  readonly value: CompiledTerm;
}

interface CharTerm<T> {
  readonly term: string;
  readonly value: T;
}

/** Prefix terms are bucketed by their first few letters, so a token checks only a handful of them. */
const PREFIX_KEY = 3;

/** The lexicons an emotion model was trained with, as stored inside the model file. */
export interface LexiconBundle {
  readonly languages: readonly LanguageLexicon[];
  readonly symbols: readonly SymbolEntry[];
}

/**
 * Lookup structures compiled from a lexicon bundle. Space-delimited languages (en, ru) share the token maps:
 * their scripts differ, so their words never collide, and a Latin word inside a Russian message still matches.
 * Chinese terms are matched by characters inside runs of Han characters.
 */
export class LexiconIndex {
  readonly words = new Map<string, CompiledTerm>();
  readonly phrases = new Map<string, PhraseTerm[]>();
  /** Prefix terms keyed by their first three code units packed into one number (no substring per lookup). */
  readonly prefixes = new Map<number, PrefixTerm[]>();
  readonly hanTerms = new Map<number, CharTerm<CompiledTerm>[]>();
  readonly negatorWords = new Set<string>();
  readonly hanNegators: string[] = [];
  /** First characters of Chinese negators, to skip the negator check at most positions. */
  readonly hanNegatorFirst = new Set<number>();
  readonly modifierWords = new Map<string, number>();
  readonly modifierPhrases = new Map<string, { readonly tokens: readonly string[]; readonly factor: number }[]>();
  readonly hanModifiers = new Map<number, CharTerm<number>[]>();
  /** Emoji by their exact string (incl. variation selectors stripped). */
  readonly emoji = new Map<string, CompiledTerm>();
  /** Emoticons by first code unit, longest first. */
  readonly emoticons = new Map<number, CharTerm<CompiledTerm>[]>();

  constructor(bundle: LexiconBundle) {
    for (const lexicon of bundle.languages) {
      const isHanLanguage = lexicon.lang === 'zh';
      for (const entry of lexicon.entries) {
        const term = normalizeTerm(entry.term);
        if (term.length === 0) continue;
        const value = compileTerm(term, entry.emotion, entry.sentiment, entry.strength);
        if (isHanLanguage) addCharTerm(this.hanTerms, term, value);
        else if (term.endsWith('*')) {
          const prefix = term.slice(0, -1);
          const key = prefixKey(prefix);
          const list = this.prefixes.get(key) ?? [];
          list.push({ prefix, value });
          list.sort((a, b) => b.prefix.length - a.prefix.length);
          this.prefixes.set(key, list);
        } else if (term.includes(' ')) {
          const tokens = term.split(' ');
          const first = tokens[0] as string;
          const list = this.phrases.get(first) ?? [];
          list.push({ tokens, value });
          list.sort((a, b) => b.tokens.length - a.tokens.length);
          this.phrases.set(first, list);
        } else if (!this.words.has(term) || (this.words.get(term) as CompiledTerm).strength < value.strength) {
          this.words.set(term, value);
        }
      }
      for (const raw of lexicon.negators) {
        const negator = normalizeTerm(raw);
        if (isHanLanguage) this.hanNegators.push(negator);
        else this.negatorWords.add(negator);
      }
      for (const modifier of lexicon.modifiers) {
        const term = normalizeTerm(modifier.term);
        if (isHanLanguage) addCharTerm(this.hanModifiers, term, modifier.factor);
        else if (term.includes(' ')) {
          const tokens = term.split(' ');
          const first = tokens[0] as string;
          const list = this.modifierPhrases.get(first) ?? [];
          list.push({ tokens, factor: modifier.factor });
          list.sort((a, b) => b.tokens.length - a.tokens.length);
          this.modifierPhrases.set(first, list);
        } else this.modifierWords.set(term, modifier.factor);
      }
    }
    this.hanNegators.sort((a, b) => b.length - a.length);
    for (const negator of this.hanNegators) this.hanNegatorFirst.add(negator.charCodeAt(0));
    for (const symbol of bundle.symbols) {
      const value = compileTerm(symbol.symbol, symbol.emotion, symbol.sentiment, symbol.strength);
      if (symbol.kind === 'emoji') this.emoji.set(stripVariationSelectors(symbol.symbol), value);
      else addCharTerm(this.emoticons, symbol.symbol, value);
    }
  }

  /** The term matching a single (lowercased, de-elongated) token, exact match first, then the longest prefix. */
  lookupWord(token: string): CompiledTerm | undefined {
    const exact = this.words.get(token);
    if (exact !== undefined) return exact;
    if (token.length < PREFIX_KEY) return undefined;
    const candidates = this.prefixes.get(prefixKey(token));
    if (candidates === undefined) return undefined;
    for (const candidate of candidates) if (token.startsWith(candidate.prefix)) return candidate.value;
    return undefined;
  }
}

function prefixKey(s: string): number {
  return s.charCodeAt(0) * 4294967296 + s.charCodeAt(1) * 65536 + s.charCodeAt(2);
}

function addCharTerm<T>(map: Map<number, CharTerm<T>[]>, term: string, value: T): void {
  const key = term.charCodeAt(0);
  const list = map.get(key) ?? [];
  if (list.some((t) => t.term === term)) return;
  list.push({ term, value });
  list.sort((a, b) => b.term.length - a.term.length);
  map.set(key, list);
}

function compileTerm(
  term: string,
  emotion: Emotion | undefined,
  sentiment: Sentiment | undefined,
  strength: number,
): CompiledTerm {
  const polarity: Sentiment = sentiment ?? (emotion !== undefined ? EMOTION_POLARITY[emotion] : 'neutral');
  return {
    term,
    emotion: emotion === undefined || emotion === 'neutral' ? -1 : EMOTIONS.indexOf(emotion),
    sentiment: SENTIMENTS.indexOf(polarity),
    strength: Math.max(0, Math.min(1, strength)),
  };
}

/** Lowercase, single spaces, typographic apostrophes and ё folded: the same normalization tokens get. */
export function normalizeTerm(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\u2019/g, "'")
    .replace(/ё/g, 'е');
}

export function stripVariationSelectors(s: string): string {
  return s.replace(/[\uFE0E\uFE0F]/g, '');
}
