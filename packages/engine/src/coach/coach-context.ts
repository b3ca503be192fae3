import type { Analyzer } from '../analyze/analyzer.ts';
import type { Channel } from '../conversation/conversation.ts';
import type { ConversationAnalysis } from '../conversation/conversation-analyzer.ts';
import { UPSET_HEAT, UPSET_VALENCE } from '../conversation/conversation-analyzer.ts';
import { heatOf } from '../conversation/emotional-arc.ts';
import type { CustomerReading } from '../conversation/customer-reading.ts';
import { readCustomerMessage } from '../conversation/customer-reading.ts';
import type { PatternLang } from '../conversation/text-span.ts';
import { patternLang } from '../conversation/text-span.ts';
import type { PhraseMemory } from './repeated-phrases.ts';
import { phraseMemory } from './repeated-phrases.ts';

/**
 * What the coach knows about the conversation a draft answers. Build it once per conversation state (with
 * `coachContextFrom` or `coachContextFromMessage`) and reuse it for every keystroke: coaching then only reads the
 * draft.
 */
export interface CoachContext {
  readonly channel: Channel;
  readonly lang?: PatternLang;
  readonly customerName?: string;
  /** Identifiers the customer gave (order numbers) and facts (product). */
  readonly specifics: readonly string[];
  /** The last customer message and what was read in it. */
  readonly lastCustomer?: { readonly text: string; readonly reading: CustomerReading };
  /** The customer is upset now (heated or clearly negative). */
  readonly customerUpset: boolean;
  /** The customer has confirmed the problem is solved (so closing is not rushing). */
  readonly customerConfirmed: boolean;
  /** The customer reported the company's fault and no agent reply has apologised since. */
  readonly apologyDue: boolean;
  /** The customer used a formal / familiar register anywhere in the conversation. */
  readonly customerRegister: 'formal' | 'informal' | 'neutral';
  readonly phrases?: PhraseMemory;
}

/** Builds the coach's context from a conversation analysis (the live case). */
export function coachContextFrom(analysis: ConversationAnalysis): CoachContext {
  const { customerTurns, agentTurns } = analysis;
  const last = customerTurns[customerTurns.length - 1];
  const faultTurn = customerTurns.find((c) => c.reading.companyFault.length > 0);
  const apologised =
    faultTurn !== undefined &&
    agentTurns.some((a) => a.turnIndex > faultTurn.turnIndex && a.reading.steps.apologize.length > 0);
  const registers = customerTurns.map((c) => c.reading.register);
  const lang = analysis.lang;
  return {
    channel: analysis.conversation.channel,
    ...(lang === undefined ? {} : { lang }),
    ...(analysis.customerName === undefined ? {} : { customerName: analysis.customerName }),
    specifics: analysis.specifics,
    ...(last === undefined ? {} : { lastCustomer: { text: last.text, reading: last.reading } }),
    customerUpset: last?.upset ?? false,
    customerConfirmed: analysis.progress.state === 'confirmed' || analysis.progress.state === 'closed',
    apologyDue: faultTurn !== undefined && !apologised,
    customerRegister: registers.includes('formal') ? 'formal' : registers.includes('informal') ? 'informal' : 'neutral',
    ...(lang === undefined
      ? {}
      : {
          phrases: phraseMemory(
            agentTurns.map((a) => a.text),
            lang,
          ),
        }),
  };
}

/**
 * Builds the coach's context from a single customer message, when there is no conversation (the eval line format,
 * a quick check in the CLI). `upset` is the caller's when given; else, with an `analyzer`, the message is read as the
 * live path reads a customer turn (heated, or clearly negative); else from its words alone (shouting, abuse, "!!!").
 */
export function coachContextFromMessage(
  customerText: string,
  options: { channel?: Channel; lang?: string; upset?: boolean; customerName?: string; analyzer?: Analyzer } = {},
): CoachContext {
  const reading = readCustomerMessage(customerText, options.lang);
  const lang = reading.lang ?? patternLang(customerText, options.lang);
  const wordHeat =
    reading.shouting.length > 0 ||
    reading.signals.some((s) => s.reason === 'abuse') ||
    reading.exclamationRuns.length > 0;
  const name = options.customerName ?? reading.selfName;
  const analyzedUpset = (analyzer: Analyzer): boolean => {
    const a = analyzer.analyzeMessage(customerText, lang === undefined ? { cues: false } : { lang, cues: false });
    return heatOf(a) >= UPSET_HEAT || a.sentiment.valence <= UPSET_VALENCE;
  };
  return {
    channel: options.channel ?? 'chat',
    ...(lang === undefined ? {} : { lang }),
    ...(name === undefined ? {} : { customerName: name }),
    specifics: reading.identifiers,
    lastCustomer: { text: customerText, reading },
    customerUpset: options.upset ?? (options.analyzer === undefined ? wordHeat : analyzedUpset(options.analyzer)),
    customerConfirmed: reading.confirms,
    apologyDue: reading.companyFault.length > 0,
    customerRegister: reading.register,
  };
}
