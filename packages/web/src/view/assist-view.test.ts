import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AssistSnapshot, Message } from '../api/wire-types.ts';
import { assistView, transcriptMessages } from './assist-view.ts';

const msg = (role: Message['role'], text: string, i: number): Message => ({
  id: `m${i}`,
  conversationId: 'c',
  externalId: `e${i}`,
  role,
  authorId: null,
  text,
  sentAt: new Date(Date.UTC(2026, 0, 1, 12, i)).toISOString(),
  analysis: null,
});

const messages = [
  msg('customer', 'Third time I write!!! Where is my refund?', 0),
  msg('note', 'internal: VIP', 1),
  msg('agent', 'I understand how frustrating this is. Your refund goes out today by 5 pm.', 2),
  msg('customer', 'I want a manager NOW', 3),
];

const snapshot: AssistSnapshot = {
  riskLevel: 'high',
  riskScore: 0.72,
  reasons: [{ code: 'manager_demand', params: { turnIndex: 2 } }],
  detail: {
    arc: {
      points: [
        {
          turnIndex: 0,
          dominant: 'frustration',
          intensity: 0.7,
          valence: -0.6,
          heat: 0.5,
          smoothedValence: -0.6,
          smoothedHeat: 0.5,
        },
        {
          turnIndex: 2,
          dominant: 'anger',
          intensity: 0.9,
          valence: -0.9,
          heat: 0.9,
          smoothedValence: -0.78,
          smoothedHeat: 0.74,
        },
      ],
      trend: 'escalating',
      now: { turnIndex: 2, dominant: 'anger', intensity: 0.9, valence: -0.9, heat: 0.9 },
    },
    escalation: {
      risk: 0.72,
      level: 'high',
      reasons: [
        {
          code: 'manager_demand',
          turnIndex: 2,
          span: { start: 2, end: 16, text: 'want a manager' },
          contribution: 0.7,
        },
        { code: 'rising_anger', turnIndex: 2, contribution: 0.4, params: { heat: 0.9123 } },
      ],
    },
    progress: {
      state: 'acknowledged',
      transitions: [{ turnIndex: 1, event: 'acknowledge', from: 'opened', to: 'acknowledged' }],
    },
    nextStep: { code: 'acknowledge_emotion', turnIndex: 2, params: { emotion: 'anger', risk: 'high' } },
    channel: {
      findings: [
        {
          code: 'email_cool_down',
          turnIndex: 2,
          minutes: 15,
          plan: ['identify', 'empathize', 'resolve', 'thank'],
          questions: 1,
        },
      ],
    },
  },
};

/** The view of `snapshot` when the server sends per-step evidence in its detail. */
const viewWithStepEvidence = (steps: Readonly<Record<string, unknown>>) =>
  assistView({ ...snapshot, detail: { ...snapshot.detail, steps } }, transcriptMessages(messages));

describe('transcriptMessages', () => {
  it('numbers only customer and agent messages, as the engine does', () => {
    assert.deepEqual(
      transcriptMessages(messages).map((m) => m.id),
      ['m0', 'm2', 'm3'],
    );
  });
});

describe('assistView', () => {
  const view = assistView(snapshot, transcriptMessages(messages));

  it('shows how the customer feels now and where the arc is heading', () => {
    assert.deepEqual(view.now, { emotion: 'anger', intensity: 0.9, valence: -0.9 });
    assert.equal(view.trend, 'escalating');
    assert.deepEqual(
      view.arc.map((p) => [p.turnIndex, p.valence, p.emotion]),
      [
        [0, -0.6, 'frustration'],
        [2, -0.9, 'anger'],
      ],
    );
  });

  it('explains the risk with the customer’s own words when the engine gives them', () => {
    assert.equal(view.risk.level, 'high');
    assert.equal(view.risk.reasons[0]?.code, 'manager_demand');
    assert.equal(view.risk.reasons[0]?.params['phrase'], 'want a manager');
    assert.equal(view.risk.reasons[0]?.turnIndex, 2);
    assert.equal(view.risk.reasons[1]?.params['heat'], 0.91);
  });

  it('ticks IHEART steps from the transitions, with the agent message as evidence', () => {
    const identify = view.steps.find((s) => s.step === 'identify');
    assert.equal(identify?.done, true);
    assert.match(identify?.evidence[0]?.text ?? '', /frustrating/);
    assert.equal(view.steps.find((s) => s.step === 'resolve')?.done, false);
    assert.equal(view.iheartState, 'acknowledged');
  });

  it('prefers per-step evidence spans when the server sends them', () => {
    const v = viewWithStepEvidence({
      resolve: [{ turnIndex: 1, span: { start: 37, end: 70, text: 'Your refund goes out today by 5 pm' } }],
    });
    const resolve = v.steps.find((s) => s.step === 'resolve');
    assert.equal(resolve?.done, true);
    assert.equal(resolve?.evidence[0]?.text, 'Your refund goes out today by 5 pm');
    assert.equal(v.steps.find((s) => s.step === 'identify')?.done, false);
    assert.equal(resolve?.evidence[0]?.learned, undefined);
  });

  it('marks a step the learned model credited, so the panel can say so', () => {
    const v = viewWithStepEvidence({
      empathize: [{ turnIndex: 1, span: { start: 0, end: 10, text: 'Hope your' }, cue: 'model' }],
    });
    assert.equal(v.steps.find((s) => s.step === 'empathize')?.evidence[0]?.learned, true);
  });

  it('carries the next best step and channel nudges as codes with parameters', () => {
    assert.deepEqual(view.nextStep, {
      code: 'acknowledge_emotion',
      params: { emotion: 'anger', risk: 'high' },
      turnIndex: 2,
    });
    assert.equal(view.nudges[0]?.code, 'email_cool_down');
    assert.equal(view.nudges[0]?.params['minutes'], 15);
    assert.deepEqual(view.nudges[0]?.plan, ['identify', 'empathize', 'resolve', 'thank']);
  });

  it('shows only the risk when the detail is empty or malformed', () => {
    const v = assistView({
      riskLevel: 'low',
      riskScore: Number.NaN,
      reasons: [],
      detail: { arc: 'oops', channel: { findings: [null, 3] } },
    });
    assert.deepEqual(v.risk, { level: 'low', score: 0, reasons: [] });
    assert.equal(v.now, undefined);
    assert.deepEqual(v.arc, []);
    assert.deepEqual(v.nudges, []);
    assert.equal(
      v.steps.every((s) => !s.done),
      true,
    );
  });
});
