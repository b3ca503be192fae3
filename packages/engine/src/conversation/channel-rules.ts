import type { Conversation, Turn } from './conversation.ts';
import type { IheartStep } from './iheart.ts';

/** Settings for the channel rules; every number has a default taken from common contact-centre practice. */
export interface ChannelRuleOptions {
  /** Email: how long to wait before answering an angry email (minutes). Default 15. */
  readonly coolDownMinutes?: number;
  /** Chat: silence after a customer message that counts as dead air (seconds). Default 60. */
  readonly deadAirSeconds?: number;
  /** Phone: a gap between utterances that counts as a long silence (seconds). Default 8. */
  readonly longSilenceSeconds?: number;
  /** Phone: agent share of talk time above which the agent talks too much. Default 0.65. */
  readonly maxAgentTalkRatio?: number;
  /** Now, for a live conversation (ms, same clock as the turns): detects dead air still going on. */
  readonly now?: number;
}

export const CHANNEL_DEFAULTS = {
  coolDownMinutes: 15,
  deadAirSeconds: 60,
  longSilenceSeconds: 8,
  maxAgentTalkRatio: 0.65,
} as const;

/** What to do in the reply to an angry email, in order. */
export type ReplyPlanItem =
  Extract<IheartStep, 'identify' | 'empathize' | 'apologize' | 'resolve' | 'thank'> | 'answer_each_question';

/** A channel-specific finding: code + params, rendered by the message catalogs. */
export type ChannelFinding =
  | {
      readonly code: 'email_cool_down';
      readonly turnIndex: number;
      readonly minutes: number;
      readonly plan: readonly ReplyPlanItem[];
      /** How many questions the email asks: each needs an answer. */
      readonly questions: number;
    }
  | { readonly code: 'chat_dead_air'; readonly turnIndex: number; readonly seconds: number; readonly ongoing: boolean }
  | { readonly code: 'phone_talk_ratio'; readonly agentShare: number }
  | { readonly code: 'phone_interruptions'; readonly count: number; readonly turnIndices: readonly number[] }
  | { readonly code: 'phone_long_silence'; readonly turnIndex: number; readonly seconds: number }
  | {
      readonly code: 'phone_pace';
      readonly pace: 'fast' | 'slow';
      readonly perMinute: number;
      readonly unit: 'words' | 'chars';
    };

/** Measurements of a phone transcript (present when the channel is phone and timestamps allow). */
export interface PhoneMetrics {
  /** Agent talk time / all talk time, 0..1. */
  readonly agentTalkRatio: number;
  /** Times the agent started speaking before the customer had finished. */
  readonly agentInterruptions: number;
  readonly customerInterruptions: number;
  /** Gaps of at least `longSilenceSeconds` between utterances. */
  readonly longSilences: number;
  /** Agent speaking pace: words per minute (en, ru) or characters per minute (zh); undefined without durations. */
  readonly agentPace?: number;
  readonly paceUnit: 'words' | 'chars';
  /** True when durations were estimated from the next turn's start rather than given end times. */
  readonly estimated: boolean;
}

export interface ChannelReport {
  readonly findings: readonly ChannelFinding[];
  readonly phone?: PhoneMetrics;
}

/** What the channel rules need to know about each customer turn (computed by the conversation analyzer). */
export interface ChannelTurnFacts {
  /** How heated, 0..1 (see `heatOf`), by turn index. */
  readonly heatByTurn: ReadonlyMap<number, number>;
  readonly faultTurns: ReadonlySet<number>;
}

const HAN = /\p{Script=Han}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Applies the channel's rules (seed 000): an angry email gets a cool-down and a reply plan; chat silence after a
 * customer message is dead air; phone transcripts get talk ratio, interruptions, long silences and pace.
 */
export function channelRules(
  conversation: Conversation,
  facts: ChannelTurnFacts,
  options: ChannelRuleOptions = {},
): ChannelReport {
  const o = { ...CHANNEL_DEFAULTS, ...options };
  const turns = conversation.turns.filter((t) => t.role !== 'system');
  if (conversation.channel === 'email') return { findings: emailRules(turns, facts, o.coolDownMinutes) };
  if (conversation.channel === 'chat' || conversation.channel === 'social') {
    return conversation.channel === 'chat'
      ? { findings: deadAir(turns, o.deadAirSeconds, options.now) }
      : { findings: [] };
  }
  return phoneRules(turns, o.longSilenceSeconds, o.maxAgentTalkRatio);
}

function emailRules(turns: readonly Turn[], facts: ChannelTurnFacts, minutes: number): ChannelFinding[] {
  const last = turns[turns.length - 1];
  // Only an email still waiting for an answer needs a cool-down.
  if (last === undefined || last.role !== 'customer') return [];
  const heat = facts.heatByTurn.get(last.index) ?? 0;
  if (heat < 0.45) return [];
  const plan: ReplyPlanItem[] = ['identify', 'empathize'];
  if ([...facts.faultTurns].some((i) => i === last.index)) plan.push('apologize');
  const questions = (last.text.match(/[?？]+/gu) ?? []).length;
  if (questions > 1) plan.push('answer_each_question');
  plan.push('resolve', 'thank');
  return [{ code: 'email_cool_down', turnIndex: last.index, minutes, plan, questions }];
}

function deadAir(turns: readonly Turn[], seconds: number, now: number | undefined): ChannelFinding[] {
  const out: ChannelFinding[] = [];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i] as Turn;
    if (t.role !== 'customer' || t.at === undefined) continue;
    const next = turns[i + 1];
    if (next?.role === 'customer') continue; // the customer kept typing: measure from their last message
    const until = next === undefined ? now : next.at;
    if (until === undefined) continue;
    const gap = (until - t.at) / 1000;
    if (gap >= seconds)
      out.push({ code: 'chat_dead_air', turnIndex: t.index, seconds: Math.round(gap), ongoing: next === undefined });
  }
  return out;
}

function phoneRules(turns: readonly Turn[], longSilenceSeconds: number, maxRatio: number): ChannelReport {
  const timed = turns.filter((t) => t.at !== undefined);
  if (timed.length < 2 || timed.length !== turns.length) return { findings: [] };
  const zh =
    turns.reduce((n, t) => n + (t.text.match(HAN)?.length ?? 0), 0) >
    turns.reduce((n, t) => n + (t.text.match(WORD)?.length ?? 0), 0) / 2;
  const unit = zh ? ('chars' as const) : ('words' as const);
  const size = (text: string): number => (zh ? (text.match(HAN)?.length ?? 0) : (text.match(WORD)?.length ?? 0));
  let estimated = false;
  let agentTime = 0;
  let allTime = 0;
  let agentUnits = 0;
  let agentInterruptions = 0;
  let customerInterruptions = 0;
  const interrupted: number[] = [];
  const findings: ChannelFinding[] = [];
  for (let i = 0; i < timed.length; i++) {
    const t = timed[i] as Turn;
    const next = timed[i + 1];
    const start = t.at as number;
    let end: number;
    if (t.endAt !== undefined && t.endAt > start) end = t.endAt;
    else {
      estimated = true;
      // Without an end time, the turn lasts until the next one starts, capped by a generous speaking rate.
      const cap = start + Math.max(1000, size(t.text) * (zh ? 250 : 600));
      end = next === undefined ? cap : Math.min(Math.max(start, next.at as number), cap);
    }
    const duration = end - start;
    allTime += duration;
    if (t.role === 'agent') {
      agentTime += duration;
      agentUnits += size(t.text);
    }
    if (next !== undefined && next.role !== t.role) {
      if ((next.at as number) < end && t.endAt !== undefined) {
        if (next.role === 'agent') {
          agentInterruptions++;
          interrupted.push(next.index);
        } else customerInterruptions++;
      }
      const gap = ((next.at as number) - end) / 1000;
      if (gap >= longSilenceSeconds)
        findings.push({ code: 'phone_long_silence', turnIndex: next.index, seconds: Math.round(gap) });
    }
  }
  const agentTalkRatio = allTime > 0 ? agentTime / allTime : 0;
  const pace = agentTime > 0 && !estimated ? agentUnits / (agentTime / 60000) : undefined;
  if (agentTalkRatio > maxRatio) findings.unshift({ code: 'phone_talk_ratio', agentShare: round2(agentTalkRatio) });
  if (agentInterruptions >= 2)
    findings.push({ code: 'phone_interruptions', count: agentInterruptions, turnIndices: interrupted });
  if (pace !== undefined) {
    const [slow, fast] = zh ? [120, 320] : [90, 190];
    if (pace > fast || pace < slow)
      findings.push({ code: 'phone_pace', pace: pace > fast ? 'fast' : 'slow', perMinute: Math.round(pace), unit });
  }
  return {
    findings,
    phone: {
      agentTalkRatio: round2(agentTalkRatio),
      agentInterruptions,
      customerInterruptions,
      longSilences: findings.filter((f) => f.code === 'phone_long_silence').length,
      ...(pace === undefined ? {} : { agentPace: Math.round(pace) }),
      paceUnit: unit,
      estimated,
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
