import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelProbabilities } from '../conversation/reply-label-model.ts';
import { MODEL_ALARMS, shippedCoachAlarmModel } from './coach-alarm-model.ts';
import { coachContextFromMessage } from './coach-context.ts';
import { coachDraft } from './draft-coach.ts';

describe('the coach-alarm model', () => {
  it('ships for every language and reads the customer message as well as the draft', () => {
    const model = shippedCoachAlarmModel();
    assert.deepEqual(model.labels, MODEL_ALARMS);
    assert.equal(model.input, 'reply-and-customer');
    for (const lang of ['en', 'zh', 'ru'] as const) assert.ok(model.languages[lang].index.size > 500, lang);
    const draft = '好的';
    assert.notDeepEqual(
      labelProbabilities(model, 'zh', draft, '您好，请问我的快递到哪里了？'),
      labelProbabilities(model, 'zh', draft, '你们到底怎么回事，三天了还没到！'),
    );
  });

  it('only ever withdraws context alarms: the wording alarms stand as found', () => {
    const context = coachContextFromMessage('Where is my refund? I returned the jacket two weeks ago.', { lang: 'en' });
    for (const draft of [
      "Unfortunately we can't do anything about it. You should have read the policy.",
      "I'll look into it.",
      'Thank you for contacting us. Have a nice day!',
    ]) {
      const withModel = coachDraft(draft, context).findings.map((f) => f.code);
      const without = coachDraft(draft, context, { alarmModel: null }).findings.map((f) => f.code);
      assert.ok(
        withModel.every((c) => without.includes(c)),
        draft,
      );
      for (const code of without)
        if (!(MODEL_ALARMS as readonly string[]).includes(code))
          assert.ok(withModel.includes(code), `${draft}: ${code}`);
    }
  });

  it('withdraws a generic-reply alarm it is sure is false', () => {
    // A training reply (corpus/replies-extra): a stock-looking line, but it answers exactly what was asked.
    const context = coachContextFromMessage('when will my new sim arrive?', { lang: 'en', upset: false });
    const draft = 'SIM cards usually arrive within 2-3 working days.';
    const raw = coachDraft(draft, context, { alarmModel: null }).findings.map((f) => f.code);
    const kept = coachDraft(draft, context).findings.map((f) => f.code);
    assert.ok(raw.includes('no_personalization'));
    assert.ok(!kept.includes('no_personalization'));
    const p = labelProbabilities(shippedCoachAlarmModel(), 'en', draft, context.lastCustomer?.text);
    assert.ok(p.no_personalization < shippedCoachAlarmModel().veto);
  });

  it('never withdraws the alarm for a draft that ignores the order number the customer gave', () => {
    // The model reads n-grams: it cannot see that the number is missing, and here it would withdraw the alarm.
    const customer = 'Order #A-55231 was charged twice, please refund one.';
    const draft = 'Thank you for your message. Our team will review your request and respond within 24 hours.';
    const p = labelProbabilities(shippedCoachAlarmModel(), 'en', draft, customer);
    assert.ok(p.no_personalization < shippedCoachAlarmModel().veto, 'the model alone would withdraw it');
    const finding = coachDraft(draft, coachContextFromMessage(customer, { lang: 'en' })).findings.find(
      (f) => f.code === 'no_personalization',
    );
    assert.equal(finding?.params['signal'], 'ignores_facts');
  });
});
