import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DETECT_SCAN_LIMIT, detectLanguage } from './detect-language.ts';

/** Realistic short customer messages, as they arrive in chat, e-mail subjects and social posts. */
const MESSAGES: readonly (readonly [string, string])[] = [
  // English
  ['en', 'refund please'],
  ['en', 'ok thanks'],
  ['en', 'where is my order'],
  ['en', "This is ridiculous, I've been waiting for two weeks!"],
  ['en', 'Hi, my package never arrived and nobody answers my emails'],
  ['en', 'I was charged twice, can you help?'],
  ['en', "I'm so frustrated, the app keeps crashing"],
  ['en', 'Thank you so much, you saved me!'],
  ['en', "I don't understand how to cancel my subscription"],
  ['en', 'STILL WAITING FOR MY REFUND!!!'],
  ['en', 'cant log in to my account'],
  ['en', 'Great service, thanks again'],
  // Chinese
  ['zh', '我的快递怎么还没到'],
  ['zh', '谢谢'],
  ['zh', '好'],
  ['zh', '等了半天了，太过分了！'],
  ['zh', '你们这是坑人吧，气死我了'],
  ['zh', '请问怎么申请退款？'],
  ['zh', '看不懂这个说明，怎么办'],
  ['zh', '我的order还没到'],
  ['zh', '客服小姐姐太棒了，感谢！'],
  ['zh', '訂單一直沒有更新，很著急'],
  ['zh', '无语，垃圾服务 😡'],
  ['zh', '退款什么时候到账?? 已经一周了'],
  // Russian
  ['ru', 'Где мой заказ?'],
  ['ru', 'Спасибо!'],
  ['ru', 'Да'],
  ['ru', 'Сколько можно ждать? Безобразие!'],
  ['ru', 'Не понимаю, как оформить возврат'],
  ['ru', 'iPhone не работает после обновления'],
  ['ru', 'Здравствуйте, почему не приходит код?'],
  ['ru', 'Это издевательство, верните деньги'],
  ['ru', 'Очень волнуюсь, деньги списали, а заказа нет((('],
  ['ru', 'Объясните, пожалуйста, что случилось'],
  ['ru', 'ВСЁ СЛОМАЛОСЬ!!!'],
  // Other Cyrillic languages
  ['uk', 'Дякую за допомогу'],
  ['uk', 'Мені не прийшло замовлення'],
  ['bg', 'Ще ми върнете ли парите? Няма отговор'],
  ['sr', 'Где је моја поруџбина?'],
  ['kk', 'Тапсырысым әлі келген жоқ, қашан келеді?'],
  // Other Latin languages
  ['es', 'Hola, ¿dónde está mi pedido?'],
  ['es', 'Todavía no he recibido el reembolso, gracias'],
  ['fr', "Bonjour, je n'ai pas reçu ma commande"],
  ['fr', 'Merci beaucoup pour votre aide'],
  ['de', 'Wo ist meine Bestellung?'],
  ['de', 'Ich habe mein Geld immer noch nicht zurück, danke'],
  ['pt', 'Onde está o meu pedido? Não recebi'],
  ['pt', 'Obrigado pela ajuda, já está resolvido'],
  ['it', "Dov'è il mio ordine? Non è ancora arrivato"],
  ['it', 'Grazie mille per il rimborso'],
  ['nl', 'Waar is mijn bestelling? Ik heb nog niets ontvangen'],
  ['tr', 'Siparişim nerede? Hala gelmedi'],
  ['pl', 'Gdzie jest moje zamówienie? Dziękuję'],
  ['id', 'Pesanan saya belum sampai, tolong dicek kak'],
  ['vi', 'Tôi chưa nhận được hàng'],
  // Other scripts
  ['ja', '注文した商品がまだ届きません'],
  ['ja', 'ありがとうございます'],
  ['ko', '주문한 물건이 아직 안 왔어요'],
  ['ar', 'طلبي لم يصل بعد'],
  ['fa', 'سفارش من هنوز نرسیده است'],
  ['he', 'ההזמנה שלי לא הגיעה'],
  ['el', 'Η παραγγελία μου δεν έχει φτάσει'],
  ['th', 'ฉันยังไม่ได้รับสินค้า'],
  ['hi', 'मेरा ऑर्डर अभी तक नहीं आया'],
  // Nothing to go on
  ['und', '👍👍'],
  ['und', '12345'],
  ['und', ''],
  ['und', '?!?!'],
  ['und', 'ok'],
  ['und', 'asdf'],
];

describe('detectLanguage', () => {
  for (const [expected, text] of MESSAGES) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      const { tag, confidence } = detectLanguage(text);
      assert.equal(tag, expected);
      assert.ok(confidence > 0 && confidence <= 1, `confidence ${confidence}`);
    });
  }

  it('is sure of a message with no letters at all and says und', () => {
    for (const text of ['', '   ', '😡😡😡', '123 456', '!!!', ':)']) {
      assert.deepEqual(detectLanguage(text), { tag: 'und', confidence: 1 });
    }
  });

  it('is less sure of a two-word English request than of a full English sentence', () => {
    const short = detectLanguage('refund please');
    const long = detectLanguage('Hi, I still have not received my refund and it has been three weeks, please help');
    assert.equal(short.tag, 'en');
    assert.equal(long.tag, 'en');
    assert.ok(short.confidence < long.confidence, `${short.confidence} < ${long.confidence}`);
    assert.ok(short.confidence >= 0.4);
  });

  it('is less sure of a code-switched message than of a message in one script', () => {
    const mixed = detectLanguage('我的order还没到');
    const pure = detectLanguage('我的订单还没到');
    assert.equal(mixed.tag, 'zh');
    assert.ok(mixed.confidence < pure.confidence);
  });

  it('lets Han characters outweigh an English brand name in a Chinese sentence', () => {
    assert.equal(detectLanguage('iPhone充不进电了').tag, 'zh');
    assert.equal(detectLanguage('my 快递 is late and nobody replies').tag, 'en');
  });

  it('ignores markup, entities, links and e-mail addresses when weighing scripts', () => {
    assert.equal(detectLanguage('<div class="message"><p>Где мой заказ?</p></div>').tag, 'ru');
    assert.equal(detectLanguage('&nbsp;&nbsp;退款&amp;换货&nbsp;').tag, 'zh');
    assert.equal(detectLanguage('https://shop.example.com/orders/12345 заказ не пришёл').tag, 'ru');
    assert.equal(detectLanguage('写信到 support.team@example.com 没人回').tag, 'zh');
    assert.equal(detectLanguage('www.example.com/track 还是没有物流').tag, 'zh');
  });

  it('survives lone surrogates, control characters, zero-width joiners and direction marks', () => {
    const hostile = [
      '\uD800',
      '\uDC00abc',
      'where\uD83D is my order',
      '\u0000\u0001\u0007\u001b[31m',
      '👨\u200D👩\u200D👧',
      '\u200E\u200F\u202Eгде заказ\u202C',
      '\uFEFFthanks',
      '\uFFFD\uFFFF',
    ];
    for (const text of hostile) {
      const { tag, confidence } = detectLanguage(text);
      assert.equal(typeof tag, 'string');
      assert.ok(confidence >= 0 && confidence <= 1);
    }
    assert.equal(detectLanguage('\u200E\u202Eгде мой заказ\u202C').tag, 'ru');
  });

  it('counts a supplementary Han character as Chinese, not as two code units of noise', () => {
    assert.equal(detectLanguage('\u{20000}\u{20001}').tag, 'zh');
  });

  it('reads only the head of a megabyte string and returns quickly', () => {
    const huge = 'Где мой заказ? '.repeat(70_000);
    const started = performance.now();
    const result = detectLanguage(huge);
    const elapsed = performance.now() - started;
    assert.equal(result.tag, 'ru');
    assert.ok(elapsed < 50, `took ${elapsed} ms`);
    // Whatever follows the scan limit cannot change the answer.
    assert.deepEqual(detectLanguage('a'.repeat(DETECT_SCAN_LIMIT) + '我'.repeat(10_000)), detectLanguage('a'));
  });

  it('gives the same answer for the same text every time (no state leaks between calls)', () => {
    const first = detectLanguage('Bonjour, je n’ai pas reçu ma commande');
    detectLanguage('سفارش من هنوز نرسیده است');
    detectLanguage('Где је моја поруџбина?');
    assert.deepEqual(detectLanguage('Bonjour, je n’ai pas reçu ma commande'), first);
  });
});
