import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer, decodeModel, encodeModel, type Analyzer } from '@attune/engine';
import { DEFAULT_MODEL_PATH } from '@attune/model';
import { shippedLexicons } from './shipped-lexicons.ts';
import { trainModel } from './train-model.ts';
import { ablationTable, runAblation } from './ablation.ts';
import type { Profile } from './training-sources.ts';
import { TRAIN_USAGE } from './train-usage.ts';
import { loadReplyCorpus, trainCoachAlarms, trainReplySteps } from './reply-models.ts';

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
  if (values.task !== 'emotion' && values.task !== 'reply-steps' && values.task !== 'coach-alarms') {
    io.err(`attune train: --task must be emotion, reply-steps or coach-alarms, got ${values.task}\n`);
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
  if (values.task === 'reply-steps' || values.task === 'coach-alarms')
    return trainReplyModelCommand(values.task, values.corpus, values.out, limit, io, log);
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

/** Where the reply models live by default: bundled with the engine as data. */
export const SHIPPED_REPLY_MODEL_PATHS = {
  'reply-steps': resolve(repo, 'packages/engine/src/conversation/reply-step-model.json'),
  'coach-alarms': resolve(repo, 'packages/engine/src/coach/coach-alarm-model.json'),
} as const;

function trainReplyModelCommand(
  task: keyof typeof SHIPPED_REPLY_MODEL_PATHS,
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
    const { file, dev } =
      task === 'reply-steps' ? trainReplySteps(replies) : trainCoachAlarms(replies, shippedAnalyzer());
    const path = out ?? SHIPPED_REPLY_MODEL_PATHS[task];
    const json = JSON.stringify(file) + '\n';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
    const bytes = Buffer.byteLength(json);
    log(`wrote ${path} (${(bytes / 1e3).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    io.out(JSON.stringify({ task, out: path, bytes, dev, counts: file.training['counts'] }, null, 2) + '\n');
    return 0;
  } catch (error) {
    io.err(`attune train: ${(error as Error).message}\n`);
    return 1;
  }
}

/** The analyzer on the shipped emotion model: the coach's "customer is upset" is read with it, as in the live path. */
function shippedAnalyzer(): Analyzer {
  const decoded = decodeModel(new Uint8Array(readFileSync(DEFAULT_MODEL_PATH)));
  if (!decoded.ok) throw new Error(`${DEFAULT_MODEL_PATH}: ${decoded.error}`);
  return createAnalyzer({ model: decoded.value });
}
