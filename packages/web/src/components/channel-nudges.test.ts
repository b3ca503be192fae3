import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Message } from '../api/wire-types.ts';
import { I18nProvider } from '../app/i18n-context.tsx';
import type { Locale } from '../i18n/translate.ts';
import { assistView } from '../view/assist-view.ts';
import { ChannelNudges } from './ChannelNudges.tsx';

const email: Message = {
  id: 'm1',
  conversationId: 'c',
  externalId: 'e',
  role: 'customer',
  authorId: null,
  text: 'Why was I charged twice? Who approved this? I am furious.',
  // Sent just now: the 15-minute cool-down has not run out.
  sentAt: new Date().toISOString(),
  analysis: null,
};

function render(findings: unknown[], phone: unknown, locale: Locale = 'en'): string {
  const view = assistView(
    {
      riskLevel: 'medium',
      riskScore: 0.4,
      reasons: [],
      detail: { channel: { findings, ...(phone === undefined ? {} : { phone }) } },
    },
    [email],
  );
  return renderToStaticMarkup(
    createElement(I18nProvider, { locale, children: createElement(ChannelNudges, { view, turns: [email] }) }),
  );
}

describe('ChannelNudges', () => {
  it('gives an angry email a cool-down timer counting from when it arrived, and the reply plan in order', () => {
    const out = render(
      [
        {
          code: 'email_cool_down',
          turnIndex: 0,
          minutes: 15,
          plan: ['identify', 'empathize', 'answer_each_question', 'resolve', 'thank'],
          questions: 2,
        },
      ],
      undefined,
    );
    assert.match(out, /role="timer"/);
    assert.match(out, /Cool-down: 1[45]:\d\d left/);
    assert.match(
      out,
      /<ol class="reply-plan"><li>Name the customer’s feeling<\/li><li>Show you understand<\/li><li>Answer every question<\/li>/,
    );
    assert.match(out, /The email asks 2 questions/);
  });

  it('warns about dead air in chat', () => {
    assert.match(render([{ code: 'chat_dead_air', turnIndex: 0, seconds: 95, ongoing: true }], undefined), /95 s/);
  });

  it('shows the phone talk ratio as a meter with the percentage in words', () => {
    const out = render([{ code: 'phone_talk_ratio', agentShare: 0.78 }], {
      agentTalkRatio: 0.78,
      agentPace: 210,
      paceUnit: 'words',
      estimated: false,
    });
    assert.match(out, /<meter[^>]*value="0.78"/);
    assert.match(out, /78%/);
    assert.match(out, /210/);
  });

  it('says when there is nothing to watch, in the UI language', () => {
    assert.match(render([], undefined, 'zh'), /此渠道目前没有需要注意的事项/);
  });
});
