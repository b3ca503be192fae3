/**
 * When an inbox is a Chatwoot account with write-back enabled, mirrors Attune's live assist into Chatwoot:
 * custom attributes with the customer's emotion and the escalation risk, an `attune-high-risk` label, and a
 * private note the first time risk turns high (once per alert). Runs only in the process that made the change.
 */
import type { Db } from '../../db/database.ts';
import type { ServerCaches } from '../../http/server-caches.ts';
import type { LiveBus, LiveEvent } from '../../live/live-bus.ts';
import { getConversation } from '../../store/conversations-repository.ts';
import type { AssistSnapshot } from '../../services/conversation-intelligence.ts';
import { ChatwootClient, chatwootConnectionOf, chatwootDisplayId } from './chatwoot-client.ts';

export function startChatwootWriteBack(deps: {
  readonly db: Db;
  readonly bus: LiveBus;
  readonly caches: Pick<ServerCaches, 'inbox' | 'conversationInbox'>;
  readonly fetch?: typeof fetch;
}): () => void {
  async function handle(event: LiveEvent): Promise<void> {
    if (event.conversationId === null) return;
    // Most events are not from Chatwoot: decide that from the caches, without a query per event.
    const inboxId = await deps.caches.conversationInbox(event.conversationId);
    const inbox = inboxId === undefined ? undefined : await deps.caches.inbox(inboxId);
    if (inbox === undefined || inbox.channel !== 'chatwoot') return;
    const connection = chatwootConnectionOf(inbox.settings);
    if (connection === null) return;
    const conversation = await getConversation(deps.db, event.conversationId);
    if (conversation === undefined) return;
    const client = new ChatwootClient(connection, deps.fetch);
    const displayId = chatwootDisplayId(conversation.externalId);
    if (event.type === 'assist.updated') {
      const assist = event.payload['assist'] as AssistSnapshot | undefined;
      if (assist === undefined) return;
      await client.setCustomAttributes(displayId, {
        attune_risk: assist.riskLevel,
        attune_risk_score: Math.round(assist.riskScore * 100),
      });
    } else if (event.type === 'message.analyzed') {
      const analysis = event.payload['analysis'] as {
        emotions?: { dominant?: string };
        sentiment?: { valence?: number };
      } | null;
      if (analysis?.emotions?.dominant === undefined) return;
      await client.setCustomAttributes(displayId, {
        attune_emotion: analysis.emotions.dominant,
        attune_valence: Math.round((analysis.sentiment?.valence ?? 0) * 100),
      });
    } else if (event.type === 'alert.raised') {
      const reasons =
        (event.payload['alert'] as { params?: { reasons?: { code: string }[] } } | undefined)?.params?.reasons ?? [];
      await client.setLabels(displayId, ['attune-high-risk']);
      await client.privateNote(
        displayId,
        `Attune: escalation risk is high${reasons.length > 0 ? ` (${reasons.map((r) => r.code).join(', ')})` : ''}. A lead has been alerted.`,
      );
    }
  }
  return deps.bus.subscribe((event) => {
    if (!event.local) return;
    void handle(event).catch((error: unknown) => console.error(`attune: Chatwoot write-back failed: ${String(error)}`));
  });
}
