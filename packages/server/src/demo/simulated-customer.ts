/**
 * Keeps the demo alive: plays each demo conversation's live script one turn at a time through the normal
 * ingest path (so every turn is analysed, assisted and pushed like real traffic), then starts a new round.
 */
import type { IngestService } from '../services/ingest-service.ts';
import { demoConversations } from './demo-conversations.ts';

export function startSimulatedCustomer(deps: {
  readonly ingest: IngestService;
  readonly inboxId: string;
  readonly agentId: string;
  readonly intervalMs?: number;
}): () => void {
  let step = 0;
  let round = 0;
  const total = demoConversations.reduce((n, c) => n + c.live.length, 0);
  const timer = setInterval(() => {
    // Interleave conversations: turn k of each before turn k+1 of any, as parallel chats would.
    const slots = demoConversations.flatMap((c) => c.live.map((turn, k) => ({ c, turn, k }))).sort((a, b) => a.k - b.k);
    const slot = slots[step % total];
    step++;
    if (step % total === 0) round++;
    if (slot === undefined) return;
    const { c, turn, k } = slot;
    // Each round continues in a fresh conversation so the arc starts over from the same history.
    const conversationKey = round === 0 ? c.key : `${c.key}-r${round}`;
    void deps.ingest
      .ingest(
        {
          inboxId: deps.inboxId,
          conversation: {
            externalId: conversationKey,
            subject: c.subject,
            assigneeId: deps.agentId,
            contact: { externalId: `contact-${c.key}`, name: c.customer },
          },
          message: {
            externalId: `${conversationKey}:l${k}`,
            role: turn.role,
            text: turn.text,
            authorId: turn.role === 'agent' ? deps.agentId : null,
          },
        },
        { lang: c.lang },
      )
      .catch((error: unknown) => console.error(`attune: simulated customer failed: ${String(error)}`));
  }, deps.intervalMs ?? 4000);
  timer.unref();
  return () => clearInterval(timer);
}
