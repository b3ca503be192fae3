import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel } from '@attune/engine';
import { readFileSync } from 'node:fs';
import { runAttune } from '../testing/spawn-attune.ts';

const datasets = fileURLToPath(new URL('../../../../../shared/datasets', import.meta.url));
const haveData = existsSync(join(datasets, 'goemotions/train.jsonl'));

describe('attune train', () => {
  it('prints its usage with every flag', async () => {
    const run = await runAttune(['train', '--help']);
    assert.equal(run.code, 0, run.stderr);
    for (const flag of ['--profile', '--data', '--out', '--search', '--limit', '--ablation'])
      assert.ok(run.stdout.includes(flag), flag);
  });

  it('refuses a bad profile or limit with exit code 2 and says what it got', async () => {
    const profile = await runAttune(['train', '--profile', 'everything']);
    assert.equal(profile.code, 2);
    assert.match(profile.stderr, /--profile must be default or full, got everything/);
    const limit = await runAttune(['train', '--limit', 'x']);
    assert.equal(limit.code, 2);
    assert.match(limit.stderr, /--limit must be a positive integer, got x/);
  });

  it('fails with exit code 1 and names the missing file when a dataset is absent, rather than training without it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'attune-train-'));
    try {
      const run = await runAttune(['train', '--data', empty, '--limit', '10', '--out', join(empty, 'x.model')]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /missing training data for goemotions: no file .*goemotions\/train\.jsonl/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it(
    'writes a model file that loads, trained on a small slice',
    { skip: haveData ? false : 'no ../shared/datasets' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'attune-train-'));
      try {
        const out = join(dir, 'slice.model');
        const run = await runAttune(['train', '--data', datasets, '--limit', '150', '--out', out]);
        assert.equal(run.code, 0, run.stderr);
        const summary = JSON.parse(run.stdout) as { profile: string; dev: Record<string, unknown> };
        assert.equal(summary.profile, 'default');
        assert.ok(Object.keys(summary.dev).length > 0);
        assert.ok(decodeModel(new Uint8Array(readFileSync(out))).ok);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
