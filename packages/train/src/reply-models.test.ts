import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import {
  createAnalyzer,
  decodeModel,
  labelProbabilities,
  loadReplyLabelModel,
  MODEL_ALARMS,
  MODEL_STEPS,
} from '@attune/engine';
import { DEFAULT_MODEL_PATH } from '@attune/model';
import {
  COACH_ALARM_SETTINGS,
  loadReplyCorpus,
  REPLY_STEP_SETTINGS,
  trainCoachAlarms,
  trainReplySteps,
} from './reply-models.ts';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpus');

describe('reply model training (a small slice of the corpus)', () => {
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
    const model = loadReplyLabelModel(JSON.parse(JSON.stringify(file)), MODEL_STEPS);
    for (const lang of ['en', 'zh', 'ru'] as const) {
      assert.ok(dev[lang].patterns > 0 && dev[lang].withModel > 0);
      const train = replies.filter((r) => r.lang === lang && r.split === 'train');
      for (const step of MODEL_STEPS) {
        const p = train.map((r) => ({ yes: r.steps.has(step), p: labelProbabilities(model, lang, r.reply)[step] }));
        const mean = (yes: boolean) => {
          const xs = p.filter((x) => x.yes === yes).map((x) => x.p);
          return xs.reduce((a, b) => a + b, 0) / xs.length;
        };
        if (p.some((x) => x.yes) && p.some((x) => !x.yes)) assert.ok(mean(true) > mean(false) + 0.3, `${lang} ${step}`);
      }
    }
  });

  it('trains the coach-alarm model on the draft and the customer message, and reports the coach without and with it', () => {
    const decoded = decodeModel(new Uint8Array(readFileSync(DEFAULT_MODEL_PATH)));
    assert.ok(decoded.ok);
    const analyzer = createAnalyzer({ model: decoded.value });
    const { file, dev } = trainCoachAlarms(replies, analyzer, { ...COACH_ALARM_SETTINGS, seeds: 2, epochs: 15 });
    const model = loadReplyLabelModel(file, MODEL_ALARMS);
    assert.equal(model.input, 'reply-and-customer');
    assert.ok(
      [...model.languages.zh.index.keys()].some((f) => f.startsWith('c:')),
      'customer n-grams are features',
    );
    for (const lang of ['en', 'zh', 'ru'] as const) {
      // It only withdraws alarms: never more flagged than the patterns alone.
      assert.ok(dev[lang].withModel.flagged <= dev[lang].patterns.flagged, lang);
      assert.equal(dev[lang].withModel.support, dev[lang].patterns.support);
    }
  });

  it('is reproducible: the same data and settings give the same file', () => {
    assert.deepEqual(trainReplySteps(replies, settings).file, trainReplySteps(replies, settings).file);
  });

  it('reads the dev lines of both reply files (the held-out batch of replies-extra is dev)', () => {
    const all = loadReplyCorpus(corpus);
    for (const lang of ['en', 'zh', 'ru'] as const) {
      const dev = all.filter((r) => r.lang === lang && r.split === 'dev');
      assert.ok(dev.some((r) => r.id.includes('-rep-')) && dev.some((r) => r.id.includes('-rpx-')), lang);
    }
  });

  it('fails with the missing path when the corpus is not there', () => {
    assert.throws(() => loadReplyCorpus(resolve(corpus, 'no-such-dir')), /ENOENT|no such file/);
  });
});
