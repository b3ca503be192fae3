/**
 * The port through which the server asks the engine about a whole conversation (arc, escalation risk,
 * next best step, draft coaching, scorecard, inferred CSAT). The engine's conversation modules fulfil it (see
 * engine-intelligence.ts); the server stores and pushes whatever they return without reinterpreting it.
 */
export interface TranscriptTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
  readonly at: string;
  /** The stored per-message analysis, when there is one (customer turns). */
  readonly analysis: unknown;
}

/** The assist snapshot: built by the engine's `assistSnapshot`, stored and pushed as is. */
export type { AssistSnapshot } from '@attune/engine';
import type { AssistSnapshot } from '@attune/engine';

export interface ConversationIntelligence {
  assess(transcript: readonly TranscriptTurn[], options: { readonly lang?: string }): AssistSnapshot;
  coachDraft(
    draft: string,
    transcript: readonly TranscriptTurn[],
    options: { readonly lang?: string },
  ): Readonly<Record<string, unknown>>;
  score(
    transcript: readonly TranscriptTurn[],
    options: { readonly lang?: string; readonly rubric?: unknown },
  ): { readonly score: number; readonly detail: Readonly<Record<string, unknown>> };
  /** The engine's estimate of the customer's satisfaction, 1..5 (stored when a conversation is resolved). */
  inferCsat(
    transcript: readonly TranscriptTurn[],
    options: { readonly lang?: string },
  ): { readonly csat: number; readonly detail: Readonly<Record<string, unknown>> };
}
