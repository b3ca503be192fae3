import { z } from 'zod';
import type { IheartStep } from './iheart.ts';
import type { PatternLang, TextSpan } from './text-span.ts';
import { PATTERN_LANGS, sentences } from './text-span.ts';

/**
 * A learned second reader for the IHEART steps that are judgements rather than phrases: one logistic regression per
 * step and language over the reply's own n-grams, trained on Attune's labelled training replies
 * (`npm run train -- --task reply-steps`; model card in docs/reply-step-model.md).
 *
 * The patterns stay the first reader and the source of evidence. The model only settles what they cannot:
 * - a step the patterns credited is withdrawn when the model is sure it is not there (probability below `veto`): "I'll
 *   look into it" matches a commitment pattern but promises nothing;
 * - a step the patterns missed is credited when the model is sure it is there (above `add`), with the sentence that
 *   weighs most for it as evidence.
 * Apologize and thank are phrases ("sorry", "谢谢"): the patterns alone decide them.
 */
export const MODEL_STEPS = ['identify', 'hear', 'empathize', 'resolve'] as const satisfies readonly IheartStep[];
export type ModelStep = (typeof MODEL_STEPS)[number];

export function isModelStep(step: IheartStep): step is ModelStep {
  return (MODEL_STEPS as readonly string[]).includes(step);
}

/** Weights are stored as integers in thousandths: compact in JSON, and exact to reproduce. */
export const WEIGHT_SCALE = 1000;

const languageWeightsSchema = z
  .object({
    /** The n-gram features the model kept (seen in at least two training replies). */
    features: z.array(z.string()).max(200_000),
    /** Per step, in MODEL_STEPS order, the bias in thousandths. */
    bias: z.array(z.number().int()).length(MODEL_STEPS.length),
    /** Row-major [feature][step], in thousandths. */
    weights: z.array(z.number().int()),
  })
  .refine((w) => w.weights.length === w.features.length * MODEL_STEPS.length, {
    message: 'weights must hold one value per feature and step',
  });

export const replyStepModelSchema = z.object({
  format: z.literal('attune-reply-steps'),
  formatVersion: z.literal(1),
  steps: z.tuple([z.literal('identify'), z.literal('hear'), z.literal('empathize'), z.literal('resolve')]),
  /** Below this probability a step the patterns credited is withdrawn. */
  veto: z.number().min(0).max(1),
  /** Above this probability a step the patterns missed is credited. */
  add: z.number().min(0).max(1),
  languages: z.object({ en: languageWeightsSchema, zh: languageWeightsSchema, ru: languageWeightsSchema }),
  /** Provenance for the model card: data, counts, settings, dev figures. */
  training: z.record(z.string(), z.unknown()),
});
export type ReplyStepModelFile = z.infer<typeof replyStepModelSchema>;

/** A model ready to score: per language a feature index and its weights. */
export interface ReplyStepModel {
  readonly veto: number;
  readonly add: number;
  readonly languages: Readonly<
    Record<
      PatternLang,
      { readonly index: ReadonlyMap<string, number>; readonly weights: Float64Array; readonly bias: Float64Array }
    >
  >;
  readonly file: ReplyStepModelFile;
}

/** Checks and indexes a model file's JSON; a clear error names what is wrong. */
export function loadReplyStepModel(json: unknown): ReplyStepModel {
  const parsed = replyStepModelSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`reply step model: ${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`.trim());
  }
  const file = parsed.data;
  const languages = {} as Record<
    PatternLang,
    { index: Map<string, number>; weights: Float64Array; bias: Float64Array }
  >;
  for (const lang of PATTERN_LANGS) {
    const l = file.languages[lang];
    languages[lang] = {
      index: new Map(l.features.map((f, i) => [f, i])),
      weights: Float64Array.from(l.weights, (w) => w / WEIGHT_SCALE),
      bias: Float64Array.from(l.bias, (w) => w / WEIGHT_SCALE),
    };
  }
  return { veto: file.veto, add: file.add, languages, file };
}

/**
 * The model's features of a text: in Chinese the character 1-, 2- and 3-grams (whitespace dropped); in English and
 * Russian the lowercased words, word bigrams and the first five letters of longer words ("refund~" for "refunded").
 * Training and reading both call this: one definition.
 */
export function replyStepFeatures(text: string, lang: PatternLang): string[] {
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

/** The model's logit for each step, in MODEL_STEPS order; the features are those of `replyStepFeatures`. */
export function stepLogits(model: ReplyStepModel, lang: PatternLang, features: readonly string[]): number[] {
  const l = model.languages[lang];
  const k = MODEL_STEPS.length;
  const z = Array.from(l.bias);
  for (const f of features) {
    const i = l.index.get(f);
    if (i === undefined) continue;
    for (let s = 0; s < k; s++) z[s] = (z[s] as number) + (l.weights[i * k + s] as number);
  }
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The probability of each model step for a reply. */
export function stepProbabilities(model: ReplyStepModel, reply: string, lang: PatternLang): Record<ModelStep, number> {
  const z = stepLogits(model, lang, replyStepFeatures(reply, lang));
  const out = {} as Record<ModelStep, number>;
  MODEL_STEPS.forEach((s, i) => (out[s] = sigmoid(z[i] as number)));
  return out;
}

/** The sentence whose own words weigh most for a step: the evidence shown when the model credits it. */
export function weightiestSentence(
  model: ReplyStepModel,
  reply: string,
  lang: PatternLang,
  step: ModelStep,
): TextSpan | undefined {
  const s = MODEL_STEPS.indexOf(step);
  const l = model.languages[lang];
  let best: TextSpan | undefined;
  let bestScore = -Infinity;
  for (const sentence of sentences(reply)) {
    let score = 0;
    for (const f of replyStepFeatures(sentence.text, lang)) {
      const i = l.index.get(f);
      if (i !== undefined) score += l.weights[i * MODEL_STEPS.length + s] as number;
    }
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}
