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
import { loadReplyCorpus, trainReplySteps } from './reply-steps.ts';

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
        task: { type: 'string', default: 'emotion' },
        corpus: { type: 'string', default: resolve(repo, 'corpus') },
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
  if (values.task !== 'emotion' && values.task !== 'reply-steps') {
    io.err(`attune train: --task must be emotion or reply-steps, got ${values.task}\n`);
    return 2;
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
  if (values.task === 'reply-steps') return trainReplyStepCommand(values.corpus, values.out, limit, io, log);
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

/** The reply-step model's default location: bundled with the engine as data. */
export const SHIPPED_REPLY_STEP_MODEL_PATH = resolve(repo, 'packages/engine/src/conversation/reply-step-model.json');

function trainReplyStepCommand(
  corpus: string,
  out: string | undefined,
  limit: number | undefined,
  io: TrainingIo,
  log: (line: string) => void,
): number {
  try {
    const started = Date.now();
    const replies = loadReplyCorpus(corpus, limit);
    log(`${replies.length} labelled replies from ${corpus}`);
    const { file, dev } = trainReplySteps(replies);
    const path = out ?? SHIPPED_REPLY_STEP_MODEL_PATH;
    const json = JSON.stringify(file) + '\n';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
    const bytes = Buffer.byteLength(json);
    log(`wrote ${path} (${(bytes / 1e3).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    io.out(
      JSON.stringify({ task: 'reply-steps', out: path, bytes, dev, counts: file.training['counts'] }, null, 2) + '\n',
    );
    return 0;
  } catch (error) {
    io.err(`attune train: ${(error as Error).message}\n`);
    return 1;
  }
}
