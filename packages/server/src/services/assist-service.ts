/**
 * Live assist: after each committed message, re-reads the conversation with the engine's conversation
 * intelligence, stores the snapshot, emits assist.updated, and raises an alert for the team's leads when the
 * escalation risk crosses a threshold (one open alert per conversation). When a conversation is resolved, stores
 * the engine's inferred CSAT beside any survey answers. Runs in the process that made the change (LiveEvent.local).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { conversationAssists, messageAnalyses, messages } from '../db/schema.ts';
import type { LiveBus } from '../live/live-bus.ts';
import { appendEvents } from '../store/events-repository.ts';
import { openAlert, raiseAlert, recordCsat } from '../store/feedback-repository.ts';
import { getConversation } from '../store/conversations-repository.ts';
import type { AssistSnapshot, ConversationIntelligence, TranscriptTurn } from './conversation-intelligence.ts';

export const highRiskAlertCode = 'escalation_risk_high';
/** The engine's own boundary of high escalation risk (RISK_LEVELS.high). */
export const defaultAlertThreshold = 0.6;
/** Transcripts longer than this are read from their tail: the live assist is about where things stand now. */
const maxTurns = 60;

export async function loadTranscript(db: Db, conversationId: string): Promise<TranscriptTurn[]> {
  // The tail only, newest first, then put back in order: a long conversation costs no more than a short one.
  const rows = await db
    .select({ role: messages.role, text: messages.text, sentAt: messages.sentAt, analysis: messageAnalyses.analysis })
    .from(messages)
    .leftJoin(messageAnalyses, eq(messageAnalyses.messageId, messages.id))
    .where(and(eq(messages.conversationId, conversationId), inArray(messages.role, ['customer', 'agent'])))
    .orderBy(desc(messages.sentAt), desc(messages.createdAt))
    .limit(maxTurns);
  return rows.reverse().map((r) => ({
    role: r.role as 'customer' | 'agent',
    text: r.text,
    at: r.sentAt.toISOString(),
    analysis: r.analysis ?? null,
  }));
}

export type AssistListener = (conversationId: string, snapshot: AssistSnapshot) => void;

export function startAssist(deps: {
  readonly db: Db;
  readonly bus: LiveBus;
  readonly origin: string;
  readonly intelligence: ConversationIntelligence;
  /** Called after a snapshot is stored (e.g. the Chatwoot write-back). */
  readonly onAssist?: AssistListener;
  /** Escalation risk (0..1) at or above which the team's leads are alerted. */
  readonly alertThreshold?: number;
}): () => void {
  const threshold = deps.alertThreshold ?? defaultAlertThreshold;
  // One assessment at a time per conversation; a burst of messages collapses into the latest state.
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  async function assess(conversationId: string): Promise<void> {
    const conversation = await getConversation(deps.db, conversationId);
    if (conversation === undefined) return;
    const transcript = await loadTranscript(deps.db, conversationId);
    if (transcript.length === 0) return;
    const snapshot = deps.intelligence.assess(
      transcript,
      conversation.lang === null ? {} : { lang: conversation.lang },
    );
    await deps.db.transaction(async (tx) => {
      await tx
        .insert(conversationAssists)
        .values({ conversationId, assist: snapshot as unknown as Record<string, unknown> })
        .onConflictDoUpdate({
          target: conversationAssists.conversationId,
          set: { assist: sql`excluded.assist`, updatedAt: sql`now()` },
        });
      await appendEvents(tx, deps.origin, [
        {
          type: 'assist.updated',
          conversationId,
          teamId: conversation.teamId,
          payload: { conversationId, assist: snapshot },
        },
      ]);
    });
    if (
      snapshot.riskScore >= threshold &&
      (await openAlert(deps.db, conversationId, highRiskAlertCode)) === undefined
    ) {
      await raiseAlert(deps.db, deps.origin, {
        conversationId,
        teamId: conversation.teamId,
        code: highRiskAlertCode,
        severity: 'critical',
        params: { riskScore: snapshot.riskScore, riskLevel: snapshot.riskLevel, reasons: snapshot.reasons },
      });
    }
    deps.onAssist?.(conversationId, snapshot);
  }

  function schedule(conversationId: string): void {
    if (running.has(conversationId)) {
      dirty.add(conversationId);
      return;
    }
    const run = assess(conversationId)
      .catch((error: unknown) => console.error(`attune: assist for ${conversationId} failed: ${String(error)}`))
      .finally(() => {
        running.delete(conversationId);
        if (dirty.delete(conversationId)) schedule(conversationId);
      });
    running.set(conversationId, run);
  }

  async function storeInferredCsat(conversationId: string): Promise<void> {
    const conversation = await getConversation(deps.db, conversationId);
    if (conversation === undefined) return;
    const transcript = await loadTranscript(deps.db, conversationId);
    if (!transcript.some((t) => t.role === 'customer')) return;
    const { csat } = deps.intelligence.inferCsat(
      transcript,
      conversation.lang === null ? {} : { lang: conversation.lang },
    );
    await recordCsat(
      deps.db,
      { via: 'system' },
      { conversationId, score: Math.min(5, Math.max(1, Math.round(csat))), source: 'inferred' },
    );
  }

  return deps.bus.subscribe((event) => {
    if (!event.local || event.conversationId === null) return;
    if (event.type === 'message.analyzed') schedule(event.conversationId);
    if (event.type === 'conversation.status_changed' && event.payload['to'] === 'resolved') {
      const id = event.conversationId;
      void storeInferredCsat(id).catch((error: unknown) =>
        console.error(`attune: inferred CSAT for ${id} failed: ${String(error)}`),
      );
    }
  });
}
