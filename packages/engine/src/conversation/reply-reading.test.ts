import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReply, stepsPerformed } from './reply-reading.ts';

describe('readReply (IHEART steps in an agent reply)', () => {
  it('credits hear, apologize and resolve for an apology that names the problem, with a completed action', () => {
    const r = readReply(
      "I'm so sorry your order arrived damaged. I've sent a replacement and it will arrive by Friday.",
    );
    assert.deepEqual(stepsPerformed(r), ['hear', 'apologize', 'resolve']);
    assert.equal(r.steps.resolve[0]?.cue, 'done_action');
  });

  it('credits identify and hear for naming the feeling and asking a clarifying question', () => {
    const r = readReply('I can see how frustrating this must be. Could you send me your order number?');
    assert.ok(r.steps.identify.length > 0);
    assert.ok(r.steps.empathize.length > 0);
    assert.equal(r.steps.hear[0]?.cue, 'clarifying_question');
    assert.equal(r.questions.clarifying.length, 1);
  });

  it('credits a next step without a time frame as resolve (the coach flags the missing time frame separately)', () => {
    const r = readReply("I'll send you a replacement charger.");
    assert.equal(r.steps.resolve[0]?.cue, 'concrete_commitment');
    // corpus/README.md: a vague reassurance ("we'll look into it") is not resolve.
    assert.equal(readReply("I'll look into it and get back to you.").steps.resolve.length, 0);
  });

  it('does not credit resolve for an answer that only sympathises', () => {
    assert.equal(readReply('Oh no, that sounds really annoying.').steps.resolve.length, 0);
  });

  it('credits resolve for a promise with a time frame', () => {
    const r = readReply("I'll send you the invoice within 2 hours.");
    assert.equal(r.steps.resolve[0]?.cue, 'commitment_with_time');
  });

  it('does not read "don\'t worry" as naming the customer\'s emotion', () => {
    const r = readReply("Don't worry, your account is safe.");
    assert.equal(r.steps.identify.length, 0);
    assert.ok(r.behaviours.emotional_support.length > 0);
  });

  it('tells a closing check from a clarifying question', () => {
    const r = readReply('Did that solve the problem?');
    assert.equal(r.questions.closing.length, 1);
    assert.equal(r.questions.clarifying.length, 0);
    assert.equal(r.steps.hear.length, 0);
  });

  it('reads a Chinese reply: naming the feeling, apology, refund with a time frame, closing check', () => {
    const r = readReply(
      '非常理解您的心情，换作是我也会着急，真的很抱歉。已经为您办理退款，预计3个工作日内到账。请问还有其他问题吗？',
    );
    assert.deepEqual(stepsPerformed(r), ['identify', 'empathize', 'apologize', 'resolve']);
    assert.equal(r.questions.closing.length, 1);
  });

  it('reads a Russian reply: identify, empathize, apologize, resolve, thank', () => {
    const r = readReply(
      'Понимаю ваше раздражение, это действительно неприятно. Приношу извинения. Я уже оформила возврат, деньги поступят в течение 3 дней. Спасибо, что написали!',
    );
    assert.deepEqual(stepsPerformed(r), ['identify', 'empathize', 'apologize', 'resolve', 'thank']);
  });

  it("credits a personal touch and authenticity when the reply uses the customer's name and order", () => {
    const r = readReply('Anna, order A-12345 left our warehouse this morning.', {
      customerName: 'Anna Petrova',
      specifics: ['A-12345'],
    });
    assert.equal(r.behaviours.personal_touch[0]?.cue, 'name_used');
    assert.ok(r.behaviours.authentic.length > 0);
  });

  it('does not call a reply with a canned phrase authentic', () => {
    const r = readReply('Anna, we apologize for any inconvenience.', { customerName: 'Anna' });
    assert.equal(r.behaviours.authentic.length, 0);
    assert.equal(r.canned.length, 1);
  });

  it('credits nothing for text in a language it has no patterns for', () => {
    const r = readReply('Vielen Dank für Ihre Geduld');
    assert.equal(stepsPerformed(r).length, 0);
  });

  it('anchors every piece of evidence in the reply text', () => {
    const reply =
      'Thanks for waiting! Just to confirm, you were charged twice on May 3? Because of a sync error, I have refunded the second charge.';
    const r = readReply(reply);
    for (const list of [...Object.values(r.steps), ...Object.values(r.behaviours), ...Object.values(r.questions)]) {
      for (const e of list) assert.equal(reply.slice(e.span.start, e.span.end), e.span.text);
    }
    assert.ok(r.behaviours.explain.length > 0);
  });

  it('counts "I understand your concern" once, as identify, but keeps "I understand how hard this is" as empathy too', () => {
    assert.deepEqual(stepsPerformed(readReply('I understand your concern about the parcel.')), ['identify']);
    assert.deepEqual(stepsPerformed(readReply('理解您着急。')), ['identify']);
    const how = readReply('I understand how stressful this is with your exam so close.');
    assert.ok(how.steps.identify.length > 0 && how.steps.empathize.length > 0);
  });

  it("credits resolve for a factual answer to the customer's question, but not for what usually happens", () => {
    const contract = readReply('Of course. Your contract ends on September 14th.', {
      customerText: "Hello, I'd like to know when my contract ends.",
    });
    assert.equal(contract.steps.resolve[0]?.cue, 'answer');
    const usually = readReply('Orders usually arrive in 3-5 business days.', { customerText: "Where's my order?" });
    assert.equal(usually.steps.resolve.length, 0);
    assert.equal(readReply('Your contract ends on September 14th.').steps.resolve.length, 0);
  });

  it('credits a done action whatever the verb, in each language, but not a reminder of what was already said', () => {
    assert.equal(readReply("I've escalated this to the on-call team.").steps.resolve[0]?.cue, 'done_action');
    assert.equal(readReply('Карту я заблокировала, никто ей не воспользуется.').steps.resolve[0]?.cue, 'done_action');
    assert.equal(readReply('Вернула стоимость ряженки.').steps.resolve[0]?.cue, 'done_action');
    assert.equal(readReply('我刚清掉了缓存，麻烦再试一下。').steps.resolve[0]?.cue, 'done_action');
    assert.equal(
      readReply('As I already explained, accounts are suspended after three failed payments.').steps.resolve.length,
      0,
    );
    assert.equal(readReply('我刚才已经跟您说过了。').steps.resolve.length, 0);
  });

  it('does not take a generic "How can I help?" for a clarifying question', () => {
    assert.equal(readReply('Sorry for the wait! How can I help?').steps.hear.length, 0);
    assert.equal(readReply('不好意思让您久等了，请问有什么可以帮您？').steps.hear.length, 0);
    assert.equal(readReply('Извините за ожидание. Чем могу помочь?').steps.hear.length, 0);
  });

  it('reads "特别着急" as the customer\'s worry, not as "别着急" (don\'t worry)', () => {
    assert.ok(readReply('理解您现在特别着急。').steps.identify.length > 0);
  });

  it('reads a reply with emoji to the end (no endless loop on an empty match inside a surrogate pair)', () => {
    const r = readReply("Hiya 😊 no worries!! Let's see what's up 👍");
    assert.equal(r.steps.resolve.length, 0);
  });

  it('does not take an offer in a question for a commitment, but credits what is said before the question', () => {
    assert.equal(readReply('Shall I send a replacement tomorrow?', { lang: 'en' }).steps.resolve.length, 0);
    assert.equal(readReply('需要明天给您送过去吗？', { lang: 'zh' }).steps.resolve.length, 0);
    const zh = readReply('抱歉让您觉得麻烦了，我现在直接帮您改，新地址是哪里？', { lang: 'zh' });
    assert.ok(zh.steps.resolve.length > 0);
    const answer = readReply('好的，您的合约9月14日到期，需要给您介绍一下续约方案吗？', {
      lang: 'zh',
      customerText: '你好，我想问一下我的合约什么时候到期。',
    });
    assert.equal(answer.steps.resolve[0]?.cue, 'answer');
  });
});
