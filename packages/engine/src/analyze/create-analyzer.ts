import { languageTag, probability, type Probability } from '../brands.ts';
import type { Cue, CueKind } from '../cues/cue.ts';
import {
  EKMAN_EMOTIONS,
  EMOTIONS,
  SENTIMENTS,
  type EkmanEmotion,
  type Emotion,
  type Sentiment,
} from '../emotion/taxonomy.ts';
import { DENSE } from '../features/dense-features.ts';
import { FeatureExtractor, Surface, type Features } from '../features/feature-extractor.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { LexiconIndex } from '../lexicon/lexicon-index.ts';
import { HEAD_OFFSET, OUTPUT_COUNT, type EmotionModel } from '../model/emotion-model.ts';
import { denseWeight, scoreLogits, sigmoid } from '../model/linear-scorer.ts';
import { isHan, isHighSurrogate } from '../text/char-class.ts';
import type { Analyzer } from './analyzer.ts';
import type { AnalyzeOptions, MessageAnalysis } from './message-analysis.ts';

export interface AnalyzerConfig {
  /** A decoded model (see `decodeModel`; `@attune/model` loads the shipped one in Node). */
  readonly model: EmotionModel;
  /**
   * Messages longer than this many UTF-16 code units are analysed on their head only, and the result says so.
   * Bounds the time and memory one message can take. Default 20,000 (about 10 pages of e-mail).
   */
  readonly maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 20_000;
/** Cues of kind `ngram` are the words the model leaned on most; at most this many, above this share of the logit. */
const MAX_NGRAM_CUES = 4;
const MIN_NGRAM_CONTRIBUTION = 0.25;
const LANGUAGE_TAG = /^[a-z]{2,3}$|^und$/;

/**
 * Creates an analyzer bound to one model. The analyzer keeps reusable buffers, so create one and call it many
 * times; it is synchronous and does no I/O.
 *
 * @example
 * ```ts
 * const analyzer = createAnalyzer({ model });
 * const result = analyzer.analyzeMessage('Я уже третий раз пишу!!! Где мой возврат?');
 * result.emotions.dominant; // 'frustration'
 * ```
 */
export function createAnalyzer(config: AnalyzerConfig): Analyzer & { readonly thresholds: Thresholds } {
  const { model } = config;
  const maxLength = config.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new RangeError(`attune: maxLength must be a positive integer, got ${String(maxLength)}`);
  const lexicon = new LexiconIndex(model.header.lexicons);
  const extractor = new FeatureExtractor(model.header.featurizer, lexicon);
  const logits = new Float64Array(OUTPUT_COUNT);
  const sums = new Int32Array(OUTPUT_COUNT);
  let rows = new Int8Array(256 * OUTPUT_COUNT);
  const calibration = model.header.calibration;
  const identity = { id: model.header.id, version: model.header.version };
  const thresholds: Thresholds = {
    emotion: Object.fromEntries(EMOTIONS.map((e, i) => [e, calibration.emotion.thresholds[i] ?? 0.5])) as Record<
      Emotion,
      number
    >,
    ekman: Object.fromEntries(EKMAN_EMOTIONS.map((e, i) => [e, calibration.ekman.thresholds[i] ?? 0.5])) as Record<
      EkmanEmotion,
      number
    >,
  };

  function analyzeMessage(text: string, options: AnalyzeOptions = {}): MessageAnalysis {
    if (typeof text !== 'string') {
      throw new TypeError(`attune: analyzeMessage expects a string, got ${describe(text)}`);
    }
    const wantCues = options.cues !== false;
    let analyzed = text;
    let truncated: MessageAnalysis['truncated'];
    if (text.length > maxLength) {
      const cut = isHighSurrogate(text.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength;
      analyzed = text.slice(0, cut);
      truncated = { originalLength: text.length, analyzedLength: cut };
    }
    const lang = resolveLanguage(analyzed, options.lang);
    const features = extractor.extract(analyzed, wantCues);
    if (features.count === 0 && isBlank(analyzed)) {
      return neutralResult(lang, identity, truncated);
    }
    if (wantCues && rows.length < features.count * OUTPUT_COUNT)
      rows = new Int8Array(features.count * OUTPUT_COUNT * 2);
    scoreLogits(model, features, logits, sums, wantCues ? rows : undefined);

    const emotionProbs = sigmoidHead(EMOTIONS, HEAD_OFFSET.emotion, calibration.emotion.a, calibration.emotion.b);
    const ekmanProbs = sigmoidHead(EKMAN_EMOTIONS, HEAD_OFFSET.ekman, calibration.ekman.a, calibration.ekman.b);
    const sentimentProbs = softmaxHead(calibration.sentimentTemperature);
    const dominant = argmax(EMOTIONS, emotionProbs);
    const sentimentLabel = argmax(SENTIMENTS, sentimentProbs);
    const cues = wantCues ? buildCues(analyzed, features, dominant, sentimentLabel) : [];

    return {
      lang,
      emotions: { probs: emotionProbs, dominant, intensity: intensity(emotionProbs, dominant, features) },
      ekman: { probs: ekmanProbs, dominant: argmax(EKMAN_EMOTIONS, ekmanProbs) },
      sentiment: {
        probs: sentimentProbs,
        label: sentimentLabel,
        valence: round((sentimentProbs.positive as number) - (sentimentProbs.negative as number)),
      },
      cues,
      ...(truncated !== undefined ? { truncated } : {}),
      model: identity,
    };
  }

  function sigmoidHead<L extends string>(
    labels: readonly L[],
    offset: number,
    a: readonly number[],
    b: readonly number[],
  ): Record<L, Probability> {
    const probs = {} as Record<L, Probability>;
    for (let i = 0; i < labels.length; i++) {
      probs[labels[i] as L] = probability(round(sigmoid((a[i] ?? 1) * (logits[offset + i] as number) + (b[i] ?? 0))));
    }
    return probs;
  }

  function softmaxHead(temperature: number): Record<Sentiment, Probability> {
    let max = -Infinity;
    for (let i = 0; i < SENTIMENTS.length; i++)
      max = Math.max(max, (logits[HEAD_OFFSET.sentiment + i] as number) / temperature);
    const neg = Math.exp((logits[HEAD_OFFSET.sentiment] as number) / temperature - max);
    const neu = Math.exp((logits[HEAD_OFFSET.sentiment + 1] as number) / temperature - max);
    const pos = Math.exp((logits[HEAD_OFFSET.sentiment + 2] as number) / temperature - max);
    const total = neg + neu + pos;
    return {
      negative: probability(round(neg / total)),
      neutral: probability(round(neu / total)),
      positive: probability(round(pos / total)),
    };
  }

  /**
   * Cues: lexicon hits, negations and modifiers, surface signals (punctuation, caps, stretching, emoji), and the
   * words the model leaned on most for the dominant emotion. Each weight is that evidence's share of the dominant
   * emotion's logit (for modifiers, their factor).
   */
  function buildCues(text: string, features: Features, dominant: Emotion, sentiment: Sentiment): Cue[] {
    const out = HEAD_OFFSET.emotion + EMOTIONS.indexOf(dominant);
    const cues: Cue[] = [];
    const covered: [number, number][] = [];
    const cue = (kind: CueKind, start: number, end: number, weight: number, extra?: CueExtra) =>
      pushCue(cues, covered, text, kind, start, end, weight, extra);

    for (const hit of features.lexiconHits) {
      const term = hit.term;
      const emotion = term.emotion >= 0 ? EMOTIONS[term.emotion] : undefined;
      const polarity = SENTIMENTS[term.sentiment] as Sentiment;
      const denseIndex = (hit.negated ? DENSE.lexNegated : DENSE.lex) + Math.max(term.emotion, 0);
      const weight = term.emotion >= 0 ? hit.value * denseWeight(model, denseIndex, out) : hit.value;
      if (hit.negated && hit.negator !== undefined) {
        const flipped: Sentiment =
          polarity === 'positive' ? 'negative' : polarity === 'negative' ? 'positive' : 'neutral';
        cue('negation', Math.min(hit.negator.start, hit.start), Math.max(hit.end, hit.negator.end), weight, {
          sentiment: flipped,
          scope: { start: hit.start, end: hit.end },
        });
      } else {
        // A lexicon phrase that starts with a negator ("not happy", "не доволен", "不满意") is shown as the negation it is.
        const negatorLength = leadingNegatorLength(text, hit.start, hit.end);
        cue(negatorLength > 0 ? 'negation' : 'lexicon', hit.start, hit.end, weight, {
          ...(emotion !== undefined && emotion !== 'neutral' ? { emotion } : {}),
          sentiment: polarity,
          ...(negatorLength > 0 ? { scope: { start: hit.start + negatorLength, end: hit.end } } : {}),
        });
      }
      if (hit.modifier !== undefined) {
        cue(
          hit.modifier.factor >= 1 ? 'intensifier' : 'diminisher',
          hit.modifier.start,
          hit.modifier.end,
          hit.modifier.factor,
          {
            scope: { start: hit.start, end: hit.end },
          },
        );
      }
    }

    for (const s of features.surfaceHits) {
      switch (s.kind) {
        case Surface.Exclamation:
          cue(
            'exclamation',
            s.start,
            s.end,
            denseWeight(model, DENSE.exclamationRun, out) + denseWeight(model, DENSE.exclamation, out),
          );
          break;
        case Surface.Question:
          cue(
            'question',
            s.start,
            s.end,
            denseWeight(model, DENSE.questionRun, out) + denseWeight(model, DENSE.question, out),
          );
          break;
        case Surface.Caps:
          cue('caps', s.start, s.end, denseWeight(model, DENSE.caps, out));
          break;
        case Surface.Elongation:
          cue('elongation', s.start, s.end, denseWeight(model, DENSE.elongation, out));
          break;
        case Surface.Emoji:
        case Surface.Emoticon: {
          const term = s.term;
          const emotion = term !== undefined && term.emotion >= 0 ? EMOTIONS[term.emotion] : undefined;
          const weight =
            term !== undefined && term.emotion >= 0
              ? term.strength * denseWeight(model, DENSE.symbol + term.emotion, out)
              : 0;
          cue(s.kind === Surface.Emoji ? 'emoji' : 'emoticon', s.start, s.end, weight, {
            ...(emotion !== undefined && emotion !== 'neutral' ? { emotion } : {}),
            ...(term !== undefined ? { sentiment: SENTIMENTS[term.sentiment] as Sentiment } : {}),
          });
          break;
        }
      }
    }

    if (dominant !== 'neutral') {
      for (const span of topSpans(text, features, out)) {
        if (covered.some(([s, e]) => span.start < e && s < span.end)) continue;
        cues.push({
          kind: 'ngram',
          start: span.start,
          end: span.end,
          text: text.slice(span.start, span.end),
          emotion: dominant,
          sentiment,
          weight: round(span.weight),
        });
      }
    }
    cues.sort((x, y) => x.start - y.start || y.end - x.end);
    return cues;
  }

  /** Length of a negator (plus the space after it) at the start of a lexicon phrase, or 0. */
  function leadingNegatorLength(text: string, start: number, end: number): number {
    const span = text.slice(start, end);
    if (isHan(span.charCodeAt(0))) {
      for (const negator of lexicon.hanNegators)
        if (span.length > negator.length && span.startsWith(negator)) return negator.length;
      return 0;
    }
    const space = span.search(/\s/);
    if (space <= 0) return 0;
    const first = span
      .slice(0, space)
      .toLowerCase()
      .replace(/\u2019/g, "'");
    if (!lexicon.negatorWords.has(first)) return 0;
    let next = space;
    while (next < span.length && /\s/.test(span.charAt(next))) next++;
    return next;
  }

  /**
   * Sums each hashed feature's contribution per source span and keeps the strongest. A word's features are pushed
   * together, so its span accumulates in one pass; Han n-grams spread their weight over their characters, and
   * adjacent supporting characters join into one highlight ("气死" rather than "气", "死").
   */
  let hanWeights = new Float64Array(256);
  function topSpans(
    text: string,
    features: Features,
    output: number,
  ): { start: number; end: number; weight: number }[] {
    const found: { start: number; end: number; weight: number }[] = [];
    const v = features.hashedValue;
    const scale = model.hashedScale[output] as number;
    if (hanWeights.length < text.length) hanWeights = new Float64Array(text.length * 2);
    let hanMin = text.length;
    let hanMax = -1;
    let runStart = -1;
    let runEnd = -1;
    let runWeight = 0;
    const flush = () => {
      if (runStart >= 0 && runWeight >= MIN_NGRAM_CONTRIBUTION && runEnd - runStart >= 3)
        found.push({ start: runStart, end: runEnd, weight: runWeight });
    };
    for (let f = 0; f < features.count; f++) {
      const start = features.spanStart[f] as number;
      const end = features.spanEnd[f] as number;
      const w = (rows[f * OUTPUT_COUNT + output] as number) * scale * v;
      if (isHan(text.charCodeAt(start))) {
        const share = w / (end - start);
        for (let c = start; c < end; c++) hanWeights[c] = (hanWeights[c] as number) + share;
        if (start < hanMin) hanMin = start;
        if (end - 1 > hanMax) hanMax = end - 1;
      } else if (start === runStart && end === runEnd) runWeight += w;
      else {
        flush();
        runStart = start;
        runEnd = end;
        runWeight = w;
      }
    }
    flush();
    let at = hanMin;
    while (at <= hanMax) {
      if ((hanWeights[at] as number) <= 0 || !isHan(text.charCodeAt(at))) {
        at++;
        continue;
      }
      let weight = 0;
      const start = at;
      while (at <= hanMax && (hanWeights[at] as number) > 0 && isHan(text.charCodeAt(at)))
        weight += hanWeights[at++] as number;
      if (at - start >= 2 && weight >= MIN_NGRAM_CONTRIBUTION) found.push({ start, end: at, weight });
    }
    if (hanMax >= 0) hanWeights.fill(0, hanMin, hanMax + 1);
    return found.sort((a, b) => b.weight - a.weight).slice(0, MAX_NGRAM_CUES);
  }

  return { model: identity, thresholds, analyzeMessage };
}

type CueExtra = Partial<Pick<Cue, 'emotion' | 'sentiment' | 'scope'>>;

function pushCue(
  cues: Cue[],
  covered: [number, number][],
  text: string,
  kind: CueKind,
  start: number,
  end: number,
  weight: number,
  extra: CueExtra | undefined,
): void {
  cues.push({ kind, start, end, text: text.slice(start, end), weight: round(weight), ...extra });
  covered.push([start, end]);
}

/** Per-class decision thresholds for multi-label prediction, as chosen on dev data when the model was trained. */
export interface Thresholds {
  readonly emotion: Readonly<Record<Emotion, number>>;
  readonly ekman: Readonly<Record<EkmanEmotion, number>>;
}

function resolveLanguage(text: string, given: string | undefined): MessageAnalysis['lang'] {
  if (given !== undefined) {
    if (typeof given !== 'string' || !LANGUAGE_TAG.test(given.toLowerCase())) {
      throw new TypeError(
        `attune: options.lang must be an ISO 639 code such as "en", "zh" or "ru", got ${describe(given)}`,
      );
    }
    return { tag: languageTag(given.toLowerCase()), confidence: probability(1), source: 'given' };
  }
  const detected = detectLanguage(text);
  return { tag: detected.tag, confidence: detected.confidence, source: 'detected' };
}

/**
 * Intensity: how strongly the emotion is expressed, 0..1. The model's confidence that there is any emotion at all
 * (1 - P(neutral)), scaled by the evidence: the strongest lexicon term after intensifiers and diminishers
 * ("furious" 1.0, "a bit annoyed" 0.3) and arousal signals (shouting, "!!!", stretched letters, intensifiers).
 */
function intensity(probs: Record<Emotion, Probability>, dominant: Emotion, features: Features): number {
  const emotional = 1 - (probs.neutral as number);
  const d = features.dense;
  const evidence = Math.min(1, features.maxLexiconValue);
  const arousal = Math.min(
    1,
    0.3 * Math.min(1, (d[DENSE.exclamation] as number) / 2) +
      0.25 * (d[DENSE.exclamationRun] as number) +
      0.3 * Math.min(1, d[DENSE.caps] as number) +
      0.15 * (d[DENSE.elongation] as number) +
      0.2 * (d[DENSE.intensifier] as number),
  );
  const scale = dominant === 'neutral' ? 0.3 : 0.4 + 0.35 * evidence + 0.25 * arousal;
  return round(Math.max(0, Math.min(1, emotional * scale)));
}

function neutralResult(
  lang: MessageAnalysis['lang'],
  model: MessageAnalysis['model'],
  truncated: MessageAnalysis['truncated'],
): MessageAnalysis {
  const emotionProbs = Object.fromEntries(EMOTIONS.map((e) => [e, probability(e === 'neutral' ? 1 : 0)])) as Record<
    Emotion,
    Probability
  >;
  const ekmanProbs = Object.fromEntries(EKMAN_EMOTIONS.map((e) => [e, probability(e === 'neutral' ? 1 : 0)])) as Record<
    EkmanEmotion,
    Probability
  >;
  return {
    lang: lang.source === 'given' ? lang : { tag: languageTag('und'), confidence: probability(1), source: 'detected' },
    emotions: { probs: emotionProbs, dominant: 'neutral', intensity: 0 },
    ekman: { probs: ekmanProbs, dominant: 'neutral' },
    sentiment: {
      probs: { negative: probability(0), neutral: probability(1), positive: probability(0) },
      label: 'neutral',
      valence: 0,
    },
    cues: [],
    ...(truncated !== undefined ? { truncated } : {}),
    model,
  };
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Whitespace, control characters, zero-width and direction marks carry no content.
    if (!(
      c <= 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202e) ||
      c === 0xfeff ||
      c === 0x3000 ||
      (c >= 0x2060 && c <= 0x2064)
    ))
      return false;
  }
  return true;
}

function argmax<L extends string>(labels: readonly L[], probs: Record<L, Probability>): L {
  let best = labels[0] as L;
  for (const label of labels) if ((probs[label] as number) > (probs[best] as number)) best = label;
  return best;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `"${x.length > 40 ? x.slice(0, 40) + '…' : x}"`;
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}
