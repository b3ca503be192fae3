import type { TurnCoaching } from '../coach/conversation-coaching.ts';
import { coachConversation } from '../coach/conversation-coaching.ts';
import type { CoachCode } from '../coach/draft-coach.ts';
import type { ConversationAnalysis } from '../conversation/conversation-analyzer.ts';
import type { ConversationNote } from '../conversation/conversation.ts';
import type { TextSpan } from '../conversation/text-span.ts';
import type { Rubric, RubricCheck, RubricCondition, RubricCriterion } from './rubric.ts';

export type CriterionStatus = 'pass' | 'fail' | 'not_applicable';

/** Where a criterion's verdict comes from: a turn, and the words or finding in it. */
export interface CriterionEvidence {
  readonly turnIndex: number;
  readonly span?: TextSpan;
  /** The coach or channel finding code, for `no_coach_issue` / `no_channel_finding` failures. */
  readonly code?: string;
}

export interface CriterionResult {
  readonly id: string;
  readonly group: string;
  readonly weight: number;
  readonly status: CriterionStatus;
  readonly autoFail: boolean;
  /** For a pass: what earned it; for a fail of a "no ..." check: what broke it. Empty otherwise. */
  readonly evidence: readonly CriterionEvidence[];
}

export interface Scorecard {
  readonly rubric: { readonly id: string; readonly version: string };
  /**
   * 0..100: the weight of passed criteria over the weight of applicable ones, rounded to one decimal; 0 when an
   * auto-fail criterion failed; null when no criterion applies (nothing to score, which is not the same as 0).
   */
  readonly score: number | null;
  readonly autoFailed: readonly string[];
  readonly criteria: readonly CriterionResult[];
  /** What validation repaired in the input (re-sorted turns, missing timestamps): a score is never silently off. */
  readonly notes: readonly ConversationNote[];
}

interface Facts {
  readonly analysis: ConversationAnalysis;
  readonly coaching: readonly TurnCoaching[];
  readonly position: ReadonlyMap<number, number>;
  readonly firstUpset?: number;
  readonly firstFault?: number;
}

/**
 * Scores a conversation against a rubric. Deterministic: the same analysis and rubric give the same scorecard.
 *
 * @example
 * ```ts
 * const analysis = conversationAnalyzer.analyze(conversation);
 * const card = scoreConversation(analysis, DEFAULT_RUBRIC);
 * card.score; // e.g. 82.5
 * ```
 */
export function scoreConversation(
  analysis: ConversationAnalysis,
  rubric: Rubric,
  coaching: readonly TurnCoaching[] = coachConversation(analysis),
): Scorecard {
  const position = new Map(analysis.conversation.turns.map((t, i) => [t.index, i]));
  const firstUpset = analysis.customerTurns.find((c) => c.upset)?.turnIndex;
  const firstFault = analysis.customerTurns.find((c) => c.reading.companyFault.length > 0)?.turnIndex;
  const facts: Facts = {
    analysis,
    coaching,
    position,
    ...(firstUpset === undefined ? {} : { firstUpset }),
    ...(firstFault === undefined ? {} : { firstFault }),
  };
  const criteria = rubric.criteria.map((c) => judge(c, facts));
  const applicable = criteria.filter((c) => c.status !== 'not_applicable');
  const total = applicable.reduce((s, c) => s + c.weight, 0);
  const passed = applicable.filter((c) => c.status === 'pass').reduce((s, c) => s + c.weight, 0);
  const autoFailed = criteria.filter((c) => c.autoFail && c.status === 'fail').map((c) => c.id);
  const score = total === 0 ? null : autoFailed.length > 0 ? 0 : Math.round((1000 * passed) / total) / 10;
  return {
    rubric: { id: rubric.id, version: rubric.version },
    score,
    autoFailed,
    criteria,
    notes: analysis.conversation.notes,
  };
}

function judge(c: RubricCriterion, f: Facts): CriterionResult {
  const base = { id: c.id, group: c.group, weight: c.weight, autoFail: c.autoFail };
  if (!c.when.every((w) => holds(w, f))) return { ...base, status: 'not_applicable', evidence: [] };
  const { ok, evidence } = check(c.check, f);
  return { ...base, status: ok ? 'pass' : 'fail', evidence };
}

function holds(w: RubricCondition, f: Facts): boolean {
  if ('not' in w) return !holds(w.not, f);
  const a = f.analysis;
  switch (w.fact) {
    case 'customer_upset':
      return f.firstUpset !== undefined;
    case 'company_fault':
      return f.firstFault !== undefined;
    case 'has_customer_turns':
      return a.customerTurns.length > 0;
    case 'has_agent_turns':
      return a.agentTurns.length > 0;
    case 'customer_name_known':
      return a.customerName !== undefined;
    case 'timestamps':
      return a.conversation.turns.every((t) => t.at !== undefined);
    case 'resolved':
      return a.progress.transitions.some((t) => t.to === 'resolved' || t.to === 'confirmed' || t.to === 'closed');
    case 'channel':
      return w.in.includes(a.conversation.channel);
    case 'agent_turns_at_least':
      return a.agentTurns.length >= w.value;
  }
}

function check(k: RubricCheck, f: Facts): { ok: boolean; evidence: CriterionEvidence[] } {
  const a = f.analysis;
  const pos = (i: number): number => f.position.get(i) ?? -1;
  switch (k.kind) {
    case 'step': {
      const from = k.scope === 'after_upset' ? f.firstUpset : k.scope === 'after_fault' ? f.firstFault : undefined;
      const turns =
        k.scope === 'first_reply'
          ? a.agentTurns.slice(0, 1)
          : a.agentTurns.filter((t) => from === undefined || pos(t.turnIndex) > pos(from));
      return firstEvidence(turns.map((t) => ({ turnIndex: t.turnIndex, list: t.reading.steps[k.step] })));
    }
    case 'behaviour':
      return firstEvidence(
        a.agentTurns.map((t) => ({ turnIndex: t.turnIndex, list: t.reading.behaviours[k.behaviour] })),
      );
    case 'question':
      return firstEvidence(
        a.agentTurns.map((t) => ({ turnIndex: t.turnIndex, list: t.reading.questions[k.question] })),
      );
    case 'no_coach_issue': {
      const codes = new Set<CoachCode>(k.codes);
      const evidence = f.coaching.flatMap((t) =>
        t.coaching.findings
          .filter((x) => codes.has(x.code))
          .map((x) => ({ turnIndex: t.turnIndex, span: x.span, code: x.code })),
      );
      return { ok: evidence.length === 0, evidence };
    }
    case 'no_channel_finding': {
      const codes = new Set<string>(k.codes);
      const evidence = a.channel.findings
        .filter((x) => codes.has(x.code))
        .map((x) => ({
          turnIndex: 'turnIndex' in x ? x.turnIndex : x.code === 'phone_interruptions' ? (x.turnIndices[0] ?? -1) : -1,
          code: x.code,
        }));
      return { ok: evidence.length === 0, evidence };
    }
    case 'final_state':
      return { ok: k.in.includes(a.progress.state), evidence: [] };
    case 'customer_calm_at_end': {
      const last = a.customerTurns[a.customerTurns.length - 1];
      return {
        ok: last !== undefined && !last.upset,
        evidence: last === undefined ? [] : [{ turnIndex: last.turnIndex }],
      };
    }
  }
}

function firstEvidence(turns: readonly { turnIndex: number; list: readonly { span: TextSpan }[] }[]): {
  ok: boolean;
  evidence: CriterionEvidence[];
} {
  for (const t of turns) {
    const e = t.list[0];
    if (e !== undefined) return { ok: true, evidence: [{ turnIndex: t.turnIndex, span: e.span }] };
  }
  return { ok: false, evidence: [] };
}
