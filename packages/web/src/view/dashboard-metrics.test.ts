import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMOTIONS, probability, type Emotion, type MessageAnalysis } from '@attune/engine';
import type { ConversationDetail, Message, SelfAssessment } from '../api/wire-types.ts';
import {
  csatComparison,
  emotionalLoad,
  emotionsOverTime,
  iheartCoverage,
  scoreDistribution,
  selfAwarenessGap,
} from './dashboard-metrics.ts';

const H = 3_600_000;
const t0 = Date.parse('2026-01-01T08:00:00Z');

function analysis(dominant: Emotion, intensity: number, valence: number): MessageAnalysis {
  const probs = Object.fromEntries(
    EMOTIONS.map((e) => [e, probability(e === dominant ? 0.9 : 0.05)]),
  ) as MessageAnalysis['emotions']['probs'];
  return {
    lang: { tag: 'en' as never, confidence: probability(1), source: 'given' },
    emotions: { probs, dominant, intensity },
    ekman: { probs: {} as never, dominant: 'neutral' },
    sentiment: { probs: {} as never, label: valence < 0 ? 'negative' : 'positive', valence },
    cues: [],
    model: { id: 't', version: '1' },
  };
}

let n = 0;
const message = (role: Message['role'], at: number, a: MessageAnalysis | null = null, text = 'x'): Message => ({
  id: `m${n++}`,
  conversationId: 'c',
  externalId: `e${n}`,
  role,
  authorId: null,
  text,
  sentAt: new Date(at).toISOString(),
  analysis: a,
});

function detail(
  id: string,
  agent: string | null,
  messages: Message[],
  patch: Partial<ConversationDetail> = {},
): ConversationDetail {
  return {
    conversation: {
      id,
      inboxId: 'i',
      teamId: 't',
      assigneeId: agent,
      contactId: null,
      externalId: id,
      status: 'open',
      subject: null,
      lang: 'en',
      lastMessageAt: null,
      createdAt: '',
      updatedAt: '',
    },
    contact: null,
    messages,
    scorecards: [],
    assist: null,
    alerts: [],
    csat: [],
    ...patch,
  };
}

const card = (autoScore: number, overrideScore: number | null = null) => ({
  id: 's',
  conversationId: 'c',
  autoScore,
  auto: {},
  overrideScore,
  overrideNote: null,
  overrideCriteria: [],
  reviewerId: null,
  reviewedAt: null,
  createdAt: '',
});

describe('emotionsOverTime', () => {
  it('counts customer messages per hour by emotion, keeping empty hours', () => {
    const s = emotionsOverTime([
      detail('a', 'u1', [
        message('customer', t0, analysis('anger', 0.9, -0.8)),
        message('agent', t0 + 1000),
        message('customer', t0 + 3 * H + 5, analysis('gratitude', 0.5, 0.7)),
      ]),
      detail('b', 'u2', [
        message('customer', t0 + 10 * 60_000, analysis('anger', 0.7, -0.6)),
        message('customer', t0, null),
      ]),
    ]);
    assert.deepEqual(
      s.times,
      [0, 1, 2, 3].map((i) => (t0 + i * H) / 1000),
    );
    assert.deepEqual(s.counts.anger, [2, 0, 0, 0]);
    assert.deepEqual(s.counts.gratitude, [0, 0, 0, 1]);
    assert.deepEqual(s.counts.neutral, [0, 0, 0, 0]);
  });

  it('is empty without analysed messages', () => {
    assert.deepEqual(emotionsOverTime([detail('a', 'u1', [message('customer', t0)])]).times, []);
  });
});

describe('iheartCoverage', () => {
  it('gives each agent the share of conversations where each step was performed', () => {
    const assist = (events: string[]) => ({
      riskLevel: 'low' as const,
      riskScore: 0,
      reasons: [],
      detail: { progress: { state: 'x', transitions: events.map((event, i) => ({ turnIndex: i, event })) } },
    });
    const rows = iheartCoverage([
      detail('a', 'u1', [], { assist: assist(['acknowledge', 'resolve']) }),
      detail('b', 'u1', [], { assist: assist(['hear']) }),
      detail('c', 'u2', [], { assist: null }),
    ]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.agentId, 'u1');
    assert.equal(rows[0]?.conversations, 2);
    assert.equal(rows[0]?.share.identify, 0.5);
    assert.equal(rows[0]?.share.hear, 0.5);
    assert.equal(rows[0]?.share.thank, 0);
  });
});

describe('scoreDistribution', () => {
  it('puts each conversation in a 20-point band, counting a reviewer’s score over the automatic one', () => {
    const rows = scoreDistribution([
      detail('a', 'u1', [], { scorecards: [card(95)] }),
      detail('b', 'u1', [], { scorecards: [card(30, 85)] }),
      detail('c', 'u1', [], { scorecards: [card(100)] }),
      detail('d', 'u1', [], { scorecards: [card(0)] }),
      detail('e', 'u1', []),
    ]);
    assert.deepEqual(rows, [{ agentId: 'u1', bands: [1, 0, 0, 0, 3] }]);
  });
});

describe('csatComparison', () => {
  it('averages survey answers beside inferred satisfaction per agent', () => {
    const csat = (score: number, source: string) => ({
      id: 'x',
      conversationId: 'c',
      score,
      comment: null,
      source,
      createdAt: '',
    });
    const rows = csatComparison([
      detail('a', 'u1', [], { csat: [csat(2, 'survey'), csat(3, 'inferred')] }),
      detail('b', 'u1', [message('customer', t0, analysis('gratitude', 0.6, 0.5))], { csat: [csat(5, 'survey')] }),
      detail('c', 'u2', []),
    ]);
    assert.deepEqual(rows, [{ agentId: 'u1', inferred: 3.5, survey: 3.5, inferredCount: 2, surveyCount: 2 }]);
  });
});

describe('selfAwarenessGap', () => {
  it('sets the latest self-assessment beside the automatic score of the same conversation', () => {
    const a = (conversationId: string | null, r: number, createdAt: string): SelfAssessment => ({
      id: createdAt,
      userId: 'u1',
      conversationId,
      ratings: { read_emotions: r, met_needs: r, changed_view: r, adapted_mood: r },
      note: null,
      createdAt,
    });
    const rows = selfAwarenessGap(
      [detail('a', 'u1', [], { scorecards: [card(40)] }), detail('b', 'u1', [])],
      [
        a('a', 5, '2026-01-01T10:00:00Z'),
        a('a', 3, '2026-01-01T09:00:00Z'),
        a('b', 4, '2026-01-01T09:00:00Z'),
        a(null, 2, '2026-01-01T09:00:00Z'),
      ],
    );
    assert.deepEqual(rows, [{ conversationId: 'a', self: 100, auto: 40 }]);
  });
});

describe('emotionalLoad', () => {
  it('counts intensely negative conversations this shift and suggests a break after three', () => {
    const angry = (at: number) => message('customer', at, analysis('anger', 0.8, -0.7));
    const now = t0 + 9 * H;
    const rows = emotionalLoad(
      [
        detail('a', 'u1', [angry(now - H)]),
        detail('b', 'u1', [angry(now - 2 * H)]),
        detail('c', 'u1', [angry(now - 3 * H)]),
        detail('d', 'u2', [angry(now - 2 * H)]),
        detail('e', 'u2', [angry(now - 10 * H)]),
        detail('f', 'u2', [message('customer', now - H, analysis('anxiety', 0.3, -0.5))]),
      ],
      { now },
    );
    assert.deepEqual(rows, [
      { agentId: 'u1', intense: 3, breakSuggested: true },
      { agentId: 'u2', intense: 1, breakSuggested: false },
    ]);
  });
});
