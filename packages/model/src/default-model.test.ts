import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { createAnalyzer, EMOTION_POLARITY, type Emotion } from '@attune/engine';
import { DEFAULT_MODEL_PATH, loadDefaultModel, loadModelFile } from './index.ts';

const analyzer = createAnalyzer({ model: await loadDefaultModel() });
const read = (text: string) => analyzer.analyzeMessage(text);

/** Messages whose reading any agent would agree on, in each language. */
const CLEAR_CASES: readonly [string, readonly Emotion[]][] = [
  ['This is the THIRD time I am writing to you!!! Where is my refund???', ['anger', 'frustration']],
  ['You people are useless, I am furious', ['anger']],
  ['Thank you so much, you really saved my day!', ['gratitude']],
  ["I'm really worried, my card was charged twice and rent is due tomorrow", ['anxiety']],
  ["I don't understand how to reset my password, which button do I press?", ['confusion']],
  ['我已经第三次联系你们了！！！到底什么时候退款？', ['anger', 'frustration']],
  ['太气人了，你们这服务简直垃圾', ['anger']],
  ['谢谢你们，问题终于解决了', ['gratitude']],
  ['我很担心，钱扣了两次，怎么办啊', ['anxiety']],
  ['我看不懂这个设置，请问在哪里修改密码？', ['confusion']],
  ['Я пишу вам уже третий раз!!! Где мой возврат?', ['anger', 'frustration']],
  ['Это просто издевательство, вы бесите', ['anger']],
  ['Спасибо огромное, вы мне очень помогли!', ['gratitude']],
  ['Я очень волнуюсь, деньги списали дважды', ['anxiety']],
  ['Не понимаю, как поменять пароль, где эта кнопка?', ['confusion']],
];

describe('the shipped default model', () => {
  it('is a committed file under 20 MB that names its id, version and profile', () => {
    assert.ok(statSync(DEFAULT_MODEL_PATH).size < 20 * 1024 * 1024);
    assert.match(analyzer.model.id, /^attune-emotion-default$/);
    assert.match(analyzer.model.version, /^\d+\.\d+\.\d+/);
  });

  for (const [text, expected] of CLEAR_CASES) {
    it(`reads "${text}" as ${expected.join(' or ')}`, () => {
      const r = read(text);
      assert.ok(
        expected.includes(r.emotions.dominant),
        `got ${r.emotions.dominant} ${JSON.stringify(r.emotions.probs)}`,
      );
      const polarity = EMOTION_POLARITY[expected[0] as Emotion];
      if (polarity !== 'neutral') assert.equal(r.sentiment.label, polarity);
    });
  }

  it('detects en, zh and ru and shows evidence for a strong emotion', () => {
    for (const [text, lang] of [
      ['I am furious, this is unacceptable!!!', 'en'],
      ['气死我了，太过分了！！', 'zh'],
      ['Это безобразие, я в бешенстве!!!', 'ru'],
    ] as const) {
      const r = read(text);
      assert.equal(r.lang.tag, lang);
      assert.ok(
        r.cues.some((c) => c.kind === 'lexicon' && c.emotion === 'anger'),
        JSON.stringify(r.cues),
      );
      assert.ok(r.emotions.intensity > 0.5, `intensity ${r.emotions.intensity}`);
    }
  });

  it('reads negated praise as negative in all three languages', () => {
    for (const text of ['I am not happy with this at all', '我对这次服务不太满意', 'Я не доволен обслуживанием']) {
      const r = read(text);
      assert.equal(r.sentiment.label, 'negative', `${text}: ${JSON.stringify(r.sentiment)}`);
      assert.ok(
        r.cues.some((c) => c.kind === 'negation'),
        `${text}: ${JSON.stringify(r.cues)}`,
      );
    }
  });

  it('keeps plain requests calm: not negative, low intensity', () => {
    for (const text of [
      'Can you tell me the delivery date for order 5512?',
      '请问订单什么时候发货？',
      'Подскажите, пожалуйста, сроки доставки заказа',
    ]) {
      const r = read(text);
      assert.notEqual(r.sentiment.label, 'negative', `${text}: ${JSON.stringify(r.sentiment)}`);
      assert.ok(r.emotions.intensity < 0.5, `${text}: intensity ${r.emotions.intensity}`);
    }
  });

  it('fails with a clear error for a file that is not a model', async () => {
    await assert.rejects(
      loadModelFile(new URL('../package.json', import.meta.url).pathname),
      /not an Attune model file/,
    );
    await assert.rejects(loadModelFile('/nonexistent/attune.model'), /cannot read model file/);
  });
});
