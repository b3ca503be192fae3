import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelRules } from './channel-rules.ts';
import { parseConversation } from './parse-conversation.ts';

function conv(input: unknown) {
  const r = parseConversation(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const noFacts = { heatByTurn: new Map<number, number>(), faultTurns: new Set<number>() };

describe('channelRules', () => {
  it('recommends a cool-down and a reply plan for an angry email still unanswered', () => {
    const c = conv({
      channel: 'email',
      turns: [{ role: 'customer', text: 'Why was I charged twice? And who will refund me?' }],
    });
    const r = channelRules(c, { heatByTurn: new Map([[0, 0.8]]), faultTurns: new Set([0]) }, { coolDownMinutes: 20 });
    assert.deepEqual(r.findings[0], {
      code: 'email_cool_down',
      turnIndex: 0,
      minutes: 20,
      plan: ['identify', 'empathize', 'apologize', 'answer_each_question', 'resolve', 'thank'],
      questions: 2,
    });
  });

  it('does not ask for a cool-down on a calm email', () => {
    const c = conv({ channel: 'email', turns: [{ role: 'customer', text: 'Could you send the invoice?' }] });
    assert.deepEqual(channelRules(c, { heatByTurn: new Map([[0, 0.1]]), faultTurns: new Set() }).findings, []);
  });

  it('finds chat dead air after a customer message, including silence still going on', () => {
    const c = conv({
      channel: 'chat',
      turns: [
        { role: 'customer', text: 'Hi, my card is blocked', at: 0 },
        { role: 'agent', text: 'Let me check', at: 95_000 },
        { role: 'customer', text: 'ok', at: 100_000 },
      ],
    });
    const r = channelRules(c, noFacts, { deadAirSeconds: 60, now: 200_000 });
    assert.deepEqual(
      r.findings.map((f) => (f.code === 'chat_dead_air' ? [f.turnIndex, f.seconds, f.ongoing] : [])),
      [
        [0, 95, false],
        [2, 100, true],
      ],
    );
  });

  it('measures talk ratio, interruptions and silences on a phone transcript', () => {
    const c = conv({
      channel: 'phone',
      turns: [
        { role: 'agent', text: 'Hello, thanks for calling, how can I help you today?', at: 0, end: 10_000 },
        { role: 'customer', text: 'My internet is down', at: 9_000, end: 12_000 },
        {
          role: 'agent',
          text: 'I see, let me explain everything about our network and all the options we have for you',
          at: 11_000,
          end: 40_000,
        },
        { role: 'customer', text: 'ok', at: 55_000, end: 56_000 },
      ],
    });
    const r = channelRules(c, noFacts);
    assert.ok(r.phone !== undefined);
    assert.ok(r.phone.agentTalkRatio > 0.8);
    assert.equal(r.phone.agentInterruptions, 1);
    assert.equal(r.phone.customerInterruptions, 1);
    assert.equal(r.phone.longSilences, 1);
    assert.ok(r.findings.some((f) => f.code === 'phone_talk_ratio'));
  });

  it('reports no phone metrics without timestamps rather than guessing', () => {
    const c = conv({
      channel: 'phone',
      turns: [
        { role: 'agent', text: 'Hello' },
        { role: 'customer', text: 'Hi' },
      ],
    });
    assert.equal(channelRules(c, noFacts).phone, undefined);
  });
});
