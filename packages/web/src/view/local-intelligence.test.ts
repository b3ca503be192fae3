import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMOTIONS, probability, type Emotion, type MessageAnalysis } from '@attune/engine';
import type { Message } from '../api/wire-types.ts';
import { assistView, transcriptMessages } from './assist-view.ts';
import { coachView } from './coach-view.ts';
import { analyseLocally, channelOf, coachLocally, localAssist, localCoachContext } from './local-intelligence.ts';

function analysis(dominant: Emotion, valence: number): MessageAnalysis {
  const probs = Object.fromEntries(
    EMOTIONS.map((e) => [e, probability(e === dominant ? 0.92 : 0.03)]),
  ) as MessageAnalysis['emotions']['probs'];
  return {
    lang: { tag: 'en' as never, confidence: probability(1), source: 'given' },
    emotions: { probs, dominant, intensity: 0.9 },
    ekman: { probs: {} as never, dominant: 'anger' },
    sentiment: {
      probs: { negative: probability(0.9), neutral: probability(0.05), positive: probability(0.05) },
      label: 'negative',
      valence,
    },
    cues: [],
    model: { id: 't', version: '1' },
  };
}

const t0 = Date.parse('2026-01-01T12:00:00Z');
const m = (i: number, role: Message['role'], text: string, a: MessageAnalysis | null = null): Message => ({
  id: `m${i}`,
  conversationId: 'c',
  externalId: `e${i}`,
  role,
  authorId: null,
  text,
  sentAt: new Date(t0 + i * 60_000).toISOString(),
  analysis: a,
});

const messages = [
  m(
    0,
    'customer',
    'This is the THIRD time I write!!! My parcel arrived broken and I want a manager NOW.',
    analysis('anger', -0.9),
  ),
  m(1, 'note', 'VIP customer'),
  m(2, 'agent', 'Let me check.'),
  m(3, 'customer', 'Still nothing. I will cancel my account.', analysis('anger', -0.85)),
];

describe('local intelligence', () => {
  it('reads an angry conversation with rising risk, its reasons and the next step, as the server would', () => {
    const a = analyseLocally(messages, 'chat', 'en');
    assert.ok(a);
    const view = assistView(localAssist(a), transcriptMessages(messages));
    assert.equal(view.risk.level, 'high');
    const codes = view.risk.reasons.map((r) => r.code);
    assert.ok(codes.includes('manager_demand'), codes.join());
    assert.equal(view.now?.emotion, 'anger');
    assert.equal(view.nextStep?.code, 'acknowledge_emotion');
  });

  it('coaches a negative draft with a finding the composer can underline', () => {
    const a = analyseLocally(messages, 'chat', 'en');
    const draft = "I can't do anything about that.";
    const view = coachView(draft, coachLocally(draft, localCoachContext(a, 'chat')));
    assert.ok(
      view.findings.some((f) => f.code === 'negative_language'),
      view.findings.map((f) => f.code).join(),
    );
  });

  it('has nothing to read before the server analysed a customer message', () => {
    assert.equal(analyseLocally([m(0, 'customer', 'hello')], 'chat'), undefined);
  });

  it('treats unknown inbox channels as chat', () => {
    assert.equal(channelOf('email'), 'email');
    assert.equal(channelOf('chatwoot'), 'chat');
    assert.equal(channelOf(null), 'chat');
  });
});
