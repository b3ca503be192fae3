import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import type { Millis } from '../brands.ts';
import type { Emotion } from '../emotion/taxonomy.ts';

/** One customer turn on the arc. */
export interface ArcPoint {
  readonly turnIndex: number;
  readonly at?: Millis;
  readonly dominant: Emotion;
  readonly intensity: number;
  /** P(positive) - P(negative) of this turn, -1..1. */
  readonly valence: number;
  /** How heated the turn is, 0..1: anger, and frustration a little less (see `heatOf`). */
  readonly heat: number;
  /** Exponentially smoothed valence up to and including this turn. */
  readonly smoothedValence: number;
  readonly smoothedHeat: number;
}

export type ArcTrend = 'escalating' | 'calming' | 'steady';

/** How the customer's feelings moved over the conversation. */
export interface EmotionalArc {
  readonly points: readonly ArcPoint[];
  /** Escalating when the last turns are clearly more negative or more heated than the ones before. */
  readonly trend: ArcTrend;
  /** The most negative customer turn (lowest valence; ties go to the earlier turn). Undefined with no customer turns. */
  readonly peak?: ArcPoint;
  /** How the customer feels now: the last customer turn, with the smoothed values. */
  readonly now?: ArcPoint;
}

/** How much a new turn moves the smoothed values: recent turns matter more, one outlier does not swing the arc. */
export const ARC_SMOOTHING = 0.6;
/** The change in smoothed valence or heat, over the last turns, that counts as a trend. */
export const ARC_TREND_THRESHOLD = 0.2;

/**
 * How heated a message is, 0..1: anger counts fully, frustration at 0.8; and when anger or frustration dominates,
 * the strength of the negative polarity too (the emotion heads are calibrated conservatively, so "气死了" can have
 * P(anger) 0.3 while its valence is -0.8).
 */
export function heatOf(a: MessageAnalysis): number {
  const p = a.emotions.probs;
  const hot = a.emotions.dominant === 'anger' || a.emotions.dominant === 'frustration';
  const raw = Math.max(p.anger, 0.8 * p.frustration, hot ? 0.7 * Math.max(0, -a.sentiment.valence) : 0);
  return Math.min(1, Math.max(0, raw));
}

/**
 * Builds the arc from the customer turns' analyses, in conversation order.
 *
 * @example
 * ```ts
 * const arc = emotionalArc([{ turnIndex: 0, analysis: a0 }, { turnIndex: 2, analysis: a2 }]);
 * arc.trend; // 'escalating' if turn 2 is clearly angrier than turn 0
 * ```
 */
export function emotionalArc(
  turns: readonly { readonly turnIndex: number; readonly at?: Millis; readonly analysis: MessageAnalysis }[],
): EmotionalArc {
  const points: ArcPoint[] = [];
  let sv = 0;
  let sh = 0;
  for (const [i, t] of turns.entries()) {
    const valence = clamp(t.analysis.sentiment.valence, -1, 1);
    const heat = heatOf(t.analysis);
    sv = i === 0 ? valence : ARC_SMOOTHING * valence + (1 - ARC_SMOOTHING) * sv;
    sh = i === 0 ? heat : ARC_SMOOTHING * heat + (1 - ARC_SMOOTHING) * sh;
    points.push({
      turnIndex: t.turnIndex,
      ...(t.at === undefined ? {} : { at: t.at }),
      dominant: t.analysis.emotions.dominant,
      intensity: t.analysis.emotions.intensity,
      valence,
      heat,
      smoothedValence: sv,
      smoothedHeat: sh,
    });
  }
  if (points.length === 0) return { points, trend: 'steady' };
  let peak = points[0] as ArcPoint;
  for (const p of points) if (p.valence < peak.valence) peak = p;
  const now = points[points.length - 1] as ArcPoint;
  return { points, trend: trendOf(points), peak, now };
}

function trendOf(points: readonly ArcPoint[]): ArcTrend {
  if (points.length < 2) return 'steady';
  const now = points[points.length - 1] as ArcPoint;
  // Compare with up to two customer turns back: long enough to ignore a single wobble, short enough to be "now".
  const before = points[Math.max(0, points.length - 3)] as ArcPoint;
  const dv = now.smoothedValence - before.smoothedValence;
  const dh = now.smoothedHeat - before.smoothedHeat;
  if (dv <= -ARC_TREND_THRESHOLD || dh >= ARC_TREND_THRESHOLD) return 'escalating';
  if (dv >= ARC_TREND_THRESHOLD || dh <= -ARC_TREND_THRESHOLD) return 'calming';
  return 'steady';
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? 0 : x < lo ? lo : x > hi ? hi : x;
}
