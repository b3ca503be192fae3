/**
 * Component tests: each component rendered to HTML in Node (react-dom/server) with a fixed UI language, checking
 * what a user or a screen reader gets: words beside icons, labels, evidence, inert customer text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EMOTIONS, probability, type Cue, type Emotion, type MessageAnalysis } from '@attune/engine';
import type { Message } from '../api/wire-types.ts';
import { I18nProvider } from '../app/i18n-context.tsx';
import type { Locale } from '../i18n/translate.ts';
import { assistView } from '../view/assist-view.ts';
import { AssistPanel } from './AssistPanel.tsx';
import { EmotionLabel } from './EmotionLabel.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { MessageItem } from './MessageItem.tsx';
import { RiskBadge } from './RiskBadge.tsx';

function html(element: ReactElement, locale: Locale = 'en'): string {
  return renderToStaticMarkup(createElement(I18nProvider, { locale, children: element }));
}

const text = 'I am FURIOUS!!! <script>alert(1)</script>';
const cue = (kind: Cue['kind'], word: string, extra: Partial<Cue> = {}): Cue => {
  const start = text.indexOf(word);
  return { kind, start, end: start + word.length, text: word, weight: 1, ...extra };
};
function analysis(dominant: Emotion): MessageAnalysis {
  const probs = Object.fromEntries(
    EMOTIONS.map((e) => [e, probability(e === dominant ? 0.9 : 0.02)]),
  ) as MessageAnalysis['emotions']['probs'];
  return {
    lang: { tag: 'en' as never, confidence: probability(1), source: 'given' },
    emotions: { probs, dominant, intensity: 0.9 },
    ekman: { probs: {} as never, dominant: 'anger' },
    sentiment: { probs: {} as never, label: 'negative', valence: -0.9 },
    cues: [cue('lexicon', 'FURIOUS', { emotion: 'anger', sentiment: 'negative' }), cue('exclamation', '!!!')],
    model: { id: 't', version: '1' },
  };
}
const message: Message = {
  id: 'm1',
  conversationId: 'c',
  externalId: 'e',
  role: 'customer',
  authorId: null,
  text,
  sentAt: '2026-01-01T12:00:00Z',
  analysis: analysis('anger'),
};

describe('EmotionLabel and RiskBadge', () => {
  it('always put a word beside the icon or colour', () => {
    assert.match(
      html(createElement(EmotionLabel, { emotion: 'anger' })),
      /<svg[^>]*aria-hidden="true".*<span>angry<\/span>/s,
    );
    assert.match(html(createElement(EmotionLabel, { emotion: 'anxiety' }), 'ru'), /тревожится/);
    const risk = html(createElement(RiskBadge, { level: 'high', score: 0.72 }));
    assert.match(risk, /high risk/);
    assert.match(risk, /72%/);
    assert.match(risk, /aria-hidden="true"[^>]*>▲/);
  });

  it('say plainly when nothing has been read yet', () => {
    assert.match(html(createElement(EmotionLabel, { emotion: undefined }), 'zh'), /尚未分析/);
    assert.match(html(createElement(RiskBadge, { level: undefined })), /risk not assessed/);
  });
});

describe('HighlightedText', () => {
  it('marks the active evidence and leaves other spans as quiet underlines', () => {
    const out = renderToStaticMarkup(
      createElement(HighlightedText, {
        text: 'so ANGRY!!!',
        spans: [
          { start: 3, end: 8, id: 'a' },
          { start: 8, end: 11, id: 'b' },
        ],
        active: new Set(['a']),
      }),
    );
    assert.equal(
      out,
      '<span>so </span><mark class="evidence evidence--active">ANGRY</mark><span class="evidence">!!!</span>',
    );
  });
});

describe('MessageItem', () => {
  const out = html(createElement(MessageItem, { message }));

  it('labels each emotion chip with its probability and the words behind it, for screen readers too', () => {
    assert.match(out, /aria-label="angry, 90%\. Evidence: “FURIOUS”, “!!!”"/);
    assert.match(out, /data-emotion="anger"/);
  });

  it('renders the customer’s text inert', () => {
    assert.ok(!out.includes('<script>'));
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('highlights a span pointed at from a risk reason or scorecard', () => {
    const focused = html(createElement(MessageItem, { message, focus: { start: 5, end: 12, text: 'FURIOUS' } }));
    assert.match(focused, /<mark class="evidence evidence--active">FURIOUS<\/mark>/);
    assert.match(focused, /message--focused/);
  });
});

describe('AssistPanel', () => {
  const view = assistView(
    {
      riskLevel: 'high',
      riskScore: 0.8,
      reasons: [],
      detail: {
        arc: { points: [], trend: 'escalating', now: { dominant: 'anger', intensity: 0.9, valence: -0.9 } },
        escalation: {
          reasons: [{ code: 'manager_demand', turnIndex: 0, span: { start: 0, end: 9, text: 'a manager' } }],
        },
        progress: { state: 'acknowledged', transitions: [{ turnIndex: 1, event: 'acknowledge' }] },
        nextStep: { code: 'acknowledge_emotion', params: { emotion: 'anger' } },
        channel: { findings: [] },
      },
    },
    [message, { ...message, id: 'm2', role: 'agent', text: 'I understand how upsetting this is.' }],
  );

  it('shows how the customer feels, the trend, the risk with its reasons and the next step', () => {
    const out = html(createElement(AssistPanel, { view, turns: [message] }));
    assert.match(out, /angry/);
    assert.match(out, /escalating/);
    assert.match(out, /high risk/);
    assert.match(out, /“a manager”/);
    assert.match(out, /data-testid="next-step"/);
  });

  it('ticks IHEART steps with their evidence and tells screen readers which are not done', () => {
    const out = html(createElement(AssistPanel, { view, turns: [message] }));
    assert.match(out, /step step--done.*I understand how upsetting this is/s);
    assert.match(out, /: not yet/);
  });

  it('says when a step was credited by the learned model rather than a phrase', () => {
    const learned = {
      ...view,
      steps: view.steps.map((s) =>
        s.step === 'empathize'
          ? { ...s, done: true, evidence: [{ turnIndex: 1, text: 'Hope she is better soon.', learned: true }] }
          : s,
      ),
    };
    const out = html(createElement(AssistPanel, { view: learned, turns: [message] }));
    assert.match(out, /Judged by the learned model: “Hope she is better soon.”/);
    assert.match(out, /Evidence: “I understand how upsetting this is.”/);
  });

  it('speaks Russian, with the emotion word in the next step', () => {
    const out = html(createElement(AssistPanel, { view, turns: [message] }), 'ru');
    assert.match(out, /Риск эскалации/);
    assert.match(out, /data-testid="next-step".*злится/s);
  });

  it('says it is waiting before the first analysis', () => {
    assert.match(html(createElement(AssistPanel, { view: undefined, turns: [] })), /Waiting for the first analysis/);
  });
});
