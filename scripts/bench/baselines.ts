import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLabelScheme, mapLabels, singleLabelMetrics, type Sentiment } from '@attune/engine';

/**
 * The JavaScript sentiment libraries a Node user would otherwise pick, behind one interface, each used only in
 * the languages it claims.
 */
export interface PolarityLibrary {
  readonly name: string;
  readonly languages: readonly string[];
  /** A polarity score: > 0 positive, < 0 negative, 0 neutral. */
  score(text: string, lang: string): Promise<number> | number;
  /** Scores within +-neutralBand count as neutral. */
  readonly neutralBand: number;
}

const require = createRequire(import.meta.url);

export async function baselineLibraries(): Promise<PolarityLibrary[]> {
  const SentimentLib = require('sentiment') as new () => {
    analyze(text: string): { comparative: number; score: number };
  };
  const sentiment = new SentimentLib();
  const vader = require('vader-sentiment') as {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
  };
  const { Container } = require('@nlpjs/core') as { Container: new () => { use(x: unknown): void } };
  const { SentimentAnalyzer } = require('@nlpjs/sentiment') as {
    SentimentAnalyzer: new (opts: unknown) => {
      process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number } }>;
    };
  };
  const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
  const { LangRu } = require('@nlpjs/lang-ru') as { LangRu: unknown };
  const container = new Container();
  container.use(LangEn);
  container.use(LangRu);
  const nlpjs = new SentimentAnalyzer({ container });
  return [
    { name: 'sentiment (AFINN)', languages: ['en'], neutralBand: 0, score: (text) => sentiment.analyze(text).score },
    {
      name: 'vader-sentiment',
      languages: ['en'],
      neutralBand: 0.05,
      score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
    },
    {
      name: '@nlpjs/sentiment',
      languages: ['en', 'ru'],
      neutralBand: 0,
      score: async (text, lang) => (await nlpjs.process({ locale: lang, text })).sentiment.score,
    },
  ];
}

export interface PolaritySet {
  readonly name: string;
  readonly lang: 'en' | 'ru' | 'zh';
  /** Binary sets have no neutral class: predictions are forced to positive or negative. */
  readonly binary: boolean;
  readonly examples: readonly { readonly text: string; readonly gold: Sentiment }[];
}

/** Single-label polarity examples from dev splits (multi-polarity examples are left out). */
export function polaritySets(datasets: string, work: string): PolaritySet[] {
  const read = (file: string, scheme: string, field?: string): { text: string; gold: Sentiment }[] => {
    if (!existsSync(file)) return [];
    const s = getLabelScheme(scheme);
    if (s === undefined) throw new Error(`unknown scheme ${scheme}`);
    const out: { text: string; gold: Sentiment }[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as Record<string, unknown>;
      const labels = field !== undefined ? [String(row[field])] : (row.labels as string[]);
      const { mapped } = mapLabels(s, labels);
      if (mapped.length === 1) out.push({ text: String(row.text), gold: mapped[0] as Sentiment });
    }
    return out;
  };
  const d = (folder: string) => join(datasets, folder, 'dev.jsonl');
  return [
    { name: 'GoEmotions dev', lang: 'en', binary: false, examples: read(d('goemotions'), 'goemotions-sentiment') },
    {
      name: 'Attune corpus en dev',
      lang: 'en',
      binary: false,
      examples: read(join(work, 'corpus-en.jsonl'), 'attune-sentiment', 'sentiment'),
    },
    { name: 'RuSentiment dev', lang: 'ru', binary: false, examples: read(d('rusentiment'), 'rusentiment') },
    {
      name: 'Attune corpus ru dev',
      lang: 'ru',
      binary: false,
      examples: read(join(work, 'corpus-ru.jsonl'), 'attune-sentiment', 'sentiment'),
    },
    { name: 'waimai-10k dev', lang: 'zh', binary: true, examples: read(d('waimai-10k'), 'binary') },
    {
      name: 'Attune corpus zh dev',
      lang: 'zh',
      binary: false,
      examples: read(join(work, 'corpus-zh.jsonl'), 'attune-sentiment', 'sentiment'),
    },
  ];
}

export async function polarityMacroF1(
  set: PolaritySet,
  predict: (text: string) => Promise<Sentiment> | Sentiment,
): Promise<{ macroF1: number; accuracy: number }> {
  const gold: string[] = [];
  const pred: string[] = [];
  for (const e of set.examples) {
    gold.push(e.gold);
    pred.push(await predict(e.text));
  }
  const m = singleLabelMetrics(gold, pred, set.binary ? ['negative', 'positive'] : ['negative', 'neutral', 'positive']);
  return { macroF1: m.macroF1, accuracy: m.accuracy };
}

export function labelFromScore(score: number, band: number, binary: boolean): Sentiment {
  if (binary) return score >= 0 ? 'positive' : 'negative';
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}
