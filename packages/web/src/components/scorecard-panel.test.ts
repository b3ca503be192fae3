import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApiClient } from '../api/api-client.ts';
import { LiveSocket } from '../api/live-socket.ts';
import type { ConversationDetail, Role } from '../api/wire-types.ts';
import { I18nProvider } from '../app/i18n-context.tsx';
import { SessionProvider, type Session } from '../app/session-context.tsx';
import { ScorecardPanel } from './ScorecardPanel.tsx';

function session(role: Role): Session {
  return {
    api: new ApiClient({ baseUrl: 'http://127.0.0.1:1' }),
    me: { user: { id: 'u1', email: 'x@y.z', name: 'Lee', role, locale: 'en' }, teams: [] },
    live: new LiveSocket('ws://127.0.0.1:1/api/v1/live'),
    names: new Map(),
    inboxes: new Map(),
  };
}

const detail: ConversationDetail = {
  conversation: {
    id: 'c1',
    inboxId: 'i',
    teamId: 't',
    assigneeId: 'u2',
    contactId: null,
    externalId: 'x',
    status: 'resolved',
    subject: 'Refund',
    lang: 'en',
    lastMessageAt: null,
    createdAt: '',
    updatedAt: '',
  },
  contact: null,
  messages: [],
  assist: null,
  alerts: [],
  csat: [],
  scorecards: [
    {
      id: 's1',
      conversationId: 'c1',
      autoScore: 50,
      auto: {
        score: 50,
        autoFailed: [],
        criteria: [
          {
            id: 'empathize',
            group: 'iheart',
            weight: 8,
            status: 'pass',
            autoFail: false,
            evidence: [{ turnIndex: 1, span: { start: 0, end: 12, text: 'I understand' } }],
          },
          { id: 'resolve_with_time_frame', group: 'iheart', weight: 8, status: 'fail', autoFail: false, evidence: [] },
        ],
      },
      overrideScore: 100,
      overrideNote: 'Promised a date on the phone.',
      overrideCriteria: [
        {
          criterionId: 'resolve_with_time_frame',
          status: 'pass',
          comment: 'Promised a date on the phone.',
          reviewerId: 'u1',
          reviewedAt: '2026-01-01T12:00:00Z',
        },
      ],
      reviewerId: 'u1',
      reviewedAt: '2026-01-01T12:00:00Z',
      createdAt: '2026-01-01T11:00:00Z',
    },
  ],
};

function render(role: Role, locale: 'en' | 'ru' = 'en'): string {
  const panel = createElement(ScorecardPanel, {
    detail,
    onChanged: () => undefined,
    selfAssessment: {
      id: 'a',
      userId: 'u2',
      conversationId: 'c1',
      ratings: { read_emotions: 4, met_needs: 3, changed_view: 3, adapted_mood: 2 },
      note: null,
      createdAt: '',
    },
  });
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      locale,
      children: createElement(SessionProvider, { value: session(role), children: panel }),
    }),
  );
}

describe('ScorecardPanel', () => {
  it('shows the automatic score, the reviewer’s score and the agent’s self-assessment side by side', () => {
    const out = render('lead');
    assert.match(out, /Automatic: 50/);
    assert.match(out, /Reviewer: 100/);
    assert.match(out, /Your self-assessment: 50 \/ 100/);
    assert.match(out, /Promised a date on the phone\./);
  });

  it('lists each criterion as a word with a link to its evidence', () => {
    const out = render('lead');
    assert.match(out, /Empathized.*pass.*message 2/s);
    assert.match(out, /Resolved with a time frame.*fail/s);
  });

  it('lets a lead set a verdict per criterion, keeping the stored review', () => {
    const out = render('lead');
    assert.match(out, /<select aria-label="Reviewer: Resolved with a time frame"/);
    assert.match(out, /<option value="pass" selected="">pass<\/option>/);
    assert.match(out, /Save review/);
  });

  it('shows an agent the reviewer’s verdicts without letting them change anything', () => {
    const out = render('agent');
    assert.doesNotMatch(out, /<select/);
    assert.doesNotMatch(out, /Save review/);
    assert.match(out, /Resolved with a time frame.*fail.*pass/s);
  });

  it('speaks Russian', () => {
    assert.match(render('lead', 'ru'), /Оценочный лист.*Автоматически: 50/s);
  });
});
