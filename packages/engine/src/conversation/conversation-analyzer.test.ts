import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import { storedAnalysis } from './analysis-fixture.test-support.ts';
import { createConversationAnalyzer } from './conversation-analyzer.ts';
import type { Conversation } from './conversation.ts';
import { parseConversation } from './parse-conversation.ts';

function conversation(input: unknown): Conversation {
  const r = parseConversation(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// The server passes the analyses it stored for each customer turn; no analyzer is needed then.
const analyzer = createConversationAnalyzer({});

describe('createConversationAnalyzer', () => {
  const angry = conversation({
    channel: 'chat',
    turns: [
      { role: 'customer', text: 'My parcel arrived damaged and nobody answers my emails.', at: 0 },
      { role: 'agent', text: 'Could you send me your order number?', at: 30_000 },
      { role: 'customer', text: 'This is the third time I write about this!!!', at: 60_000 },
    ],
  });
  const stored = new Map<number, MessageAnalysis>([
    [0, storedAnalysis('frustration', 0.5)],
    [2, storedAnalysis('anger', 0.85)],
  ]);

  it('tells the agent to acknowledge the emotion first when an upset customer has not been acknowledged', () => {
    const a = analyzer.analyze(angry, stored);
    assert.equal(a.nextStep.code, 'acknowledge_emotion');
    assert.equal(a.nextStep.params.emotion, 'anger');
    assert.equal(a.arc.trend, 'escalating');
    assert.notEqual(a.escalation.level, 'low');
  });

  it('asks for an apology once the emotion is acknowledged but the company fault is not', () => {
    const c = conversation({
      channel: 'chat',
      turns: [
        { role: 'customer', text: 'My parcel arrived damaged.' },
        { role: 'agent', text: 'I can see how frustrating this is.' },
      ],
    });
    const a = analyzer.analyze(c, new Map([[0, storedAnalysis('frustration', 0.7)]]));
    assert.equal(a.nextStep.code, 'apologize');
  });

  it('moves to thank and close once the customer confirms the fix', () => {
    const c = conversation({
      channel: 'chat',
      turns: [
        { role: 'customer', text: 'How do I reset my password?' },
        {
          role: 'agent',
          text: 'Just to confirm, you use the mobile app? Go to Settings and tap Reset password. Did that fix it?',
        },
        { role: 'customer', text: 'Yes, it works now, thanks!' },
      ],
    });
    const a = analyzer.analyze(
      c,
      new Map([
        [0, storedAnalysis('confusion', 0.6)],
        [2, storedAnalysis('gratitude', 0.9)],
      ]),
    );
    assert.equal(a.progress.state, 'confirmed');
    assert.equal(a.nextStep.code, 'thank_and_close');
  });

  it('handles a conversation of only agent turns with a clear result, not a crash', () => {
    const a = analyzer.analyze(conversation({ turns: [{ role: 'agent', text: 'Hello! How can I help?' }] }));
    assert.equal(a.customerTurns.length, 0);
    assert.equal(a.arc.now, undefined);
    assert.equal(a.escalation.level, 'low');
    assert.equal(a.nextStep.code, 'greet');
  });

  it('throws a programmer error naming the turn when neither an analyzer nor a stored analysis is given', () => {
    assert.throws(() => analyzer.analyze(angry), /customer turn 0 has no precomputed analysis/);
  });

  it('returns validation issues as values from analyzeInput', () => {
    const r = analyzer.analyzeInput({ turns: [{ role: 'robot', text: 'hi' }] });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'unknown_role');
  });

  it('reads the customer name and order number so replies can be checked against them', () => {
    const c = conversation({
      customer: { name: 'Anna' },
      turns: [{ role: 'customer', text: 'Order #A-12345 is late.' }],
    });
    const a = analyzer.analyze(c, new Map([[0, storedAnalysis('neutral', 0.6)]]));
    assert.equal(a.customerName, 'Anna');
    assert.deepEqual(a.specifics, ['#A-12345']);
  });

  it('analyses 10,000 turns in well under a second', () => {
    const turns = Array.from({ length: 10_000 }, (_, i) => ({
      role: i % 2 === 0 ? 'customer' : 'agent',
      text: i % 2 === 0 ? `Where is order ${i}?` : `Let me check order ${i - 1} for you.`,
      at: i * 1000,
    }));
    const stored10k = new Map(
      turns.flatMap((t, i) => (t.role === 'customer' ? [[i, storedAnalysis('confusion', 0.5)] as const] : [])),
    );
    const t0 = performance.now();
    const a = analyzer.analyze(conversation({ channel: 'chat', turns }), stored10k);
    assert.equal(a.customerTurns.length, 5000);
    assert.ok(performance.now() - t0 < 3000);
  });
});
