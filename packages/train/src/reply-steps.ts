import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadReplyStepModel,
  MODEL_STEPS,
  PATTERN_LANGS,
  readReply,
  replyStepFeatures,
  sentences,
  stepsPerformed,
  WEIGHT_SCALE,
  IHEART_STEPS,
  type IheartStep,
  type PatternLang,
  type ReplyStepModel,
  type ReplyStepModelFile,
} from '@attune/engine';

/** One labelled agent reply, as the corpus holds it (`corpus/replies`, `corpus/replies-extra`). */
export interface LabelledReply {
  readonly id: string;
  readonly lang: PatternLang;
  readonly customer: string;
  readonly reply: string;
  readonly steps: ReadonlySet<IheartStep>;
  readonly split: 'train' | 'dev';
}

export interface ReplyStepSettings {
  /** Passes over the training replies. */
  readonly epochs: number;
  /** L2 penalty per update. */
  readonly l2: number;
  /** Models trained with different shuffles and averaged: one linear model, less dependent on one order. */
  readonly seeds: number;
  /** A feature is kept in the shipped file only if this many training replies have it. */
  readonly minCount: number;
  /** Also train on each sentence of a reply as a negative for the steps the reply does not perform. */
  readonly sentenceNegatives: boolean;
  readonly veto: number;
  readonly add: number;
}

/**
 * Chosen on the dev split's aggregate figures (never its lines): 40 epochs of AdaGrad at L2 1e-3, twenty shuffles
 * averaged (one shuffle moved dev macro-F1 by up to 0.04); features seen once are used in training but not shipped
 * (they rarely recur; dropping them made dev no worse); sentence negatives on (without them the model credited resolve
 * to "Добрый день!" and "Oh no, that sounds annoying"); veto 0.005 and add 0.7, the best mean of the three languages
 * over veto {0.005, 0.01, 0.02, 0.05} x add {0.7, 0.85, 0.95} (the whole grid lies within 0.016 of it).
 */
export const REPLY_STEP_SETTINGS: ReplyStepSettings = {
  epochs: 40,
  l2: 0.001,
  seeds: 20,
  minCount: 2,
  sentenceNegatives: true,
  veto: 0.005,
  add: 0.7,
};

/** The corpus files the reply-step model learns from: `replies` (train and dev lines) and `replies-extra` (train). */
export function loadReplyCorpus(corpusDir: string, limitPerLang?: number): LabelledReply[] {
  const out: LabelledReply[] = [];
  for (const lang of PATTERN_LANGS) {
    let taken = 0;
    for (const file of [
      join(corpusDir, 'replies', `${lang}.jsonl`),
      join(corpusDir, 'replies-extra', `${lang}.jsonl`),
    ]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.trim() === '' || (limitPerLang !== undefined && taken >= limitPerLang)) return;
        const reply = parseReplyLine(line, `${file}:${i + 1}`, lang);
        out.push(reply);
        if (reply.split === 'train') taken++;
      });
    }
  }
  return out;
}

function parseReplyLine(line: string, where: string, lang: PatternLang): LabelledReply {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
  const iheart = o['iheart'];
  if (
    typeof o['reply'] !== 'string' ||
    typeof o['customer'] !== 'string' ||
    typeof iheart !== 'object' ||
    iheart === null
  )
    throw new Error(`${where}: needs "customer", "reply" and "iheart"`);
  if (o['lang'] !== lang) throw new Error(`${where}: "lang" is ${String(o['lang'])}, expected ${lang}`);
  const split = o['split'] === 'dev' ? 'dev' : 'train';
  return {
    id: typeof o['id'] === 'string' ? o['id'] : where,
    lang,
    customer: o['customer'],
    reply: o['reply'],
    steps: new Set(IHEART_STEPS.filter((s) => (iheart as Record<string, unknown>)[s] === true)),
    split,
  };
}

/** A deterministic shuffle (LCG): the same data and settings always give the same model. */
function shuffler(seed: number): (a: number[]) => void {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j] as number, a[i] as number];
    }
  };
}

/**
 * Trains one language: a logistic regression per model step over `replyStepFeatures`, by AdaGrad with L2, averaged
 * over `seeds` shuffles. Returns the features kept and their weights in thousandths.
 */
function trainLanguage(
  replies: readonly LabelledReply[],
  lang: PatternLang,
  settings: ReplyStepSettings,
): ReplyStepModelFile['languages'][PatternLang] {
  const k = MODEL_STEPS.length;
  const ids = new Map<string, number>();
  const count: number[] = [];
  const featureIds = (text: string, counted: boolean): number[] =>
    replyStepFeatures(text, lang).map((f) => {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
        count.push(0);
      }
      if (counted) count[id] = (count[id] as number) + 1;
      return id;
    });
  // Each reply is an example for every step. Each of its sentences is one more example for the steps the reply does
  // not perform (a sentence of a reply without resolve does not resolve either), and no example for the others: this
  // teaches the model that a greeting or a lone "Let me check." performs nothing, which whole replies cannot.
  const rows: number[][] = [];
  const targets: number[][] = [];
  for (const r of replies) {
    rows.push(featureIds(r.reply, true));
    targets.push(MODEL_STEPS.map((s) => (r.steps.has(s) ? 1 : 0)));
    if (!settings.sentenceNegatives) continue;
    const parts = sentences(r.reply);
    if (parts.length < 2) continue;
    for (const part of parts) {
      rows.push(featureIds(part.text, false));
      targets.push(MODEL_STEPS.map((s) => (r.steps.has(s) ? -1 : 0)));
    }
  }
  const n = ids.size;
  const avgW = new Float64Array(n * k);
  const avgB = new Float64Array(k);
  for (let seed = 1; seed <= settings.seeds; seed++) {
    const w = new Float64Array(n * k);
    const g2 = new Float64Array(n * k).fill(1e-8);
    const b = new Float64Array(k);
    const gb = new Float64Array(k).fill(1e-8);
    const order = rows.map((_, i) => i);
    const shuffle = shuffler(seed * 7919);
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      shuffle(order);
      for (const i of order) {
        const row = rows[i] as number[];
        const y = targets[i] as number[];
        for (let s = 0; s < k; s++) {
          if ((y[s] as number) < 0) continue;
          let z = b[s] as number;
          for (const f of row) z += w[f * k + s] as number;
          const g = 1 / (1 + Math.exp(-z)) - (y[s] as number);
          gb[s] = (gb[s] as number) + g * g;
          b[s] = (b[s] as number) - (0.5 / Math.sqrt(gb[s] as number)) * g;
          for (const f of row) {
            const at = f * k + s;
            const grad = g + settings.l2 * (w[at] as number);
            g2[at] = (g2[at] as number) + grad * grad;
            w[at] = (w[at] as number) - (0.5 / Math.sqrt(g2[at] as number)) * grad;
          }
        }
      }
    }
    for (let i = 0; i < w.length; i++) avgW[i] = (avgW[i] as number) + (w[i] as number) / settings.seeds;
    for (let s = 0; s < k; s++) avgB[s] = (avgB[s] as number) + (b[s] as number) / settings.seeds;
  }
  const features: string[] = [];
  const weights: number[] = [];
  for (const [f, id] of [...ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if ((count[id] as number) < settings.minCount) continue;
    const row = Array.from({ length: k }, (_, s) => Math.round((avgW[id * k + s] as number) * WEIGHT_SCALE));
    if (row.every((v) => v === 0)) continue;
    features.push(f);
    weights.push(...row);
  }
  return { features, bias: Array.from(avgB, (v) => Math.round(v * WEIGHT_SCALE)), weights };
}

/** Per-step figures of one reading of the dev lines: precision, recall, F1, support. */
export interface StepFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** Scores readReply (patterns alone, or patterns with `model`) on the given replies: per step and macro-F1. */
export function scoreReplySteps(
  replies: readonly LabelledReply[],
  model: ReplyStepModel | null,
): { macroF1: number; steps: Record<IheartStep, StepFigures> } {
  const steps = {} as Record<IheartStep, StepFigures>;
  const predicted = replies.map(
    (r) => new Set(stepsPerformed(readReply(r.reply, { lang: r.lang, customerText: r.customer, stepModel: model }))),
  );
  let sum = 0;
  for (const step of IHEART_STEPS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    replies.forEach((r, i) => {
      const gold = r.steps.has(step);
      const pred = (predicted[i] as Set<IheartStep>).has(step);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    sum += f1;
    steps[step] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  }
  return { macroF1: round(sum / IHEART_STEPS.length), steps };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface ReplyStepTraining {
  readonly file: ReplyStepModelFile;
  /** Dev macro-F1 per language: patterns alone, and patterns with the model. */
  readonly dev: Record<PatternLang, { readonly patterns: number; readonly withModel: number }>;
}

/**
 * Trains the reply-step model on the `train` lines (never a dev line) and reports dev figures of the patterns alone
 * and with the model, side by side.
 */
export function trainReplySteps(
  replies: readonly LabelledReply[],
  settings: ReplyStepSettings = REPLY_STEP_SETTINGS,
): ReplyStepTraining {
  const languages = {} as ReplyStepModelFile['languages'];
  const counts = {} as Record<PatternLang, { train: number; dev: number; features: number }>;
  for (const lang of PATTERN_LANGS) {
    const train = replies.filter((r) => r.lang === lang && r.split === 'train');
    if (train.length === 0) throw new Error(`reply-step training: no train replies in ${lang}`);
    languages[lang] = trainLanguage(train, lang, settings);
    counts[lang] = {
      train: train.length,
      dev: replies.filter((r) => r.lang === lang && r.split === 'dev').length,
      features: languages[lang].features.length,
    };
  }
  const base: ReplyStepModelFile = {
    format: 'attune-reply-steps',
    formatVersion: 1,
    steps: [...MODEL_STEPS],
    veto: settings.veto,
    add: settings.add,
    languages,
    training: {},
  };
  const model = loadReplyStepModel(base);
  const dev = {} as ReplyStepTraining['dev'];
  const devSteps = {} as Record<PatternLang, Record<IheartStep, StepFigures>>;
  for (const lang of PATTERN_LANGS) {
    const lines = replies.filter((r) => r.lang === lang && r.split === 'dev');
    const withModel = scoreReplySteps(lines, model);
    dev[lang] = { patterns: scoreReplySteps(lines, null).macroF1, withModel: withModel.macroF1 };
    devSteps[lang] = withModel.steps;
  }
  const file: ReplyStepModelFile = {
    ...base,
    training: {
      data: 'corpus/replies (train lines) and corpus/replies-extra, Attune’s own labelled replies (Apache-2.0)',
      settings: { ...settings },
      counts,
      devMacroF1: dev,
      devSteps,
    },
  };
  return { file, dev };
}
