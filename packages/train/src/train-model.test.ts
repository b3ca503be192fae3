import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, decodeModel, encodeModel } from '@attune/engine';
import { CHOSEN_SETTINGS, trainModel, type TrainOptions } from './train-model.ts';
import { shippedLexicons } from './shipped-lexicons.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const datasets = fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));
const haveData = existsSync(`${datasets}/goemotions/train.jsonl`);
if (!haveData) console.warn(`NOTICE: training pipeline tests skipped: no datasets at ${datasets}`);

/** A small slice keeps this a pipeline check (seconds), not a real training run. */
const slice: TrainOptions = {
  profile: 'default',
  locations: { datasets, repo },
  lexicons: shippedLexicons(),
  version: 'test',
  limit: 300,
};

describe('trainModel on a small slice of the datasets', { skip: !haveData }, () => {
  const trained = haveData ? trainModel(slice) : undefined;

  it('learns: the dev score beats the same pipeline with no training epochs', () => {
    const untrained = trainModel({ ...slice, settings: { ...CHOSEN_SETTINGS, epochs: 0 } });
    assert.ok(
      trained && trained.objective > untrained.objective + 0.05,
      `${trained?.objective} vs ${untrained.objective}`,
    );
  });

  it('reads every default-profile source and no non-commercial or unstated one', () => {
    const names = Object.keys(trained?.counts ?? {});
    assert.ok(names.includes('goemotions') && names.includes('cedr') && names.includes('xed'));
    assert.ok(!names.includes('rusentiment') && !names.includes('smp2020-ewect') && !names.includes('waimai-10k'));
  });

  it('writes a model file that decodes and analyses text in all three languages', () => {
    assert.ok(trained);
    const decoded = decodeModel(encodeModel(trained.model));
    assert.ok(decoded.ok);
    const analyzer = createAnalyzer({ model: decoded.value });
    for (const text of ['I am so angry', '我很生气', 'Я очень зол']) {
      const r = analyzer.analyzeMessage(text);
      assert.ok(Object.values(r.emotions.probs).every((p) => p >= 0 && p <= 1));
    }
    assert.equal(decoded.value.header.profile, 'default');
    assert.ok(Array.isArray((decoded.value.header.training as { sources: unknown[] }).sources));
  });

  it('is deterministic: the same data and seed give the same weights', () => {
    const again = trainModel(slice);
    assert.ok(trained);
    assert.deepEqual(again.model.hashed, trained.model.hashed);
    assert.deepEqual(again.model.dense, trained.model.dense);
  });
});
