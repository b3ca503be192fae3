import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReply } from './reply-reading.ts';
import { sharedContent } from './shared-content.ts';

const texts = (reply: string, customer: string, lang: 'en' | 'zh' | 'ru') =>
  sharedContent(reply, customer, lang).map((u) => u.text);

describe('sharedContent', () => {
  it('counts a Chinese word once, not as the overlapping bigrams inside it', () => {
    assert.deepEqual(texts('您说的充错号码我们来处理', '我充错号码了怎么办', 'zh'), ['充错号码']);
  });

  it('ignores greetings and courtesy words the customer also used', () => {
    assert.deepEqual(texts('Hello there! Sorry, please hold on.', 'Hello, is anyone there? Please help', 'en'), []);
    assert.deepEqual(texts('Здравствуйте! Добрый день.', 'Добрый день, здравствуйте', 'ru'), []);
    assert.deepEqual(texts('您好，感谢您联系客服', '您好客服，感谢', 'zh'), []);
  });

  it('matches word forms by their first five letters, each word once, in reply order', () => {
    assert.deepEqual(texts('The refunded charges: both charges refunded.', 'Refund the double charge', 'en'), [
      'refunded',
      'charges',
    ]);
    assert.deepEqual(texts('Возврат средств оформлен', 'где возврата моих средств', 'ru'), ['Возврат', 'средств']);
  });
});

describe('Hear from restated details', () => {
  it('credits a reply that takes up several of the customer’s own details', () => {
    const r = readReply('So the parcel locker code expired before you could collect the parcel?', {
      customerText: 'My parcel locker code expired before I could collect it',
      lang: 'en',
    });
    assert.ok(r.steps.hear.length > 0);
  });

  it('does not credit a greeting plus one shared Chinese word as restating the problem', () => {
    const r = readReply('你好，自动续费可以在设置里关闭。', { customerText: '你好，为什么自动续费了', lang: 'zh' });
    assert.equal(r.steps.hear.length, 0);
  });
});
