import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storedAnalysis } from './analysis-fixture.test-support.ts';
import { readCustomerMessage } from './customer-reading.ts';
import { assessEscalation } from './escalation-risk.ts';

const turn = (turnIndex: number, text: string, analysis = storedAnalysis('neutral', 0.2)) => ({
  turnIndex,
  reading: readCustomerMessage(text),
  analysis,
});

describe('assessEscalation', () => {
  it('keeps a calm question at low risk', () => {
    const a = assessEscalation([turn(0, 'Hi, where can I find my invoice?')], 'chat');
    assert.equal(a.level, 'low');
    assert.deepEqual(a.reasons, []);
  });

  it('rates a demand for a manager high and points at the words', () => {
    const a = assessEscalation([turn(0, 'I want to speak to your manager right now.')], 'chat');
    assert.equal(a.level, 'high');
    assert.equal(a.reasons[0]?.code, 'manager_demand');
    assert.equal(a.reasons[0]?.span?.text, 'speak to your manager');
  });

  it('warns on the second angry message, before the customer demands a manager', () => {
    const first = assessEscalation([turn(0, 'My refund is late.', storedAnalysis('anger', 0.6))], 'chat');
    const second = assessEscalation(
      [
        turn(0, 'My refund is late.', storedAnalysis('anger', 0.6)),
        turn(2, 'This is ridiculous, still nothing.', storedAnalysis('anger', 0.7)),
      ],
      'chat',
    );
    assert.ok(second.risk > first.risk);
    assert.notEqual(second.level, 'low');
    assert.ok(second.reasons.some((r) => r.code === 'rising_anger'));
    assert.ok(!second.reasons.some((r) => r.code === 'manager_demand'));
  });

  it('reads repeated contact in en, zh and ru', () => {
    for (const text of [
      'This is the third time I write about this!',
      '我已经第三次联系你们了',
      'Я пишу вам уже третий раз',
    ]) {
      const a = assessEscalation([turn(0, text)], 'chat');
      assert.ok(
        a.reasons.some((r) => r.code === 'repeated_contact'),
        text,
      );
      assert.notEqual(a.level, 'low', text);
    }
  });

  it('reads threats of legal action, chargeback and public reviews', () => {
    assert.equal(
      assessEscalation([turn(0, 'My lawyer will hear about this.')], 'email').reasons[0]?.code,
      'legal_threat',
    );
    assert.equal(assessEscalation([turn(0, '再不处理我就去12315投诉')], 'chat').reasons[0]?.code, 'legal_threat');
    assert.equal(
      assessEscalation([turn(0, 'Оставлю негативный отзыв везде')], 'chat').reasons[0]?.code,
      'public_review_threat',
    );
    assert.equal(
      assessEscalation([turn(0, "I'll file a chargeback with my bank")], 'chat').reasons[0]?.code,
      'chargeback_threat',
    );
  });

  it('counts shouting in capitals but not a single acronym', () => {
    assert.ok(assessEscalation([turn(0, 'WHERE IS MY ORDER')], 'chat').reasons.some((r) => r.code === 'shouting'));
    assert.ok(
      !assessEscalation([turn(0, 'My USB cable is missing')], 'chat').reasons.some((r) => r.code === 'shouting'),
    );
  });

  it('reads a long unanswered wait from timestamps', () => {
    const a = assessEscalation([{ ...turn(0, 'hello?'), waitedMinutes: 12 }], 'chat');
    assert.equal(a.reasons[0]?.code, 'long_wait');
    assert.equal(a.reasons[0]?.params?.minutes, 12);
  });

  it('lets old signals fade once the customer calms down', () => {
    const angry = turn(0, 'This is the third time I write!!!', storedAnalysis('anger', 0.8));
    const calm = turn(2, 'Thanks, that worked!', storedAnalysis('gratitude', 0.9));
    const before = assessEscalation([angry], 'chat');
    const after = assessEscalation([angry, calm], 'chat');
    assert.ok(after.risk < before.risk / 2);
  });
});
