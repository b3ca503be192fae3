import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeModel } from '@attune/engine';
import { DEFAULT_MODEL_PATH } from '@attune/model';
import { shippedLexicons } from './shipped-lexicons.ts';
import { trainModel } from './train-model.ts';
import { ablationTable, runAblation } from './ablation.ts';
import type { Profile } from './training-sources.ts';
import { TRAIN_USAGE } from './train-usage.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TrainingIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** `attune train` / `npm run train`: parses flags, trains, writes the model. Returns the exit code. */
export function runTrainingCommand(argv: readonly string[], io: TrainingIo): number {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        profile: { type: 'string', default: 'default' },
        data: { type: 'string', default: resolve(repo, '../shared/datasets') },
        out: { type: 'string' },
        search: { type: 'boolean', default: false },
        ablation: { type: 'boolean', default: false },
        limit: { type: 'string' },
        version: { type: 'string', default: '1.0.0' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    io.err(`attune train: ${(error as Error).message}\n\n${TRAIN_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(TRAIN_USAGE);
    return 0;
  }
  const profile = values.profile as Profile;
  if (profile !== 'default' && profile !== 'full') {
    io.err(`attune train: --profile must be default or full, got ${values.profile}\n`);
    return 2;
  }
  const limit = values.limit !== undefined ? Number(values.limit) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    io.err(`attune train: --limit must be a positive integer, got ${values.limit}\n`);
    return 2;
  }
  const log = (line: string) => io.err(`[train] ${line}\n`);
  const base = {
    profile,
    locations: { datasets: values.data, repo },
    lexicons: shippedLexicons(),
    version: values.version,
    ...(limit !== undefined ? { limit } : {}),
  };
  try {
    if (values.ablation) {
      io.out(ablationTable(runAblation(base, log)) + '\n');
      return 0;
    }
    const out =
      values.out ?? (profile === 'default' ? DEFAULT_MODEL_PATH : resolve(repo, 'models/full/attune-full.model'));
    const started = Date.now();
    const result = trainModel({ ...base, search: values.search, log });
    const bytes = encodeModel(result.model);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    log(`wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    io.out(
      JSON.stringify(
        {
          profile,
          out,
          bytes: bytes.length,
          objective: result.objective,
          dev: result.dev,
          counts: result.counts,
          ...(result.search ? { search: result.search } : {}),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  } catch (error) {
    io.err(`attune train: ${(error as Error).message}\n`);
    return 1;
  }
}
