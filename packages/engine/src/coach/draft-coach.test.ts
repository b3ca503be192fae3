import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachContextFromMessage } from './coach-context.ts';
import { coachDraft } from './draft-coach.ts';
import { phraseMemory } from './repeated-phrases.ts';

const codes = (draft: string, customer?: string): string[] =>
  coachDraft(draft, customer === undefined ? undefined : coachContextFromMessage(customer)).findings.map((f) => f.code);

describe('coachDraft', () => {
  it("flags 'I can't refund that' as negative language and suggests what can be done", () => {
    const c = coachDraft("I can't refund that.");
    const f = c.findings.find((x) => x.code === 'negative_language');
    assert.ok(f !== undefined);
    assert.equal(f.span.text, "I can't refund");
    assert.match(f.rewrite?.text ?? '', /What I can do/);
  });

  it("does not flag 'I can refund that today'", () => {
    assert.deepEqual(codes('I can refund that today.'), []);
  });

  it('does not flag a refusal that already offers an alternative', () => {
    assert.ok(!codes("I can't refund that, but I can send a replacement today.").includes('negative_language'));
  });

  it('does not read "I can\'t wait" as a refusal', () => {
    assert.ok(!codes("I can't wait for you to try the new version!").includes('negative_language'));
  });

  it('flags negative language in Chinese and Russian with a rewrite in the same language', () => {
    const zh = coachDraft('这个我们没办法处理。').findings[0];
    assert.equal(zh?.code, 'negative_language');
    assert.match(zh?.rewrite?.text ?? '', /我可以为您做的是/);
    const ru = coachDraft('Мы не можем вернуть деньги.').findings[0];
    assert.equal(ru?.code, 'negative_language');
    assert.match(ru?.rewrite?.text ?? '', /Что я могу сделать/);
  });

  it('flags blaming and arguing with the customer', () => {
    assert.deepEqual(codes('You should have read the terms before ordering.'), ['blame']);
    assert.deepEqual(codes("That's not true, our records show you cancelled it."), ['arguing']);
    assert.ok(codes('是您自己填错了地址。').includes('blame'));
    assert.ok(codes('Вы ошибаетесь, я уже объяснял.').includes('arguing'));
  });

  it("flags 'I'll look into it' as a promise without a time frame, and offers one", () => {
    const f = coachDraft("I'll look into it.").findings[0];
    assert.equal(f?.code, 'no_expectation');
    assert.match(f?.rewrite?.text ?? '', /^I'll look into it and update you by/);
  });

  it('does not flag a promise that has a time frame', () => {
    assert.deepEqual(codes("I'll look into it and get back to you within 2 hours."), []);
    assert.deepEqual(codes('我们会在24小时内处理。'), []);
    assert.deepEqual(codes('Мы разберёмся и ответим до конца дня.'), []);
  });

  it('flags canned phrases from the built-in list', () => {
    const f = coachDraft('We apologize for any inconvenience this may have caused.').findings[0];
    assert.equal(f?.code, 'cliche');
    assert.equal(f?.params.source, 'list');
  });

  it("flags the agent's own phrase repeated across earlier replies as a cliche", () => {
    const memory = phraseMemory(
      ['Happy to help with that! Your parcel is on its way.', 'Happy to help with that! The invoice is attached.'],
      'en',
    );
    const c = coachDraft('Happy to help with that! I have reset your password.', {
      ...coachContextFromMessage('reset my password please'),
      phrases: memory,
    });
    const f = c.findings.find((x) => x.code === 'cliche');
    assert.equal(f?.params.source, 'repeated');
    assert.equal(f?.params.times, 2);
  });

  it('flags closing the ticket before the customer confirmed, but not after', () => {
    assert.ok(
      codes("That should fix it. I'll close this ticket now.", 'The app crashes when I log in').includes('rushing'),
    );
    assert.ok(!codes("Great! I'll close this ticket now.", 'Thanks, that worked!').includes('rushing'));
  });

  it('flags a missing apology when the customer reports our fault', () => {
    const c = coachDraft('Please send a photo of the item.', coachContextFromMessage('My parcel arrived damaged.'));
    assert.ok(c.findings.some((f) => f.code === 'missing_apology'));
    const ok = coachDraft(
      "I'm sorry about that! Please send a photo of the item.",
      coachContextFromMessage('My parcel arrived damaged.'),
    );
    assert.ok(!ok.findings.some((f) => f.code === 'missing_apology'));
  });

  it('flags ты to a customer who writes on Вы and rewrites it politely', () => {
    const f = coachDraft(
      'Попробуй сбросить пароль и напиши, если не поможет.',
      coachContextFromMessage('Здравствуйте, не могу войти в Ваш сервис.'),
    ).findings[0];
    assert.equal(f?.code, 'tone_mismatch');
    assert.equal(f?.rewrite?.text, 'Попробуйте сбросить пароль и напишите, если не поможет.');
  });

  it('flags 你 to a customer who writes 您 and rewrites it with 您', () => {
    const f = coachDraft('你可以在订单页面申请退款。', coachContextFromMessage('您好，请问怎么退款？')).findings[0];
    assert.equal(f?.code, 'tone_mismatch');
    assert.equal(f?.rewrite?.text, '您可以在订单页面申请退款。');
  });

  it('leaves 你 alone for a customer who did not write 您 (the everyday form in Chinese chat), but not ты in Russian', () => {
    assert.ok(!codes('你可以在“我的快递”页面直接看取件码。', '驿站取件码收不到短信').includes('tone_mismatch'));
    assert.ok(codes('Попробуй перезагрузить приложение.', 'не приходит смс с кодом').includes('tone_mismatch'));
  });

  it('calls a one- or two-word answer curt to an email or a formal customer, not in a quick chat', () => {
    const customer = 'Where is my sofa? It was meant to arrive today between 8 and 12 and it is now 2pm.';
    const tone = (channel: 'chat' | 'email') =>
      coachDraft('Check email.', coachContextFromMessage(customer, { channel })).findings.some(
        (f) => f.code === 'tone_mismatch' && f.params['reason'] === 'curt',
      );
    assert.equal(tone('chat'), false);
    assert.equal(tone('email'), true);
  });

  it('still flags a vague promise when the only time frame is what usually happens', () => {
    assert.ok(codes("Payments can take up to 5 days. We'll look into it.").includes('no_expectation'));
    assert.ok(codes('退款一般3-5天到账，我们会尽快处理的。').includes('no_expectation'));
    assert.ok(!codes("We'll look into it and email you by Friday.").includes('no_expectation'));
  });

  it("flags cutesy wording to an upset customer, but not the customer's own casual words mirrored back", () => {
    assert.ok(codes('亲～退款在处理中哦', '我的退款呢！！！').includes('tone_mismatch'));
    assert.ok(!codes('亲，跑毛的话可以申请换货哦', '亲，我买的羽绒服跑毛严重').includes('tone_mismatch'));
    assert.ok(!codes('亲亲，跑毛的话可以申请换货哦', '亲，我买的羽绒服跑毛严重').includes('tone_mismatch'));
  });

  it('flags jokes to an angry customer and casual words to a formal one', () => {
    assert.ok(codes('lol yeah that happens sometimes', 'WHY IS MY ACCOUNT BLOCKED AGAIN').includes('tone_mismatch'));
    assert.ok(
      codes(
        'hey, gonna send it over in 5 minutes',
        'Dear team, I would like to request a copy of my invoice.',
      ).includes('tone_mismatch'),
    );
    assert.ok(
      !codes(
        'Hello, I will send it over in 5 minutes.',
        'Dear team, I would like to request a copy of my invoice.',
      ).includes('tone_mismatch'),
    );
  });

  it('flags a generic reply that ignores the order number the customer gave', () => {
    const generic = codes(
      'Thank you for your message. Our team will review your request and respond within 24 hours.',
      'Order #A-55231 was charged twice, please refund one.',
    );
    assert.ok(generic.includes('no_personalization'));
    const specific = codes(
      'I see order #A-55231 was charged twice; I have refunded the second charge today.',
      'Order #A-55231 was charged twice, please refund one.',
    );
    assert.ok(!specific.includes('no_personalization'));
  });

  it('flags a wall of text in chat but not in email', () => {
    const long = 'We have checked your account and everything looks fine on our side. '.repeat(8);
    assert.ok(
      coachDraft(long, { ...coachContextFromMessage('hi'), channel: 'chat' }).findings.some(
        (f) => f.code === 'wall_of_text',
      ),
    );
    assert.ok(
      !coachDraft(long, { ...coachContextFromMessage('hi'), channel: 'email' }).findings.some(
        (f) => f.code === 'wall_of_text',
      ),
    );
  });

  it('says nothing about an empty draft or one in a language it cannot read', () => {
    assert.deepEqual(coachDraft('').findings, []);
    assert.deepEqual(coachDraft('Wir können das nicht erstatten.').findings, []);
  });

  it('anchors every finding in the draft and explains it with a code and parameters', () => {
    const draft =
      "You should have read the manual. As I already said, I'll look into it. We apologize for any inconvenience.";
    for (const f of coachDraft(draft).findings) {
      assert.equal(draft.slice(f.span.start, f.span.end), f.span.text);
      assert.ok(['high', 'medium', 'low'].includes(f.severity));
    }
  });

  it('does not take a Chinese sentence around an order code for the code itself', () => {
    const c = coachContextFromMessage('优惠券SPRING20结算的时候用不了');
    assert.deepEqual(c.specifics, ['SPRING20']);
  });

  it('does not read "就行，" or "哎呀" as casual or cutesy wording', () => {
    const upset = coachContextFromMessage('页面一刷新我写的全没了！！！');
    assert.ok(
      !codes('您直接在这说问题就行，我这边帮您处理。', '页面一刷新我写的全没了！！！').includes('tone_mismatch'),
    );
    assert.ok(!coachDraft('哎呀，真的非常抱歉。', upset).findings.some((f) => f.code === 'tone_mismatch'));
  });

  it('flags a reply that argues once, for arguing, not also as generic', () => {
    const found = codes(
      'Our network is performing normally in your area, and speeds can vary at peak times.',
      "my internet's been slow every night this week, can't even stream",
    );
    assert.ok(found.includes('arguing'));
    assert.ok(!found.includes('no_personalization'));
  });

  it('flags a jokey short reply once, for its tone, not also as generic', () => {
    const found = codes("Don't panic lol, it'll come.", 'My flight is in 3 hours and no e-ticket!!!');
    assert.ok(found.includes('tone_mismatch'));
    assert.ok(!found.includes('no_personalization'));
  });

  it('flags contradicting the customer with "our records show otherwise" and blame in zh and ru', () => {
    assert.ok(codes('Our records show otherwise. There was no error on our side.').includes('arguing'));
    assert.ok(codes('是您自己填错了地址。').includes('blame'));
    assert.ok(codes('Вам следовало проверить адрес.').includes('blame'));
    assert.ok(codes('По нашим данным, вы получили посылку.').includes('arguing'));
  });

  it('does not read "I hope things get easier soon" as a vague promise', () => {
    assert.ok(!codes('I hope things get easier for your family soon.').includes('no_expectation'));
  });
});
