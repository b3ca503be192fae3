#!/usr/bin/env node
// npm run train -- [--profile default|full] [--data DIR] [--out FILE] [--search] [--limit N]
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

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
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
});
if (values.help) {
  console.log(`Usage: npm run train -- [--profile default|full] [--data DIR] [--out FILE] [--search] [--limit N]

Trains Attune's emotion model from the datasets' train splits and calibrates it on their dev splits.
  --profile default   only data whose licence allows redistributing the model (committed to the repo)
  --profile full      adds non-commercial and unstated-licence data (never commit the result)
  --data DIR          the shared datasets directory (default ../shared/datasets)
  --out FILE          where to write the model (default: the shipped model for default, models/full/ for full)
  --search            choose settings on dev from a small grid (slower)
  --limit N           at most N examples per source and split: a quick pipeline check
  --ablation          measure what lexicons, the corpus, dense-only dropout and cross-lingual transfer add
                      (prints a Markdown table; writes no model)`);
  process.exit(0);
}
const profile = values.profile as Profile;
if (profile !== 'default' && profile !== 'full') {
  console.error(`train: --profile must be default or full, got ${values.profile}`);
  process.exit(2);
}
const limit = values.limit !== undefined ? Number(values.limit) : undefined;
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
  console.error(`train: --limit must be a positive integer, got ${values.limit}`);
  process.exit(2);
}
if (values.ablation) {
  const rows = runAblation(
    { profile, locations: { datasets: values.data, repo }, lexicons: shippedLexicons(), version: values.version, ...(limit !== undefined ? { limit } : {}) },
    (line) => console.error(`[train] ${line}`),
  );
  console.log(ablationTable(rows));
  process.exit(0);
}
const out = values.out ?? (profile === 'default' ? DEFAULT_MODEL_PATH : resolve(repo, 'models/full/attune-full.model'));
const started = Date.now();
const result = trainModel({
  profile,
  locations: { datasets: values.data, repo },
  lexicons: shippedLexicons(),
  search: values.search,
  version: values.version,
  ...(limit !== undefined ? { limit } : {}),
  log: (line) => console.error(`[train] ${line}`),
});
const bytes = encodeModel(result.model);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.error(
  `[train] wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
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
  ),
);
