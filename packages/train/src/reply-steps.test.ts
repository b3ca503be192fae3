import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { loadReplyStepModel, MODEL_STEPS, stepProbabilities } from '@attune/engine';
import { loadReplyCorpus, REPLY_STEP_SETTINGS, trainReplySteps } from './reply-steps.ts';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpus');

describe('reply-step model training (a small slice of the corpus)', () => {
  const replies = loadReplyCorpus(corpus, 60);
  const settings = { ...REPLY_STEP_SETTINGS, seeds: 2, epochs: 15 };

  it('reads train and dev lines of every language, and never trains on a dev line', () => {
    for (const lang of ['en', 'zh', 'ru'] as const) {
      assert.equal(replies.filter((r) => r.lang === lang && r.split === 'train').length, 60);
      assert.ok(replies.some((r) => r.lang === lang && r.split === 'dev'));
    }
    const { file } = trainReplySteps(replies, settings);
    const counts = file.training['counts'] as Record<string, { train: number }>;
    assert.equal(counts['zh']?.train, 60);
  });

  it('writes a valid model that separates the replies that perform a step from those that do not', () => {
    const { file, dev } = trainReplySteps(replies, settings);
    const model = loadReplyStepModel(JSON.parse(JSON.stringify(file)));
    for (const lang of ['en', 'zh', 'ru'] as const) {
      assert.ok(dev[lang].patterns > 0 && dev[lang].withModel > 0);
      const train = replies.filter((r) => r.lang === lang && r.split === 'train');
      for (const step of MODEL_STEPS) {
        const p = train.map((r) => ({ yes: r.steps.has(step), p: stepProbabilities(model, r.reply, lang)[step] }));
        const mean = (yes: boolean) => {
          const xs = p.filter((x) => x.yes === yes).map((x) => x.p);
          return xs.reduce((a, b) => a + b, 0) / xs.length;
        };
        if (p.some((x) => x.yes) && p.some((x) => !x.yes)) assert.ok(mean(true) > mean(false) + 0.3, `${lang} ${step}`);
      }
    }
  });

  it('is reproducible: the same data and settings give the same file', () => {
    assert.deepEqual(trainReplySteps(replies, settings).file, trainReplySteps(replies, settings).file);
  });

  it('fails with the missing path when the corpus is not there', () => {
    assert.throws(() => loadReplyCorpus(resolve(corpus, 'no-such-dir')), /ENOENT|no such file/);
  });
});
