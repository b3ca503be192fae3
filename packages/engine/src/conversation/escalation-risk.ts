import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import type { Probability } from '../brands.ts';
import { probability } from '../brands.ts';
import type { Channel } from './conversation.ts';
import type { EscalationReason } from './customer-patterns.ts';
import type { CustomerReading } from './customer-reading.ts';
import { heatOf } from './emotional-arc.ts';
import type { TextSpan } from './text-span.ts';

/** Escalation reasons, plus `high_anger`: the customer is very angry right now, with no other signal yet. */
export type EscalationCode = EscalationReason | 'high_anger';

export type RiskLevel = 'low' | 'medium' | 'high';

/** One reason the risk is what it is, anchored in a customer turn. */
export interface EscalationFinding {
  readonly code: EscalationCode;
  readonly turnIndex: number;
  /** The words that carry the signal; absent for signals read from time or the arc. */
  readonly span?: TextSpan;
  /** This finding's share of the risk after recency decay, 0..1. */
  readonly contribution: number;
  /** For `long_wait`: the wait in minutes. For `high_anger` / `rising_anger`: the heat, 0..1. */
  readonly params?: Readonly<Record<string, number>>;
}

export interface EscalationAssessment {
  readonly risk: Probability;
  readonly level: RiskLevel;
  /** Contributing reasons, strongest first. */
  readonly reasons: readonly EscalationFinding[];
}

/** How much each signal alone raises the risk (before decay). Threats outweigh mood; mood outweighs waiting. */
export const ESCALATION_WEIGHTS: Readonly<Record<EscalationCode, number>> = {
  legal_threat: 0.85,
  chargeback_threat: 0.8,
  manager_demand: 0.7,
  public_review_threat: 0.7,
  cancel_threat: 0.6,
  abuse: 0.6,
  repeated_contact: 0.4,
  rising_anger: 0.4,
  high_anger: 0.45,
  long_wait: 0.3,
  shouting: 0.3,
};

/** Thresholds on risk for the levels: high >= 0.6, medium >= 0.3. */
export const RISK_LEVELS = { medium: 0.3, high: 0.6 } as const;

/**
 * Heat from which the customer counts as clearly angry (`high_anger`). Chosen on the emotion corpus train split:
 * at 0.3, 96-98% of messages above it are labelled anger or frustration in en, zh and ru.
 */
export const HIGH_ANGER_HEAT = 0.3;

export interface EscalationOptions {
  /** Unanswered customer wait that counts as long, per channel, in minutes. */
  readonly longWaitMinutes?: Partial<Record<Channel, number>>;
}

const DEFAULT_LONG_WAIT: Readonly<Record<Channel, number>> = { chat: 5, social: 60, email: 48 * 60, phone: 3 };

/** A customer turn as escalation reads it: its words, optional emotion analysis and, if known, the wait before it. */
export interface EscalationTurn {
  readonly turnIndex: number;
  readonly reading: CustomerReading;
  readonly analysis?: MessageAnalysis;
  /** Minutes the customer had been waiting for an agent when this turn was written, if timestamps allow. */
  readonly waitedMinutes?: number;
}

export function riskLevel(risk: number): RiskLevel {
  return risk >= RISK_LEVELS.high ? 'high' : risk >= RISK_LEVELS.medium ? 'medium' : 'low';
}

/** Heat of a turn from its words alone: what the risk uses when no analysis is available, and as a floor. */
function wordHeat(r: CustomerReading): number {
  let h = 0;
  for (const s of r.signals)
    h = Math.max(
      h,
      s.reason === 'abuse' ? 0.7 : s.reason === 'repeated_contact' || s.reason === 'long_wait' ? 0.35 : 0.6,
    );
  if (r.shouting.length > 0) h = Math.max(h, 0.6);
  if (r.exclamationRuns.length > 0) h = Math.max(h, 0.45);
  return h;
}

/**
 * Assesses the risk that the conversation escalates (a manager demand, a cancellation, a complaint in public),
 * from the customer turns so far. Built to warn early: rising anger across turns, repeated contact, long waits and
 * shouting raise the risk before any threat is made. Older signals fade with each later customer turn, faster
 * once the customer calms down or confirms a fix.
 *
 * @example
 * ```ts
 * const a = assessEscalation([{ turnIndex: 0, reading: readCustomerMessage('This is the third time I write!') }], 'chat');
 * a.level; // 'medium'
 * ```
 */
export function assessEscalation(
  turns: readonly EscalationTurn[],
  channel: Channel,
  options: EscalationOptions = {},
): EscalationAssessment {
  const longWait = { ...DEFAULT_LONG_WAIT, ...options.longWaitMinutes }[channel];
  const raw: { finding: Omit<EscalationFinding, 'contribution'>; weight: number; position: number }[] = [];
  const heats: number[] = [];
  turns.forEach((t, position) => {
    const seen = new Set<EscalationCode>();
    for (const s of t.reading.signals) {
      if (seen.has(s.reason)) continue;
      seen.add(s.reason);
      raw.push({
        finding: { code: s.reason, turnIndex: t.turnIndex, span: s.span },
        weight: ESCALATION_WEIGHTS[s.reason],
        position,
      });
    }
    const shout = t.reading.shouting[0] ?? t.reading.exclamationRuns[0];
    if (shout !== undefined) {
      // Exclamation runs alone are a weaker signal than capitals.
      const w = t.reading.shouting.length > 0 ? ESCALATION_WEIGHTS.shouting : ESCALATION_WEIGHTS.shouting * 0.6;
      raw.push({ finding: { code: 'shouting', turnIndex: t.turnIndex, span: shout }, weight: w, position });
    }
    if (t.waitedMinutes !== undefined && t.waitedMinutes >= longWait && !seen.has('long_wait')) {
      raw.push({
        finding: { code: 'long_wait', turnIndex: t.turnIndex, params: { minutes: Math.round(t.waitedMinutes) } },
        weight: ESCALATION_WEIGHTS.long_wait,
        position,
      });
    }
    const heat = Math.max(t.analysis === undefined ? 0 : heatOf(t.analysis), wordHeat(t.reading));
    heats.push(heat);
    const prev = heats[position - 1];
    if (prev !== undefined && heat >= 0.35 && (prev >= 0.35 || heat - prev >= 0.25)) {
      raw.push({
        finding: { code: 'rising_anger', turnIndex: t.turnIndex, params: { heat: round2(heat) } },
        weight: ESCALATION_WEIGHTS.rising_anger,
        position,
      });
    }
    if (t.analysis !== undefined && heatOf(t.analysis) >= HIGH_ANGER_HEAT) {
      const h = heatOf(t.analysis);
      // Clear anger alone is medium risk (at least the medium threshold); stronger anger weighs more.
      raw.push({
        finding: { code: 'high_anger', turnIndex: t.turnIndex, params: { heat: round2(h) } },
        weight: Math.max(RISK_LEVELS.medium, ESCALATION_WEIGHTS.high_anger * h),
        position,
      });
    }
  });

  // Each later customer turn fades older signals; a calm or confirming turn fades them faster.
  const fade: number[] = turns.map((t, i) => {
    const calm =
      t.reading.confirms || ((heats[i] ?? 0) < 0.2 && (t.analysis === undefined || t.analysis.sentiment.valence > 0.2));
    return calm ? 0.4 : 0.75;
  });
  const decayAfter = (position: number): number => {
    let d = 1;
    for (let i = position + 1; i < turns.length; i++) d *= fade[i] ?? 1;
    return d;
  };
  let keep = 1;
  const reasons: EscalationFinding[] = raw.map(({ finding, weight, position }) => {
    const contribution = weight * decayAfter(position);
    keep *= 1 - contribution;
    return { ...finding, contribution: round2(contribution) };
  });
  const risk = probability(1 - keep);
  const kept = reasons
    .filter((r) => r.contribution >= 0.05)
    .sort((a, b) => b.contribution - a.contribution || a.turnIndex - b.turnIndex);
  return { risk, level: riskLevel(risk), reasons: kept };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
