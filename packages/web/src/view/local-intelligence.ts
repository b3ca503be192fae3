/**
 * The engine's conversation intelligence, run in the browser on the analyses the server already stored. Used for
 * instant draft coaching and as the assist panel's fallback when the server runs without conversation
 * intelligence (it answers `assist_unavailable`). The server stays the source of truth: whatever it sends wins.
 */
import {
  assistSnapshot,
  CHANNELS,
  coachContextFrom,
  coachDraft,
  createConversationAnalyzer,
  type Channel,
  type CoachContext,
  type ConversationAnalysis,
  type MessageAnalysis,
  type Turn,
  millis,
} from '@attune/engine';
import type { AssistSnapshot, Message } from '../api/wire-types.ts';
import { transcriptMessages } from './assist-view.ts';

// No message analyzer: the browser has no model; every customer turn comes with the server's stored analysis.
const analyzer = createConversationAnalyzer({ cacheSize: 500 });

/** The conversation channel from an inbox channel name; help desks and APIs default to chat. */
export function channelOf(inboxChannel: string | undefined | null): Channel {
  return (CHANNELS as readonly string[]).includes(inboxChannel ?? '') ? (inboxChannel as Channel) : 'chat';
}

/**
 * Reads the conversation with the engine. Turn indices match the server's transcript numbering; customer messages
 * the server has not analysed yet are left out (the browser cannot analyse them without the model). Undefined when
 * no customer message has an analysis.
 */
export function analyseLocally(
  messages: readonly Message[],
  channel: Channel,
  lang?: string,
): ConversationAnalysis | undefined {
  const transcript = transcriptMessages(messages);
  const turns: Turn[] = [];
  const precomputed = new Map<number, MessageAnalysis>();
  transcript.forEach((m, index) => {
    if (m.role === 'customer') {
      if (m.analysis === null) return;
      precomputed.set(index, m.analysis);
    }
    const at = Date.parse(m.sentAt);
    turns.push({
      index,
      role: m.role as 'customer' | 'agent',
      text: m.text,
      ...(Number.isNaN(at) ? {} : { at: millis(at) }),
    });
  });
  if (precomputed.size === 0) return undefined;
  const conversation = { channel, customer: {}, turns, notes: [], ...(lang === undefined ? {} : { lang }) };
  try {
    return analyzer.analyze(conversation, precomputed);
  } catch (error) {
    // A fallback must never take the page down: without it the panel waits for the server's assist.
    console.warn('attune: in-browser conversation analysis failed', error);
    return undefined;
  }
}

/** The coach's context for a draft answering this conversation. */
export function localCoachContext(analysis: ConversationAnalysis | undefined, channel: Channel): CoachContext {
  if (analysis !== undefined) return coachContextFrom(analysis);
  return {
    channel,
    specifics: [],
    customerUpset: false,
    customerConfirmed: false,
    apologyDue: false,
    customerRegister: 'neutral',
  };
}

/** Coaches a draft in the browser, in the same shape the server's coach endpoint returns. */
export function coachLocally(draft: string, context: CoachContext): unknown {
  try {
    return coachDraft(draft, context);
  } catch (error) {
    console.warn('attune: in-browser draft coaching failed', error);
    return { findings: [] };
  }
}

/** An assist snapshot in the server's shape, from a local analysis (the engine builds both). */
export function localAssist(analysis: ConversationAnalysis): AssistSnapshot {
  return assistSnapshot(analysis, 'browser');
}
