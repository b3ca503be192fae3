import type { Analyzer } from '../analyze/analyzer.ts';
import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import type { ChannelReport, ChannelRuleOptions } from './channel-rules.ts';
import { channelRules } from './channel-rules.ts';
import type { Conversation } from './conversation.ts';
import type { CustomerReading } from './customer-reading.ts';
import { readCustomerMessage } from './customer-reading.ts';
import type { EmotionalArc } from './emotional-arc.ts';
import { emotionalArc, heatOf } from './emotional-arc.ts';
import type { EscalationAssessment, EscalationOptions } from './escalation-risk.ts';
import { assessEscalation } from './escalation-risk.ts';
import type { IheartEvent, IheartProgress } from './iheart-progress.ts';
import { iheartProgress } from './iheart-progress.ts';
import type { NextBestStep, StepTurn } from './next-best-step.ts';
import { nextBestStep } from './next-best-step.ts';
import type { ConversationIssue } from './parse-conversation.ts';
import { parseConversation } from './parse-conversation.ts';
import type { ReplyReading } from './reply-reading.ts';
import { readReply } from './reply-reading.ts';
import type { Result } from './result.ts';
import type { PatternLang } from './text-span.ts';
import { patternLang } from './text-span.ts';

export interface CustomerTurnAnalysis {
  readonly turnIndex: number;
  readonly text: string;
  readonly analysis: MessageAnalysis;
  readonly reading: CustomerReading;
  /** Heat from the analysis or, if stronger, from the words (threats, capitals). 0..1. */
  readonly heat: number;
  /** Upset enough that the next reply should acknowledge it. */
  readonly upset: boolean;
  /** Minutes the customer had been waiting for an agent when writing this, if timestamps allow. */
  readonly waitedMinutes?: number;
}

export interface AgentTurnAnalysis {
  readonly turnIndex: number;
  readonly text: string;
  readonly reading: ReplyReading;
}

/** Everything conversation intelligence reads from a conversation. */
export interface ConversationAnalysis {
  readonly conversation: Conversation;
  /** The conversation's language for patterns: the hint, else the most common among customer turns. */
  readonly lang: PatternLang | undefined;
  readonly customerName?: string;
  /** Identifiers and facts the customer gave (order numbers, product): replies should use them. */
  readonly specifics: readonly string[];
  readonly customerTurns: readonly CustomerTurnAnalysis[];
  readonly agentTurns: readonly AgentTurnAnalysis[];
  readonly arc: EmotionalArc;
  readonly escalation: EscalationAssessment;
  readonly progress: IheartProgress;
  readonly nextStep: NextBestStep;
  readonly channel: ChannelReport;
}

export interface ConversationOptions {
  readonly escalation?: EscalationOptions;
  readonly channel?: ChannelRuleOptions;
}

export interface ConversationAnalyzerConfig {
  /**
   * Reads emotions in customer turns; inject the one built on the shipped model. May be omitted only by callers
   * that always pass a precomputed analysis for every customer turn (the server, which stores them).
   */
  readonly analyzer?: Analyzer;
  readonly options?: ConversationOptions;
  /** How many per-turn results to keep for reuse (default 5,000). */
  readonly cacheSize?: number;
}

export interface ConversationAnalyzer {
  /**
   * Analyses a validated conversation. `precomputed` maps turn indices to stored analyses (the server keeps them),
   * which are used as given instead of re-reading the text.
   */
  analyze(conversation: Conversation, precomputed?: ReadonlyMap<number, MessageAnalysis>): ConversationAnalysis;
  /** Validates unknown input, then analyses it. */
  analyzeInput(input: unknown): Result<ConversationAnalysis, ConversationIssue>;
}

/** Upset: heated, or clearly negative. */
export const UPSET_HEAT = 0.4;
export const UPSET_VALENCE = -0.35;

/**
 * Creates a conversation analyzer on an injected message analyzer. Per-turn results are cached by text, so
 * analysing the same conversation again with one more turn (the live case: every keystroke of a draft, every new
 * message) costs only the new turn.
 *
 * @example
 * ```ts
 * const ca = createConversationAnalyzer({ analyzer: createAnalyzer({ model }) });
 * const r = ca.analyzeInput({ channel: 'chat', turns: [{ role: 'customer', text: 'Third time I write!!!' }] });
 * if (r.ok) console.log(r.value.escalation.level, r.value.nextStep.code);
 * ```
 */
export function createConversationAnalyzer(config: ConversationAnalyzerConfig): ConversationAnalyzer {
  const { analyzer } = config;
  const limit = config.cacheSize ?? 5000;
  const analyses = new BoundedCache<MessageAnalysis>(limit);
  const customerReadings = new BoundedCache<CustomerReading>(limit);
  const replyReadings = new BoundedCache<ReplyReading>(limit);
  const options = config.options ?? {};

  function analyze(
    conversation: Conversation,
    precomputed?: ReadonlyMap<number, MessageAnalysis>,
  ): ConversationAnalysis {
    const hint = conversation.lang;
    const speech = conversation.turns.filter((t) => t.role !== 'system');
    const langCounts = new Map<PatternLang, number>();
    const customerTurns: CustomerTurnAnalysis[] = [];
    let waitingSince: number | undefined;
    for (const t of speech) {
      if (t.role === 'agent') {
        waitingSince = undefined;
        continue;
      }
      const key = `${hint ?? ''}\u0000${t.text}`;
      const analysis =
        precomputed?.get(t.index) ??
        analyses.getOrSet(key, () => {
          if (analyzer === undefined) {
            throw new Error(
              `createConversationAnalyzer: customer turn ${t.index} has no precomputed analysis and no analyzer was given`,
            );
          }
          return analyzer.analyzeMessage(t.text, hint === undefined ? { cues: false } : { lang: hint, cues: false });
        });
      const reading = customerReadings.getOrSet(key, () => readCustomerMessage(t.text, hint));
      if (reading.lang !== undefined) langCounts.set(reading.lang, (langCounts.get(reading.lang) ?? 0) + 1);
      const heat = Math.max(
        heatOf(analysis),
        reading.signals.some((s) => s.reason === 'abuse') || reading.shouting.length > 0 ? 0.6 : 0,
      );
      const upset = !reading.confirms && (heat >= UPSET_HEAT || analysis.sentiment.valence <= UPSET_VALENCE);
      let waitedMinutes: number | undefined;
      if (t.at !== undefined) {
        waitingSince ??= t.at;
        waitedMinutes = (t.at - waitingSince) / 60000;
      }
      customerTurns.push({
        turnIndex: t.index,
        text: t.text,
        analysis,
        reading,
        heat,
        upset,
        ...(waitedMinutes === undefined || waitedMinutes === 0 ? {} : { waitedMinutes }),
      });
    }
    const lang = patternLang('', hint) ?? [...langCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const customerName =
      conversation.customer.name ?? customerTurns.find((c) => c.reading.selfName !== undefined)?.reading.selfName;
    const specifics = [
      ...new Set([
        ...customerTurns.flatMap((c) => c.reading.identifiers),
        ...[conversation.customer.orderId, conversation.customer.product].filter((x): x is string => x !== undefined),
      ]),
    ];
    const replyContext = {
      ...(lang === undefined ? {} : { lang }),
      ...(customerName === undefined ? {} : { customerName }),
      specifics,
    };
    const contextKey = `${lang ?? ''}\u0000${customerName ?? ''}\u0000${specifics.join('\u0001')}`;
    // Each reply is read against the customer message it answers, so restating it counts as Hear.
    const agentTurns: AgentTurnAnalysis[] = [];
    let answering = '';
    for (const t of speech) {
      if (t.role === 'customer') {
        answering = t.text;
        continue;
      }
      const reading = replyReadings.getOrSet(`${contextKey}\u0000${answering}\u0000${t.text}`, () =>
        readReply(t.text, { ...replyContext, customerText: answering }),
      );
      agentTurns.push({ turnIndex: t.index, text: t.text, reading });
    }

    const arc = emotionalArc(customerTurns.map((c) => ({ turnIndex: c.turnIndex, analysis: c.analysis })));
    const escalation = assessEscalation(
      customerTurns.map((c) => ({
        turnIndex: c.turnIndex,
        reading: c.reading,
        analysis: c.analysis,
        ...(c.waitedMinutes === undefined ? {} : { waitedMinutes: c.waitedMinutes }),
      })),
      conversation.channel,
      options.escalation,
    );

    const byIndex = new Map<number, CustomerTurnAnalysis | AgentTurnAnalysis>();
    for (const c of customerTurns) byIndex.set(c.turnIndex, c);
    for (const a of agentTurns) byIndex.set(a.turnIndex, a);
    const events: { turnIndex: number; event: IheartEvent }[] = [];
    const stepTurns: StepTurn[] = [];
    for (const t of speech) {
      const x = byIndex.get(t.index);
      if (x === undefined) continue;
      if ('reading' in x && 'steps' in x.reading) {
        const r = x.reading;
        stepTurns.push({ role: 'agent', turnIndex: t.index, reading: r });
        if (r.steps.identify.length + r.steps.empathize.length + r.steps.apologize.length > 0)
          events.push({ turnIndex: t.index, event: 'acknowledge' });
        if (r.steps.hear.length > 0) events.push({ turnIndex: t.index, event: 'hear' });
        if (r.steps.resolve.length > 0) events.push({ turnIndex: t.index, event: 'resolve' });
        if (r.steps.thank.length > 0) events.push({ turnIndex: t.index, event: 'thank' });
      } else if ('analysis' in x) {
        stepTurns.push({
          role: 'customer',
          turnIndex: t.index,
          upset: x.upset,
          emotion: x.analysis.emotions.dominant,
          fault: x.reading.companyFault.length > 0,
        });
        events.push({
          turnIndex: t.index,
          event: x.reading.stillBroken ? 'still_broken' : x.reading.confirms ? 'confirm' : 'message',
        });
      }
    }
    const progress = iheartProgress(events);
    const nextStep = nextBestStep(stepTurns, progress, escalation);
    const channel = channelRules(
      conversation,
      {
        heatByTurn: new Map(customerTurns.map((c) => [c.turnIndex, c.heat])),
        faultTurns: new Set(customerTurns.filter((c) => c.reading.companyFault.length > 0).map((c) => c.turnIndex)),
      },
      options.channel,
    );
    return {
      conversation,
      lang,
      ...(customerName === undefined ? {} : { customerName }),
      specifics,
      customerTurns,
      agentTurns,
      arc,
      escalation,
      progress,
      nextStep,
      channel,
    };
  }

  return {
    analyze,
    analyzeInput(input) {
      const parsed = parseConversation(input);
      return parsed.ok ? { ok: true, value: analyze(parsed.value) } : parsed;
    },
  };
}

/** A map that forgets its oldest entries beyond a size, so a long-running server does not grow without bound. */
class BoundedCache<V> {
  readonly #map = new Map<string, V>();
  readonly #limit: number;
  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }
  getOrSet(key: string, make: () => V): V {
    const hit = this.#map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.#map.size >= this.#limit) {
      const oldest = this.#map.keys().next();
      if (oldest.done !== true) this.#map.delete(oldest.value);
    }
    this.#map.set(key, value);
    return value;
  }
}
