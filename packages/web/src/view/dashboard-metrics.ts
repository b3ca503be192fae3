import { EMOTIONS, type Emotion } from '@attune/engine';
import type { ConversationDetail, SelfAssessment } from '../api/wire-types.ts';
import { assistView, IHEART_STEPS, transcriptMessages, type IheartStep } from './assist-view.ts';
import { field, num } from './read-json.ts';
import { selfScore } from './self-assessment.ts';

/** Customer messages per time bucket and emotion, for a stacked or multi-line chart. */
export interface EmotionSeries {
  /** Bucket starts, seconds since the epoch (uPlot's x unit). */
  readonly times: readonly number[];
  readonly counts: Readonly<Record<Emotion, readonly number[]>>;
}

/**
 * Counts customer messages by dominant emotion in fixed buckets (default one hour) from the earliest to the latest
 * analysed message. Empty buckets are kept so the time axis is honest.
 */
export function emotionsOverTime(details: readonly ConversationDetail[], bucketMs = 3_600_000): EmotionSeries {
  const points: { at: number; emotion: Emotion }[] = [];
  for (const d of details) {
    for (const m of d.messages) {
      if (m.role !== 'customer' || m.analysis === null) continue;
      const at = Date.parse(m.sentAt);
      if (!Number.isNaN(at)) points.push({ at, emotion: m.analysis.emotions.dominant });
    }
  }
  const empty = Object.fromEntries(EMOTIONS.map((e) => [e, [] as number[]])) as Record<Emotion, number[]>;
  if (points.length === 0) return { times: [], counts: empty };
  const first = Math.floor(Math.min(...points.map((p) => p.at)) / bucketMs);
  const last = Math.floor(Math.max(...points.map((p) => p.at)) / bucketMs);
  // A pathological spread (years of history) would make a chart of zeros; keep the most recent 500 buckets.
  const start = Math.max(first, last - 499);
  const n = last - start + 1;
  const counts = Object.fromEntries(EMOTIONS.map((e) => [e, new Array<number>(n).fill(0)])) as Record<
    Emotion,
    number[]
  >;
  for (const p of points) {
    const i = Math.floor(p.at / bucketMs) - start;
    if (i >= 0) (counts[p.emotion] as number[])[i] = ((counts[p.emotion] as number[])[i] ?? 0) + 1;
  }
  const times = Array.from({ length: n }, (_, i) => ((start + i) * bucketMs) / 1000);
  return { times, counts };
}

/** Per agent: in how many of their conversations each IHEART step was performed. */
export interface CoverageRow {
  readonly agentId: string | null;
  readonly conversations: number;
  readonly share: Readonly<Record<IheartStep, number>>;
}

export function iheartCoverage(details: readonly ConversationDetail[]): CoverageRow[] {
  const byAgent = new Map<string | null, { n: number; done: Record<IheartStep, number> }>();
  for (const d of details) {
    if (d.assist === null) continue;
    const view = assistView(d.assist, transcriptMessages(d.messages));
    const key = d.conversation.assigneeId;
    let acc = byAgent.get(key);
    if (acc === undefined)
      byAgent.set(
        key,
        (acc = { n: 0, done: Object.fromEntries(IHEART_STEPS.map((s) => [s, 0])) as Record<IheartStep, number> }),
      );
    acc.n++;
    for (const s of view.steps) if (s.done) acc.done[s.step]++;
  }
  return [...byAgent.entries()].map(([agentId, acc]) => ({
    agentId,
    conversations: acc.n,
    share: Object.fromEntries(IHEART_STEPS.map((s) => [s, acc.done[s] / acc.n])) as Record<IheartStep, number>,
  }));
}

/** Score bands of 20 points: [0,20), [20,40), ..., [80,100]. */
export const SCORE_BANDS = [0, 20, 40, 60, 80] as const;

export interface ScoreDistributionRow {
  readonly agentId: string | null;
  /** Conversations per band, in SCORE_BANDS order. */
  readonly bands: readonly number[];
}

/** The latest scorecard per conversation, counting the reviewer's score where there is one. */
export function scoreDistribution(details: readonly ConversationDetail[]): ScoreDistributionRow[] {
  const byAgent = new Map<string | null, number[]>();
  for (const d of details) {
    const card = d.scorecards[0];
    if (card === undefined) continue;
    const score = card.overrideScore ?? card.autoScore;
    const band = Math.min(SCORE_BANDS.length - 1, Math.max(0, Math.floor(score / 20)));
    const key = d.conversation.assigneeId;
    const bands = byAgent.get(key) ?? new Array<number>(SCORE_BANDS.length).fill(0);
    bands[band] = (bands[band] ?? 0) + 1;
    byAgent.set(key, bands);
  }
  return [...byAgent.entries()].map(([agentId, bands]) => ({ agentId, bands }));
}

export interface CsatRow {
  readonly agentId: string | null;
  readonly inferred?: number;
  readonly survey?: number;
  readonly inferredCount: number;
  readonly surveyCount: number;
}

/**
 * Inferred CSAT beside survey CSAT per agent (1..5 averages). Inferred values are the server's `inferred` CSAT rows,
 * else the assist's `csat` estimate, else the customer's final valence mapped onto 1..5 (-1 -> 1, +1 -> 5).
 */
export function csatComparison(details: readonly ConversationDetail[]): CsatRow[] {
  const byAgent = new Map<string | null, { inf: number[]; sur: number[] }>();
  for (const d of details) {
    const key = d.conversation.assigneeId;
    let acc = byAgent.get(key);
    if (acc === undefined) byAgent.set(key, (acc = { inf: [], sur: [] }));
    for (const c of d.csat) if (c.source === 'survey') acc.sur.push(c.score);
    const inferredRows = d.csat.filter((c) => c.source === 'inferred').map((c) => c.score);
    if (inferredRows.length > 0) acc.inf.push(...inferredRows);
    else {
      const estimate = num(field(field(d.assist?.detail, 'csat'), 'score')) ?? finalValenceCsat(d);
      if (estimate !== undefined) acc.inf.push(estimate);
    }
  }
  return [...byAgent.entries()]
    .filter(([, acc]) => acc.inf.length + acc.sur.length > 0)
    .map(([agentId, acc]) => ({
      agentId,
      ...(acc.inf.length === 0 ? {} : { inferred: mean(acc.inf) }),
      ...(acc.sur.length === 0 ? {} : { survey: mean(acc.sur) }),
      inferredCount: acc.inf.length,
      surveyCount: acc.sur.length,
    }));
}

function finalValenceCsat(d: ConversationDetail): number | undefined {
  const last = [...d.messages].reverse().find((m) => m.role === 'customer' && m.analysis !== null);
  const v = last?.analysis?.sentiment.valence;
  return v === undefined ? undefined : Math.round((3 + 2 * v) * 10) / 10;
}

export interface SelfGapRow {
  readonly conversationId: string;
  readonly self: number;
  readonly auto: number;
}

/** The self-awareness gap: each self-assessed conversation's self score beside its automatic score (0..100). */
export function selfAwarenessGap(
  details: readonly ConversationDetail[],
  assessments: readonly SelfAssessment[],
): SelfGapRow[] {
  const cards = new Map(
    details.flatMap((d) =>
      d.scorecards[0] === undefined ? [] : [[d.conversation.id, d.scorecards[0].autoScore] as const],
    ),
  );
  const rows: SelfGapRow[] = [];
  const seen = new Set<string>();
  // Newest first: a conversation assessed twice counts with its latest assessment.
  for (const a of [...assessments].sort((x, y) => y.createdAt.localeCompare(x.createdAt))) {
    if (a.conversationId === null || seen.has(a.conversationId)) continue;
    const auto = cards.get(a.conversationId);
    const self = selfScore(a.ratings);
    if (auto === undefined || self === undefined) continue;
    seen.add(a.conversationId);
    rows.push({ conversationId: a.conversationId, self, auto });
  }
  return rows;
}

export interface LoadRow {
  readonly agentId: string | null;
  /** Conversations with an intensely negative customer message within the shift window. */
  readonly intense: number;
  readonly breakSuggested: boolean;
}

export interface LoadOptions {
  readonly now: number;
  /** The shift window, hours back from now (default 8). */
  readonly hours?: number;
  /** Intense conversations in a shift after which a break is suggested (default 3). */
  readonly breakAfter?: number;
}

/** A customer message is intensely negative when strongly expressed and clearly negative. */
export const INTENSE_MIN = 0.6;
export const INTENSE_VALENCE = -0.4;

/**
 * Each agent's emotional load this shift: how many of their conversations had an intensely negative customer
 * message in the window, and whether that suggests a break.
 */
export function emotionalLoad(details: readonly ConversationDetail[], options: LoadOptions): LoadRow[] {
  const since = options.now - (options.hours ?? 8) * 3_600_000;
  const breakAfter = options.breakAfter ?? 3;
  const byAgent = new Map<string | null, number>();
  for (const d of details) {
    const intense = d.messages.some((m) => {
      if (m.role !== 'customer' || m.analysis === null) return false;
      const at = Date.parse(m.sentAt);
      return (
        at >= since &&
        at <= options.now &&
        m.analysis.emotions.intensity >= INTENSE_MIN &&
        m.analysis.sentiment.valence <= INTENSE_VALENCE
      );
    });
    const key = d.conversation.assigneeId;
    byAgent.set(key, (byAgent.get(key) ?? 0) + (intense ? 1 : 0));
  }
  return [...byAgent.entries()]
    .map(([agentId, intense]) => ({ agentId, intense, breakSuggested: intense >= breakAfter }))
    .sort((a, b) => b.intense - a.intense);
}

function mean(xs: readonly number[]): number {
  return Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100;
}
