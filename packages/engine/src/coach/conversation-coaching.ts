import type { ConversationAnalysis } from '../conversation/conversation-analyzer.ts';
import type { CoachContext } from './coach-context.ts';
import { phraseMemory } from './repeated-phrases.ts';
import type { CoachOptions, DraftCoaching } from './draft-coach.ts';
import { coachDraft } from './draft-coach.ts';

/** The coaching each sent agent reply would have received at the moment it was written. */
export interface TurnCoaching {
  readonly turnIndex: number;
  readonly coaching: DraftCoaching;
}

/**
 * Coaches every agent turn of a finished conversation with the context it had when it was written (what the customer
 * had said so far, whether an apology was due, the agent's earlier phrases). Linear in the number of turns: the
 * context is carried forward, not rebuilt for each turn. Used by scorecards and reviews.
 */
export function coachConversation(analysis: ConversationAnalysis, options: CoachOptions = {}): TurnCoaching[] {
  const { customerTurns, agentTurns, progress, lang } = analysis;
  const events = [
    ...customerTurns.map((c) => ({ kind: 'customer' as const, turnIndex: c.turnIndex, c })),
    ...agentTurns.map((a) => ({ kind: 'agent' as const, turnIndex: a.turnIndex, a })),
  ];
  // Turns are in conversation order; the analysis keeps indices as given, so order by position in the conversation.
  const position = new Map(analysis.conversation.turns.map((t, i) => [t.index, i]));
  events.sort((x, y) => (position.get(x.turnIndex) ?? 0) - (position.get(y.turnIndex) ?? 0));
  // Transitions are in conversation order, so the state at any point is found by advancing one pointer.
  let next = 0;
  let state: string = 'opened';
  const stateAfter = (turnIndex: number): string => {
    const p = position.get(turnIndex) ?? 0;
    for (
      let t = progress.transitions[next];
      t !== undefined && (position.get(t.turnIndex) ?? 0) <= p;
      t = progress.transitions[++next]
    )
      state = t.to;
    return state;
  };

  const out: TurnCoaching[] = [];
  const previous: string[] = [];
  let last: (typeof customerTurns)[number] | undefined;
  let apologyDue = false;
  let register: CoachContext['customerRegister'] = 'neutral';
  for (const e of events) {
    if (e.kind === 'customer') {
      last = e.c;
      if (e.c.reading.companyFault.length > 0) apologyDue = true;
      if (e.c.reading.register === 'formal') register = 'formal';
      else if (e.c.reading.register === 'informal' && register === 'neutral') register = 'informal';
      continue;
    }
    const now = last === undefined ? 'opened' : stateAfter(last.turnIndex);
    const context: CoachContext = {
      channel: analysis.conversation.channel,
      ...(lang === undefined ? {} : { lang }),
      ...(analysis.customerName === undefined ? {} : { customerName: analysis.customerName }),
      specifics: analysis.specifics,
      ...(last === undefined ? {} : { lastCustomer: { text: last.text, reading: last.reading } }),
      customerUpset: last?.upset ?? false,
      customerConfirmed: now === 'confirmed' || now === 'closed',
      apologyDue,
      customerRegister: register,
      ...(lang === undefined || previous.length < 2 ? {} : { phrases: phraseMemory(previous, lang) }),
    };
    const coaching = coachDraft(e.a.text, context, { ...options, reading: e.a.reading });
    out.push({ turnIndex: e.turnIndex, coaching });
    if (coaching.reading.steps.apologize.length > 0) apologyDue = false;
    previous.push(e.a.text);
    if (previous.length > 10) previous.shift();
  }
  return out;
}
