import type { ConversationAnalysis } from './conversation-analyzer.ts';
import type { RiskLevel } from './escalation-risk.ts';
import { IHEART_STEPS } from './iheart.ts';

/**
 * What an agent's assist panel shows for a conversation, as plain JSON: risk with its reason codes (rendered into
 * words by the client's catalog) and the rest of the analysis (arc, IHEART progress and evidence, next best step,
 * channel nudges). The server pushes it over the WebSocket; the browser builds the same shape when it analyses
 * locally, so both go through this one function.
 */
export interface AssistSnapshot {
  readonly riskLevel: RiskLevel;
  readonly riskScore: number;
  readonly reasons: readonly { readonly code: string; readonly params?: Readonly<Record<string, unknown>> }[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export function assistSnapshot(analysis: ConversationAnalysis, computedIn: 'server' | 'browser'): AssistSnapshot {
  const steps = Object.fromEntries(
    IHEART_STEPS.map((step) => [
      step,
      analysis.agentTurns.flatMap((a) =>
        // `cue` says what earned the step; 'model' marks a step the learned reply-step model credited.
        a.reading.steps[step].map((e) => ({ turnIndex: a.turnIndex, span: e.span, cue: e.cue })),
      ),
    ]),
  );
  return {
    riskLevel: analysis.escalation.level,
    riskScore: analysis.escalation.risk,
    reasons: analysis.escalation.reasons.map((r) => ({
      code: r.code,
      params: { ...r.params, turnIndex: r.turnIndex, ...(r.span === undefined ? {} : { span: r.span }) },
    })),
    detail: {
      arc: analysis.arc,
      escalation: analysis.escalation,
      progress: analysis.progress,
      nextStep: analysis.nextStep,
      channel: analysis.channel,
      steps,
      computedIn,
    },
  };
}
