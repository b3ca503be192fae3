import { CHOSEN_SETTINGS, trainModel, type TrainOptions } from './train-model.ts';
import type { DevScores } from './dev-objective.ts';

export interface AblationRow {
  readonly variant: string;
  readonly objective: number;
  readonly dev: DevScores;
}

/**
 * What each part of Attune's own work adds, measured on the same dev examples: the hand-written lexicons, the
 * hand-written corpus, training the language-independent features on their own (dense-only dropout, off in the
 * shipped settings), and
 * cross-lingual transfer (zh and ru trained with, versus without, the other languages' data).
 */
export function runAblation(base: TrainOptions, log: (line: string) => void): AblationRow[] {
  const variants: [string, Partial<TrainOptions>][] = [
    ['shipped settings', {}],
    ['without lexicons', { lexicons: { languages: [], symbols: [] } }],
    ['without Attune corpus', { excludeSources: ['attune-corpus'] }],
    ['with dense-only dropout 0.25', { settings: { ...(base.settings ?? CHOSEN_SETTINGS), hashedDropout: 0.25 } }],
    ['zh data only (no transfer to zh)', { trainLanguages: ['zh'] }],
    ['ru data only (no transfer to ru)', { trainLanguages: ['ru'] }],
  ];
  const rows: AblationRow[] = [];
  for (const [variant, patch] of variants) {
    const result = trainModel({ ...base, ...patch, search: false });
    rows.push({ variant, objective: result.objective, dev: result.dev });
    log(`ablation ${variant}: ${result.objective} ${JSON.stringify(result.dev)}`);
  }
  return rows;
}

/** The ablation as a Markdown table: macro-F1 per language and head. */
export function ablationTable(rows: readonly AblationRow[]): string {
  const head = '| variant | en emotion | en sentiment | ru emotion | ru sentiment | zh emotion | zh sentiment |';
  const cell = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(3));
  const lines = rows.map((r) => {
    const d = (l: string) => r.dev[l];
    return `| ${r.variant} | ${cell(d('en')?.emotion)} | ${cell(d('en')?.sentiment)} | ${cell(d('ru')?.emotion)} | ${cell(d('ru')?.sentiment)} | ${cell(d('zh')?.emotion)} | ${cell(d('zh')?.sentiment)} |`;
  });
  return [head, '|---|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}
