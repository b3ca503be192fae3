import type { ConversationAnalysis } from './conversation-analyzer.ts';
import { ARC_SMOOTHING } from './emotional-arc.ts';
import { IHEART_STEPS } from './iheart.ts';

/**
 * Features of the customer's sentiment arc, the part of satisfaction that public data can calibrate (SSA gives
 * per-turn sentiment and a satisfaction label per dialogue, but no text).
 */
export interface ArcFeatures {
  /** Smoothed valence at the last customer turn, -1..1. */
  readonly end: number;
  /** Valence of the last customer turn, -1..1. */
  readonly last: number;
  /** Lowest valence on the arc, -1..1. */
  readonly min: number;
  readonly mean: number;
  /** Share of customer turns with clearly negative valence (<= -0.3). */
  readonly negativeShare: number;
}

/** The arc features in a fixed order, with a leading 1 for the intercept: the design row of the linear model. */
export function arcRow(f: ArcFeatures): number[] {
  return [1, f.end, f.last, f.min, f.mean, f.negativeShare];
}

/** Arc features from customer turn valences in order. An empty arc is neutral. */
export function arcFeatures(valences: readonly number[]): ArcFeatures {
  if (valences.length === 0) return { end: 0, last: 0, min: 0, mean: 0, negativeShare: 0 };
  let smoothed = valences[0] ?? 0;
  for (let i = 1; i < valences.length; i++)
    smoothed = ARC_SMOOTHING * (valences[i] ?? 0) + (1 - ARC_SMOOTHING) * smoothed;
  return {
    end: smoothed,
    last: valences[valences.length - 1] ?? 0,
    min: Math.min(...valences),
    mean: valences.reduce((s, v) => s + v, 0) / valences.length,
    negativeShare: valences.filter((v) => v <= -0.3).length / valences.length,
  };
}

/**
 * Weights of the arc model (intercept first, then `arcRow` order), fitted by ridge least squares on the SSA train
 * split (10,832 Taobao dialogues; per-turn sentiment -1/0/+1; unsatisfied = 2, met = 4, well satisfied = 5 on the
 * CSAT scale). Reproduce with the script in docs/conversation-intelligence.md.
 */
export const ARC_CSAT_WEIGHTS: readonly number[] = [3.8334, 1.0991, -0.3169, 0.3897, 0.4437, -0.6178];

/**
 * Adjustments for what the arc cannot see, set by hand from the seeds (not fitted: no public data has them):
 * a confirmed fix, how much of IHEART the agent covered, coach issues in the agent's replies, and escalation risk
 * at the end.
 */
export const CSAT_ADJUSTMENTS = {
  confirmed: 0.35,
  unresolved: -0.35,
  /** Per unit of IHEART coverage (0..1). */
  coverage: 0.5,
  /** Per high-severity coach finding in the agent's replies, capped at 3. */
  highIssue: -0.4,
  highRisk: -0.6,
  mediumRisk: -0.25,
} as const;

/** The estimate and what it is made of, so a reviewer can see why. */
export interface InferredCsat {
  /** 1..5, one decimal. */
  readonly csat: number;
  readonly arc: ArcFeatures;
  /** The arc model's estimate before adjustments. */
  readonly fromArc: number;
  readonly adjustments: Readonly<Record<string, number>>;
}

/** Ridge least squares: weights minimising |Xw - y|^2 + lambda |w[1:]|^2 (the intercept is not shrunk). */
export function fitRidge(rows: readonly (readonly number[])[], targets: readonly number[], lambda = 1): number[] {
  const n = rows[0]?.length ?? 0;
  if (rows.length !== targets.length)
    throw new RangeError(`fitRidge: ${rows.length} rows but ${targets.length} targets`);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const b = new Array<number>(n).fill(0);
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i++) {
      b[i] = (b[i] ?? 0) + (r[i] ?? 0) * (targets[k] ?? 0);
      const ai = a[i] as number[];
      for (let j = 0; j < n; j++) ai[j] = (ai[j] ?? 0) + (r[i] ?? 0) * (r[j] ?? 0);
    }
  });
  for (let i = 1; i < n; i++) (a[i] as number[])[i] = ((a[i] as number[])[i] ?? 0) + lambda;
  return solve(a, b);
}

/** Gaussian elimination with partial pivoting; the matrix is small (one row per feature). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    [b[col], b[pivot]] = [b[pivot] as number, b[col] as number];
    const p = a[col]?.[col] ?? 0;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = (a[r]?.[col] ?? 0) / p;
      for (let c = col; c < n; c++) (a[r] as number[])[c] = (a[r]?.[c] ?? 0) - f * (a[col]?.[c] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  return b.map((v, i) => {
    const p = a[i]?.[i] ?? 0;
    return Math.abs(p) < 1e-12 ? 0 : v / p;
  });
}

/** The arc model alone: a CSAT estimate from customer valences, clamped to 1..5. */
export function csatFromArc(f: ArcFeatures, weights: readonly number[] = ARC_CSAT_WEIGHTS): number {
  const row = arcRow(f);
  return clamp(row.reduce((s, x, i) => s + x * (weights[i] ?? 0), 0));
}

/**
 * Estimates the customer's satisfaction (1..5) from the arc's end state, whether the fix was confirmed, the agent's
 * IHEART coverage, coach issues and the escalation risk at the end. Deterministic.
 *
 * @example
 * ```ts
 * const { csat } = inferCsat(analysis, coachConversation(analysis).flatMap((t) => t.coaching.findings));
 * ```
 */
export function inferCsat(
  analysis: ConversationAnalysis,
  findings: readonly { readonly severity: string }[] = [],
): InferredCsat {
  const arc = arcFeatures(analysis.customerTurns.map((c) => c.analysis.sentiment.valence));
  const fromArc = csatFromArc(arc);
  const adjustments: Record<string, number> = {};
  const state = analysis.progress.state;
  if (state === 'confirmed' || state === 'closed') adjustments.confirmed = CSAT_ADJUSTMENTS.confirmed;
  else if (state === 'opened' || state === 'reopened' || state === 'acknowledged')
    adjustments.unresolved = CSAT_ADJUSTMENTS.unresolved;
  if (analysis.agentTurns.length > 0) {
    const covered = IHEART_STEPS.filter((s) => analysis.agentTurns.some((t) => t.reading.steps[s].length > 0)).length;
    adjustments.coverage = round2(CSAT_ADJUSTMENTS.coverage * (covered / IHEART_STEPS.length - 0.5));
  }
  const high = Math.min(3, findings.filter((f) => f.severity === 'high').length);
  if (high > 0) adjustments.highIssues = CSAT_ADJUSTMENTS.highIssue * high;
  if (analysis.escalation.level === 'high') adjustments.risk = CSAT_ADJUSTMENTS.highRisk;
  else if (analysis.escalation.level === 'medium') adjustments.risk = CSAT_ADJUSTMENTS.mediumRisk;
  const total = fromArc + Object.values(adjustments).reduce((s, v) => s + v, 0);
  return { csat: Math.round(clamp(total) * 10) / 10, arc, fromArc: round2(fromArc), adjustments };
}

function clamp(x: number): number {
  return Number.isNaN(x) ? 3 : x < 1 ? 1 : x > 5 ? 5 : x;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
