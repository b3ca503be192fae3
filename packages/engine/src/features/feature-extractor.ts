import {
  isApostrophe,
  isBmpSymbol,
  isClauseBreak,
  isCyrillic,
  isDigit,
  isExclamation,
  isHan,
  isHighSurrogate,
  isLatinLetter,
  isLowSurrogate,
  isQuestionMark,
  isWordChar,
} from '../text/char-class.ts';
import type { CompiledTerm, LexiconIndex } from '../lexicon/lexicon-index.ts';
import { stripVariationSelectors } from '../lexicon/lexicon-index.ts';
import { DENSE, DENSE_COUNT, nonNeutralIndex } from './dense-features.ts';
import { finalizeHash, hashPair, hashStep, hashString, namespaceSeed } from './hash.ts';

/**
 * Version of the feature scheme: how text becomes bucket ids (tokenization, hashing, namespaces). Bump it with any
 * change that moves a feature to another bucket; a model trained under another scheme is then refused at load time
 * instead of silently reading garbage.
 */
export const FEATURE_SCHEME = 2;

/** Settings that decide which features exist. Stored in the model file: inference must use the training ones. */
export interface FeaturizerConfig {
  /** The `FEATURE_SCHEME` the model was trained under. */
  readonly scheme: number;
  /** Number of hash buckets, a power of two. */
  readonly buckets: number;
  /** Character n-gram lengths inside words, over the word wrapped in boundary marks ("<word>"). */
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  /** Longest Han character n-gram (1..3). */
  readonly hanNgramMax: number;
  readonly wordBigrams: boolean;
  /** How many words after a negator it flips (a clause break ends it sooner). */
  readonly negationScope: number;
}

export const DEFAULT_FEATURIZER_CONFIG: FeaturizerConfig = {
  scheme: FEATURE_SCHEME,
  buckets: 1 << 18,
  charNgramMin: 3,
  charNgramMax: 4,
  hanNgramMax: 3,
  wordBigrams: true,
  negationScope: 3,
};

const NS_WORD = namespaceSeed('w');
const NS_WORD_NEGATED = namespaceSeed('nw');
const NS_BIGRAM = namespaceSeed('b');
const NS_CHAR = namespaceSeed('c');
const NS_HAN = namespaceSeed('h');
const NS_SYMBOL = namespaceSeed('s');
const NUMBER_TOKEN = '<num>';
/** Words longer than this get no character n-grams (URLs, hashes, base64): they only add noise and time. */
const MAX_NGRAM_WORD = 24;

/** Kinds of surface evidence the scanner records for cues. */
export const enum Surface {
  Exclamation = 0,
  Question = 1,
  Caps = 2,
  Elongation = 3,
  Emoji = 4,
  Emoticon = 5,
}

export interface LexiconHit {
  readonly start: number;
  readonly end: number;
  readonly term: CompiledTerm;
  /** Strength after modifiers. */
  readonly value: number;
  readonly negated: boolean;
  /** The negator's span, when negated. */
  readonly negator?: { readonly start: number; readonly end: number };
  /** The modifier's span and factor, when one applied. */
  readonly modifier?: { readonly start: number; readonly end: number; readonly factor: number };
}

export interface SurfaceHit {
  readonly kind: Surface;
  readonly start: number;
  readonly end: number;
  /** For emoji and emoticons: the lexicon entry, if known. */
  readonly term?: CompiledTerm;
}

/**
 * The features of one message. Buffers are owned by the extractor and overwritten by the next call:
 * copy what you keep.
 */
export interface Features {
  /** Bucket ids of the hashed features, `count` of them (repeats allowed: a repeated word counts twice). */
  readonly buckets: Int32Array;
  readonly count: number;
  /** The value of every hashed feature: 1/sqrt(count), so long and short messages weigh alike. */
  readonly hashedValue: number;
  readonly dense: Float64Array;
  /** The strongest non-negated lexicon hit (after modifiers), 0 if none: an arousal signal for intensity. */
  readonly maxLexiconValue: number;
  /** Only when traced: per hashed feature, the span of text it came from. */
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  readonly lexiconHits: readonly LexiconHit[];
  readonly surfaceHits: readonly SurfaceHit[];
}

const enum TokenFlag {
  Cyrillic = 1,
  Latin = 2,
  Number = 4,
  Caps = 8,
  Elongated = 16,
  Negator = 32,
}

/**
 * Turns a message into hashed word, character and Han n-gram features plus dense lexicon and surface features,
 * in one pass over the UTF-16 code units. Shared by training and inference, so both see identical features.
 * Not re-entrant: one extractor per thread of work (the analyzer owns one).
 */
export class FeatureExtractor {
  readonly config: FeaturizerConfig;
  private readonly lexicon: LexiconIndex;
  private readonly mask: number;
  private buckets = new Int32Array(1024);
  private spanStart = new Int32Array(1024);
  private spanEnd = new Int32Array(1024);
  private count = 0;
  private tracing = false;
  private readonly dense = new Float64Array(DENSE_COUNT);
  private lexiconHits: LexiconHit[] = [];
  private maxLexiconValue = 0;
  private surfaceHits: SurfaceHit[] = [];
  // Token buffers (parallel arrays, reused).
  private tokStart = new Int32Array(256);
  private tokEnd = new Int32Array(256);
  private tokClause = new Int32Array(256);
  private tokFlags = new Uint8Array(256);
  private tokNorm: string[] = [];
  private tokCount = 0;
  /** The negator and modifier the word pass last saw, and how far (in tokens, within a clause) they reach. */
  private readonly scope = {
    negUntil: -1,
    negClause: -1,
    negStart: 0,
    negEnd: 0,
    modFactor: 1,
    modUntil: -1,
    modClause: -1,
    modStart: 0,
    modEnd: 0,
  };
  private hanStart: number[] = [];
  private hanEnd: number[] = [];

  constructor(config: FeaturizerConfig, lexicon: LexiconIndex) {
    if (config.scheme !== FEATURE_SCHEME) {
      throw new RangeError(
        `attune: model features use scheme ${String(config.scheme)}, this engine scheme ${FEATURE_SCHEME}: retrain the model (npm run train)`,
      );
    }
    if (!Number.isInteger(Math.log2(config.buckets))) {
      throw new RangeError(`attune: featurizer buckets must be a power of two, got ${config.buckets}`);
    }
    this.config = config;
    this.lexicon = lexicon;
    this.mask = config.buckets - 1;
  }

  /**
   * Extracts the features of `text`. With `trace`, also records where each feature came from and the lexicon
   * and surface hits, for cues.
   */
  extract(text: string, trace: boolean): Features {
    this.count = 0;
    this.tracing = trace;
    this.dense.fill(0);
    this.lexiconHits = [];
    this.maxLexiconValue = 0;
    this.surfaceHits = [];
    this.tokCount = 0;
    this.hanStart.length = 0;
    this.hanEnd.length = 0;

    this.scan(text);
    this.wordFeatures();
    this.hanFeatures(text);

    const d = this.dense;
    const length = this.tokCount + this.hanLength();
    d[DENSE.length + (length <= 3 ? 0 : length <= 10 ? 1 : length <= 30 ? 2 : 3)] = 1;
    for (let k = DENSE.lex; k < DENSE.lex + 2 * 7 + 4 + 7 + 2; k++) d[k] = Math.min(d[k] as number, 3);

    return {
      buckets: this.buckets,
      count: this.count,
      hashedValue: this.count > 0 ? 1 / Math.sqrt(this.count) : 0,
      dense: d,
      maxLexiconValue: this.maxLexiconValue,
      spanStart: this.spanStart,
      spanEnd: this.spanEnd,
      lexiconHits: this.lexiconHits,
      surfaceHits: this.surfaceHits,
    };
  }

  private hanLength(): number {
    let n = 0;
    for (let i = 0; i < this.hanStart.length; i++) n += (this.hanEnd[i] as number) - (this.hanStart[i] as number);
    return n;
  }

  private push(hash: number, start: number, end: number): void {
    if (this.count === this.buckets.length) this.grow();
    this.buckets[this.count] = finalizeHash(hash) & this.mask;
    if (this.tracing) {
      this.spanStart[this.count] = start;
      this.spanEnd[this.count] = end;
    }
    this.count++;
  }

  private grow(): void {
    const size = this.buckets.length * 2;
    const b = new Int32Array(size);
    b.set(this.buckets);
    this.buckets = b;
    const s = new Int32Array(size);
    s.set(this.spanStart);
    this.spanStart = s;
    const e = new Int32Array(size);
    e.set(this.spanEnd);
    this.spanEnd = e;
  }

  private pushToken(text: string, start: number, end: number, clause: number, flags: number): void {
    if (this.tokCount === this.tokStart.length) {
      const size = this.tokCount * 2;
      const grow32 = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.tokStart = grow32(this.tokStart);
      this.tokEnd = grow32(this.tokEnd);
      this.tokClause = grow32(this.tokClause);
      const f = new Uint8Array(size);
      f.set(this.tokFlags);
      this.tokFlags = f;
    }
    const raw = text.slice(start, end);
    let norm = raw.toLowerCase();
    if (norm.length !== raw.length) norm = raw; // a case mapping that changes length would break offsets
    if (flags & TokenFlag.Number) norm = NUMBER_TOKEN;
    else {
      if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
      // Russian writes ё and е interchangeably; fold so that one lexicon entry covers both.
      if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
      if ((flags & (TokenFlag.Latin | TokenFlag.Cyrillic)) !== 0) {
        if (raw !== norm && countLetters(raw) >= 3 && raw === raw.toUpperCase()) flags |= TokenFlag.Caps;
        const collapsed = collapseElongation(norm);
        if (collapsed !== norm) {
          flags |= TokenFlag.Elongated;
          norm = collapsed;
        }
      }
    }
    if (this.lexicon.negatorWords.has(norm)) flags |= TokenFlag.Negator;
    const i = this.tokCount++;
    this.tokStart[i] = start;
    this.tokEnd[i] = end;
    this.tokClause[i] = clause;
    this.tokFlags[i] = flags;
    this.tokNorm[i] = norm;
  }

  /** Pass 1: split into word tokens, Han runs and symbols; record punctuation and emoji. */
  private scan(text: string): void {
    const n = text.length;
    const d = this.dense;
    const lex = this.lexicon;
    let clause = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        // Emoticons that start with a letter ("XD", "T_T", "QAQ") must be tried before the word swallows them.
        const emoticonEnd = lex.emoticons.has(c) ? this.tryEmoticon(text, i) : -1;
        if (emoticonEnd > 0) {
          i = emoticonEnd;
          continue;
        }
        const start = i;
        let flags = 0;
        let digitsOnly = true;
        while (i < n) {
          const cc = text.charCodeAt(i);
          if (isWordChar(cc)) {
            if (!isDigit(cc)) digitsOnly = false;
            if (isCyrillic(cc)) flags |= TokenFlag.Cyrillic;
            else if (isLatinLetter(cc)) flags |= TokenFlag.Latin;
            i++;
          } else if (isApostrophe(cc) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && !digitsOnly) i++;
          else break;
        }
        if (digitsOnly) flags |= TokenFlag.Number;
        this.pushToken(text, start, i, clause, flags);
        continue;
      }
      if (isHan(c)) {
        const start = i;
        while (i < n && isHan(text.charCodeAt(i))) i++;
        this.hanStart.push(start);
        this.hanEnd.push(i);
        clause++;
        continue;
      }
      if (isHighSurrogate(c) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
        i = this.emoji(text, i);
        continue;
      }
      if (isBmpSymbol(c)) {
        i = this.emoji(text, i);
        continue;
      }
      if (isExclamation(c) || isQuestionMark(c)) {
        const start = i;
        let bangs = 0;
        let questions = 0;
        while (i < n) {
          const cc = text.charCodeAt(i);
          if (isExclamation(cc)) bangs++;
          else if (isQuestionMark(cc)) questions++;
          else break;
          i++;
        }
        if (bangs > 0) {
          d[DENSE.exclamation] = (d[DENSE.exclamation] as number) + 1;
          if (bangs >= 2) d[DENSE.exclamationRun] = 1;
        }
        if (questions > 0) {
          d[DENSE.question] = (d[DENSE.question] as number) + 1;
          if (questions >= 2) d[DENSE.questionRun] = 1;
        }
        if (this.tracing) {
          if (bangs >= 2 || (bangs >= 1 && questions >= 1))
            this.surfaceHits.push({ kind: Surface.Exclamation, start, end: i });
          else if (questions >= 2) this.surfaceHits.push({ kind: Surface.Question, start, end: i });
        }
        clause++;
        continue;
      }
      const emoticonEnd = lex.emoticons.has(c) ? this.tryEmoticon(text, i) : -1;
      if (emoticonEnd > 0) {
        i = emoticonEnd;
        continue;
      }
      if (isClauseBreak(c)) clause++;
      i++;
    }
  }

  /**
   * Emoticons are matched at token boundaries, longest first; a run of ")))" or "(((" counts as one.
   * Returns the index after the emoticon, or -1.
   */
  private tryEmoticon(text: string, i: number): number {
    const candidates = this.lexicon.emoticons.get(text.charCodeAt(i));
    if (candidates === undefined) return -1;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    // "://" in a URL is not a skeptical face.
    if (text.startsWith('://', i)) return -1;
    for (const candidate of candidates) {
      if (!text.startsWith(candidate.term, i)) continue;
      let end = i + candidate.term.length;
      const last = candidate.term.charCodeAt(candidate.term.length - 1);
      const first = candidate.term.charCodeAt(0);
      // Letter-edged emoticons must stand alone ("XD" yes, "XDR" no); bracket runs extend to the whole run.
      if (isWordChar(last) && end < text.length && isWordChar(text.charCodeAt(end))) continue;
      if (isWordChar(first) && isWordChar(prev)) continue;
      if (isBracketRun(candidate.term)) while (end < text.length && text.charCodeAt(end) === last) end++;
      this.recordSymbol(Surface.Emoticon, i, end, candidate.value);
      return end;
    }
    return -1;
  }

  /** An emoji, with its variation selectors, skin tones and ZWJ sequence. Returns the index after it. */
  private emoji(text: string, i: number): number {
    const start = i;
    const n = text.length;
    const step = (at: number) =>
      isHighSurrogate(text.charCodeAt(at)) && at + 1 < n && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
    i += step(i);
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0xfe0f || c === 0xfe0e) i++;
      else if (c === 0xd83c && i + 1 < n && text.charCodeAt(i + 1) >= 0xdffb && text.charCodeAt(i + 1) <= 0xdfff)
        i += 2;
      else if (c === 0x200d && i + 1 < n) i += 1 + step(i + 1);
      else break;
    }
    const symbol = stripVariationSelectors(text.slice(start, i));
    const first = text.codePointAt(start) as number;
    const term = this.lexicon.emoji.get(symbol) ?? this.lexicon.emoji.get(String.fromCodePoint(first));
    this.push(hashStep(NS_SYMBOL, first), start, i);
    this.recordSymbol(Surface.Emoji, start, i, term);
    return i;
  }

  private recordSymbol(kind: Surface, start: number, end: number, term: CompiledTerm | undefined): void {
    const d = this.dense;
    if (term !== undefined) {
      const e = nonNeutralIndex(term.emotion);
      if (e >= 0) d[DENSE.symbol + e] = (d[DENSE.symbol + e] as number) + term.strength;
      if (term.sentiment === 0) d[DENSE.symbolPolarity] = (d[DENSE.symbolPolarity] as number) + term.strength;
      else if (term.sentiment === 2)
        d[DENSE.symbolPolarity + 1] = (d[DENSE.symbolPolarity + 1] as number) + term.strength;
    }
    // Emoji without a lexicon entry still get hashed features; only known ones are shown as cues.
    if (this.tracing && (term !== undefined || kind === Surface.Emoticon)) {
      this.surfaceHits.push(term === undefined ? { kind, start, end } : { kind, start, end, term });
    }
  }

  /** Pass 2 over word tokens: lexicon hits with negation and modifiers, then hashed word features. */
  private wordFeatures(): void {
    const d = this.dense;
    const lex = this.lexicon;
    const cfg = this.config;
    const tokCount = this.tokCount;
    const norm = this.tokNorm;
    const scope = this.scope;
    scope.negUntil = -1;
    scope.negClause = -1;
    scope.modUntil = -1;
    scope.modClause = -1;
    let latin = 0;
    let cyrillic = 0;

    let i = 0;
    while (i < tokCount) {
      const flags = this.tokFlags[i] as number;
      const clause = this.tokClause[i] as number;
      if (flags & TokenFlag.Latin) latin++;
      if (flags & TokenFlag.Cyrillic) cyrillic++;
      if (flags & TokenFlag.Caps) {
        d[DENSE.caps] = (d[DENSE.caps] as number) + 1;
        if (this.tracing)
          this.surfaceHits.push({
            kind: Surface.Caps,
            start: this.tokStart[i] as number,
            end: this.tokEnd[i] as number,
          });
      }
      if (flags & TokenFlag.Elongated) {
        d[DENSE.elongation] = 1;
        if (this.tracing)
          this.surfaceHits.push({
            kind: Surface.Elongation,
            start: this.tokStart[i] as number,
            end: this.tokEnd[i] as number,
          });
      }
      if (flags & TokenFlag.Number) {
        i++;
        continue;
      }
      const word = norm[i] as string;
      // Lexicon phrases first: "not bad" and "не работает" are entries of their own, not negations.
      const phrase = this.matchPhrase(i, lex.phrases.get(word));
      if (phrase !== undefined) {
        this.hit(phrase.term, i, i + phrase.length - 1, clause);
        i += phrase.length;
        continue;
      }
      const modPhrase = this.matchModifierPhrase(i, lex.modifierPhrases.get(word));
      const modWord = modPhrase === undefined ? lex.modifierWords.get(word) : undefined;
      if (modPhrase !== undefined || modWord !== undefined) {
        const len = modPhrase?.length ?? 1;
        scope.modFactor = modPhrase?.factor ?? (modWord as number);
        // "not very happy", "не очень доволен": an intensifier inside a negation softens what is negated.
        if (i <= scope.negUntil && clause === scope.negClause) scope.modFactor = 1 / scope.modFactor;
        scope.modUntil = i + len + 1;
        scope.modClause = clause;
        scope.modStart = this.tokStart[i] as number;
        scope.modEnd = this.tokEnd[i + len - 1] as number;
        d[scope.modFactor >= 1 ? DENSE.intensifier : DENSE.diminisher] = 1;
        i += len;
        continue;
      }
      if ((flags & TokenFlag.Negator) !== 0) {
        scope.negUntil = i + cfg.negationScope;
        scope.negClause = clause;
        scope.negStart = this.tokStart[i] as number;
        scope.negEnd = this.tokEnd[i] as number;
        d[DENSE.negation] = 1;
        i++;
        continue;
      }
      const term = lex.lookupWord(word);
      if (term !== undefined) {
        this.hit(term, i, i, clause);
      }
      i++;
    }
    if (latin > 0) d[DENSE.scriptLatin] = 1;
    if (cyrillic > 0) d[DENSE.scriptCyrillic] = 1;

    // Hashed features: unigrams (negation-marked inside a scope), bigrams within a clause, char n-grams.
    let negUntil = -1;
    let negClause = -1;
    let prevHash = 0;
    let prevClause = -1;
    for (let t = 0; t < tokCount; t++) {
      const word = norm[t] as string;
      const start = this.tokStart[t] as number;
      const end = this.tokEnd[t] as number;
      const clause = this.tokClause[t] as number;
      const negated = t <= negUntil && clause === negClause;
      const unigram = hashString(negated ? NS_WORD_NEGATED : NS_WORD, word);
      this.push(unigram, start, end);
      if (cfg.wordBigrams && prevClause === clause) this.push(hashPair(NS_BIGRAM ^ prevHash, unigram), start, end);
      prevHash = unigram;
      prevClause = clause;
      if (((this.tokFlags[t] as number) & TokenFlag.Negator) !== 0) {
        negUntil = t + cfg.negationScope;
        negClause = clause;
      }
      if (word.length <= MAX_NGRAM_WORD && !((this.tokFlags[t] as number) & TokenFlag.Number))
        this.charNgrams(word, start, end);
    }
  }

  private charNgrams(word: string, start: number, end: number): void {
    const { charNgramMin, charNgramMax } = this.config;
    // Over "<word>": positions 0 and len-1 are the boundary marks. Each start position extends one running hash,
    // so every n-gram from min to max costs one hash step (the n-gram's length is implied by its characters).
    const len = word.length + 2;
    for (let s = 0; s + charNgramMin <= len; s++) {
      let h = NS_CHAR;
      const last = Math.min(len, s + charNgramMax);
      for (let k = s; k < last; k++) {
        h = hashStep(h, k === 0 ? 0x3c : k === len - 1 ? 0x3e : word.charCodeAt(k - 1));
        if (k - s + 1 >= charNgramMin) this.push(h, start, end);
      }
    }
  }

  private matchPhrase(
    i: number,
    candidates: readonly { tokens: readonly string[]; value: CompiledTerm }[] | undefined,
  ): { term: CompiledTerm; length: number } | undefined {
    if (candidates === undefined) return undefined;
    for (const c of candidates) if (this.tokensMatch(i, c.tokens)) return { term: c.value, length: c.tokens.length };
    return undefined;
  }

  private matchModifierPhrase(
    i: number,
    candidates: readonly { tokens: readonly string[]; factor: number }[] | undefined,
  ): { factor: number; length: number } | undefined {
    if (candidates === undefined) return undefined;
    for (const c of candidates) if (this.tokensMatch(i, c.tokens)) return { factor: c.factor, length: c.tokens.length };
    return undefined;
  }

  private tokensMatch(i: number, tokens: readonly string[]): boolean {
    if (i + tokens.length > this.tokCount) return false;
    const clause = this.tokClause[i];
    for (let k = 0; k < tokens.length; k++) {
      const want = tokens[k] as string;
      const got = this.tokNorm[i + k] as string;
      if (this.tokClause[i + k] !== clause) return false;
      if (want.endsWith('*') ? !got.startsWith(want.slice(0, -1)) : got !== want) return false;
    }
    return true;
  }

  /** A lexicon hit on tokens first..last, under the negation and modifier scope the word pass is tracking. */
  private hit(term: CompiledTerm, first: number, last: number, clause: number): void {
    const { negUntil, negClause, negStart, negEnd, modFactor, modUntil, modClause, modStart, modEnd } = this.scope;
    const negated = first <= negUntil && clause === negClause;
    const modified = first <= modUntil && clause === modClause;
    const value = term.strength * (modified ? modFactor : 1);
    this.addLexicon(term, value, negated);
    if (this.tracing) {
      const start = this.tokStart[first] as number;
      const end = this.tokEnd[last] as number;
      this.lexiconHits.push({
        start,
        end,
        term,
        value,
        negated,
        ...(negated ? { negator: { start: negStart, end: negEnd } } : {}),
        ...(modified ? { modifier: { start: modStart, end: modEnd, factor: modFactor } } : {}),
      });
    }
  }

  private addLexicon(term: CompiledTerm, value: number, negated: boolean): void {
    const d = this.dense;
    if (!negated && value > this.maxLexiconValue) this.maxLexiconValue = value;
    const e = nonNeutralIndex(term.emotion);
    if (e >= 0) {
      const k = (negated ? DENSE.lexNegated : DENSE.lex) + e;
      d[k] = (d[k] as number) + value;
    }
    if (term.sentiment !== 1) {
      const k = (negated ? DENSE.lexPolarityNegated : DENSE.lexPolarity) + (term.sentiment === 0 ? 0 : 1);
      d[k] = (d[k] as number) + value;
    }
  }

  /** Han runs: greedy longest lexicon match with look-back for negators and modifiers, then char n-grams. */
  private hanFeatures(text: string): void {
    const lex = this.lexicon;
    const maxN = this.config.hanNgramMax;
    const d = this.dense;
    for (let r = 0; r < this.hanStart.length; r++) {
      const start = this.hanStart[r] as number;
      const end = this.hanEnd[r] as number;
      d[DENSE.scriptHan] = 1;
      let p = start;
      while (p < end) {
        const candidates = lex.hanTerms.get(text.charCodeAt(p));
        let matched = 0;
        if (candidates !== undefined) {
          for (const c of candidates) {
            if (p + c.term.length <= end && text.startsWith(c.term, p)) {
              this.hanHit(text, start, p, p + c.term.length, c.value);
              matched = c.term.length;
              break;
            }
          }
        }
        if (matched === 0 && this.hanNegatorAt(text, p, end) > 0) d[DENSE.negation] = 1;
        p += matched > 0 ? matched : 1;
      }
      for (let q = start; q < end; q++) {
        let h = NS_HAN;
        const last = Math.min(end, q + maxN);
        for (let k = q; k < last; k++) {
          h = hashStep(h, text.charCodeAt(k));
          this.push(h, q, k + 1);
        }
      }
    }
  }

  private hanNegatorAt(text: string, p: number, end: number): number {
    if (!this.lexicon.hanNegatorFirst.has(text.charCodeAt(p))) return 0;
    for (const negator of this.lexicon.hanNegators)
      if (p + negator.length <= end && text.startsWith(negator, p)) return negator.length;
    return 0;
  }

  private hanHit(text: string, runStart: number, start: number, end: number, term: CompiledTerm): void {
    const lex = this.lexicon;
    // A negator right before the term, or with up to two characters between ("不太满意", "不是很满意").
    let negator: { start: number; end: number } | undefined;
    for (let gap = 0; gap <= 2 && negator === undefined; gap++) {
      for (const neg of lex.hanNegators) {
        const at = start - gap - neg.length;
        if (at >= runStart && text.startsWith(neg, at)) {
          negator = { start: at, end: at + neg.length };
          break;
        }
      }
    }
    let modifier: { start: number; end: number; factor: number } | undefined;
    for (let gap = 0; gap <= 1 && modifier === undefined; gap++) {
      for (let back = 1; back <= 3 && modifier === undefined; back++) {
        const at = start - gap - back;
        if (at < runStart) break;
        const list = lex.hanModifiers.get(text.charCodeAt(at));
        if (list === undefined) continue;
        for (const m of list) {
          if (m.term.length === back && text.startsWith(m.term, at)) {
            modifier = { start: at, end: at + back, factor: m.value };
            break;
          }
        }
      }
    }
    // "不太满意" is "not very satisfied": an intensifier inside a negation softens what is negated.
    if (negator !== undefined && modifier !== undefined && modifier.start >= negator.end) {
      modifier = { ...modifier, factor: 1 / modifier.factor };
    }
    const d = this.dense;
    if (negator !== undefined) d[DENSE.negation] = 1;
    if (modifier !== undefined) d[modifier.factor >= 1 ? DENSE.intensifier : DENSE.diminisher] = 1;
    const value = term.strength * (modifier?.factor ?? 1);
    const negated = negator !== undefined;
    this.addLexicon(term, value, negated);
    if (this.tracing) {
      this.lexiconHits.push({
        start,
        end,
        term,
        value,
        negated,
        ...(negator !== undefined ? { negator } : {}),
        ...(modifier !== undefined ? { modifier } : {}),
      });
    }
  }
}

function countLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLatinLetter(c) || isCyrillic(c)) n++;
  }
  return n;
}

/** "sooooo" -> "soo", "ужасссно" -> "ужасно"? No: runs of 3+ become 2, keeping real double letters intact. */
export function collapseElongation(word: string): string {
  let out: string | undefined;
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1)) {
      run++;
      if (run >= 3) {
        out ??= word.slice(0, i);
        continue;
      }
    } else run = 1;
    if (out !== undefined) out += word[i];
  }
  return out ?? word;
}

function isBracketRun(term: string): boolean {
  return /^(\)+|\(+)$/.test(term);
}
