/**
 * The per-process read caches on the request path. Without them each ingest spent more database time
 * identifying its caller, its inbox and the webhooks to notify than storing the message. Any change to users,
 * teams, tokens, sessions, inboxes or webhooks clears them all in every process (LiveBus.onInvalidate); the
 * time-to-live only bounds staleness if such a notification were ever lost.
 */
import { eq } from 'drizzle-orm';
import type { ResolvedCaller } from '../auth/resolve-viewer.ts';
import type { Db } from '../db/database.ts';
import { conversations } from '../db/schema.ts';
import { getInbox } from '../store/inboxes-repository.ts';
import type { InboxRow, WebhookRow } from '../store/rows.ts';
import { TtlCache } from '../store/ttl-cache.ts';
import { listWebhooks } from '../store/webhooks-repository.ts';

export interface ServerCaches {
  /** By a hash of the credential (bearer token or session cookie). */
  readonly callers: TtlCache<string, ResolvedCaller | null>;
  inbox(id: string): Promise<InboxRow | undefined>;
  webhooks(): Promise<WebhookRow[]>;
  /** A conversation never changes inbox, so this mapping only ever goes stale by deletion. */
  conversationInbox(conversationId: string): Promise<string | undefined>;
  clear(): void;
}

export function createServerCaches(db: Db): ServerCaches {
  const callers = new TtlCache<string, ResolvedCaller | null>({ ttlMs: 30_000, maxEntries: 50_000 });
  const inboxes = new TtlCache<string, InboxRow | undefined>({ ttlMs: 60_000 });
  const webhooks = new TtlCache<'all', WebhookRow[]>({ ttlMs: 30_000 });
  const conversationInboxes = new TtlCache<string, string | undefined>({ ttlMs: 600_000, maxEntries: 100_000 });
  const present = (v: unknown) => v !== undefined;
  return {
    callers,
    inbox: (id) => inboxes.get(id, () => getInbox(db, id), { keep: present }),
    webhooks: () => webhooks.get('all', () => listWebhooks(db)),
    conversationInbox: (conversationId) =>
      conversationInboxes.get(
        conversationId,
        async () =>
          (
            await db
              .select({ inboxId: conversations.inboxId })
              .from(conversations)
              .where(eq(conversations.id, conversationId))
          )[0]?.inboxId,
        { keep: present },
      ),
    clear() {
      callers.clear();
      inboxes.clear();
      webhooks.clear();
      conversationInboxes.clear();
    },
  };
}
