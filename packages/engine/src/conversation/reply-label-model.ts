import { z } from 'zod';
import type { PatternLang, TextSpan } from './text-span.ts';
import { PATTERN_LANGS, sentences } from './text-span.ts';

/**
 * Small learned readers of agent replies, one logistic regression per label and language over n-grams, trained on
 * Attune's labelled training replies (`npm run train -- --task reply-steps | coach-alarms`). Two are shipped:
 * - the reply-step model (labels identify, hear, empathize, resolve; reply-step-model.json): a second reader beside
 *   the IHEART patterns (see reply-reading.ts; card in docs/reply-models.md);
 * - the coach-alarm model (labels no_expectation, tone_mismatch, no_personalization; coach-alarm-model.json): it
 *   withdraws the coach's context-dependent alarms it is sure are false (see draft-coach.ts).
 * The patterns stay the first reader and the source of evidence; a model only confirms, withdraws or adds.
 */

/** Weights are stored as integers in thousandths: compact in JSON, and exact to reproduce. */
export const WEIGHT_SCALE = 1000;

/** What a model reads: the reply alone, or the reply and the customer message it answers. */
export const MODEL_INPUTS = ['reply', 'reply-and-customer'] as const;
export type ModelInput = (typeof MODEL_INPUTS)[number];

const languageWeightsSchema = z
  .object({
    /** The n-gram features the model kept (seen in at least two training replies). */
    features: z.array(z.string()).max(200_000),
    /** Per label, in `labels` order, the bias in thousandths. */
    bias: z.array(z.number().int()),
    /** Row-major [feature][label], in thousandths. */
    weights: z.array(z.number().int()),
  })
  .superRefine((w, ctx) => {
    if (w.bias.length === 0 || w.weights.length !== w.features.length * w.bias.length)
      ctx.addIssue({ code: 'custom', message: 'weights must hold one value per feature and label' });
  });

export const replyLabelModelSchema = z
  .object({
    format: z.literal('attune-reply-labels'),
    formatVersion: z.literal(1),
    labels: z.array(z.string().min(1)).min(1).max(32),
    input: z.enum(MODEL_INPUTS),
    /** Below this probability a label the patterns found is withdrawn. */
    veto: z.number().min(0).max(1),
    /** Above this probability a label the patterns missed is added (1: never). */
    add: z.number().min(0).max(1),
    languages: z.object({ en: languageWeightsSchema, zh: languageWeightsSchema, ru: languageWeightsSchema }),
    /** Provenance for the model card: data, counts, settings, dev figures. */
    training: z.record(z.string(), z.unknown()),
  })
  .superRefine((m, ctx) => {
    for (const lang of PATTERN_LANGS)
      if (m.languages[lang].bias.length !== m.labels.length)
        ctx.addIssue({ code: 'custom', path: ['languages', lang], message: 'needs one bias per label' });
  });
export type ReplyLabelModelFile = z.infer<typeof replyLabelModelSchema>;

interface LanguageWeights {
  readonly index: ReadonlyMap<string, number>;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** A model ready to score. */
export interface ReplyLabelModel<L extends string = string> {
  readonly labels: readonly L[];
  readonly input: ModelInput;
  readonly veto: number;
  readonly add: number;
  readonly languages: Readonly<Record<PatternLang, LanguageWeights>>;
  readonly file: ReplyLabelModelFile;
}

/**
 * Checks and indexes a model file's JSON. `labels` are the labels the caller reads, in order: a file for other labels
 * is refused. A clear error names what is wrong.
 */
export function loadReplyLabelModel<L extends string>(json: unknown, labels: readonly L[]): ReplyLabelModel<L> {
  const parsed = replyLabelModelSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`reply model: ${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`.trim());
  }
  const file = parsed.data;
  if (file.labels.join(',') !== labels.join(','))
    throw new Error(`reply model: labels are ${file.labels.join(', ')}, expected ${labels.join(', ')}`);
  const languages = {} as Record<PatternLang, LanguageWeights>;
  for (const lang of PATTERN_LANGS) {
    const l = file.languages[lang];
    languages[lang] = {
      index: new Map(l.features.map((f, i) => [f, i])),
      weights: Float64Array.from(l.weights, (w) => w / WEIGHT_SCALE),
      bias: Float64Array.from(l.bias, (w) => w / WEIGHT_SCALE),
    };
  }
  return { labels, input: file.input, veto: file.veto, add: file.add, languages, file };
}

/**
 * The n-gram features of a text: in Chinese the character 1-, 2- and 3-grams (whitespace dropped); in English and
 * Russian the lowercased words, word bigrams and the first five letters of longer words ("refun~" for "refunded").
 * Training and reading both call this: one definition.
 */
export function ngramFeatures(text: string, lang: PatternLang): string[] {
  const lower = text.toLowerCase();
  const out = new Set<string>();
  if (lang === 'zh') {
    // By code point, so an emoji is one character and no feature is half a surrogate pair.
    const chars = Array.from(lower.replace(/\s+/gu, ''));
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  } else {
    const words = lower.match(/[\p{L}\p{N}']+|[?!]/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      out.add(w);
      const next = words[i + 1];
      if (next !== undefined) out.add(`${w} ${next}`);
      if (w.length > 4) out.add(`${w.slice(0, 5)}~`);
    }
  }
  return [...out];
}

/** A model's features of a reply: its n-grams, and for `reply-and-customer` the customer's, marked `c:`. */
export function modelFeatures(input: ModelInput, lang: PatternLang, reply: string, customer?: string): string[] {
  const own = ngramFeatures(reply, lang);
  if (input === 'reply' || customer === undefined) return own;
  return [...own, ...ngramFeatures(customer, lang).map((f) => `c:${f}`)];
}

/** The model's logit for each label, in `labels` order. */
export function labelLogits(model: ReplyLabelModel, lang: PatternLang, features: readonly string[]): number[] {
  const l = model.languages[lang];
  const k = model.labels.length;
  const z = Array.from(l.bias);
  for (const f of features) {
    const i = l.index.get(f);
    if (i === undefined) continue;
    for (let s = 0; s < k; s++) z[s] = (z[s] as number) + (l.weights[i * k + s] as number);
  }
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The probability of each label for a reply (and, for a `reply-and-customer` model, the message it answers). */
export function labelProbabilities<L extends string>(
  model: ReplyLabelModel<L>,
  lang: PatternLang,
  reply: string,
  customer?: string,
): Record<L, number> {
  const z = labelLogits(model, lang, modelFeatures(model.input, lang, reply, customer));
  const out = {} as Record<L, number>;
  model.labels.forEach((label, i) => (out[label] = sigmoid(z[i] as number)));
  return out;
}

/** The sentence whose own words weigh most for a label: the evidence shown when a model adds it. */
export function weightiestSentence<L extends string>(
  model: ReplyLabelModel<L>,
  reply: string,
  lang: PatternLang,
  label: L,
): TextSpan | undefined {
  const s = model.labels.indexOf(label);
  const k = model.labels.length;
  const l = model.languages[lang];
  let best: TextSpan | undefined;
  let bestScore = -Infinity;
  for (const sentence of sentences(reply)) {
    let score = 0;
    for (const f of ngramFeatures(sentence.text, lang)) {
      const i = l.index.get(f);
      if (i !== undefined) score += l.weights[i * k + s] as number;
    }
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}
