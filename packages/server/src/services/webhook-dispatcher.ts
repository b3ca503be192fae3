/**
 * Outbound webhooks: each event a matching webhook wants is queued durably (one delivery per webhook and
 * event), POSTed signed with HMAC-SHA256, and retried with exponential backoff; every attempt is logged on the
 * delivery row. The `Attune-Signature` header is `t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">`.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { ServerCaches } from '../http/server-caches.ts';
import type { LiveBus, LiveEvent } from '../live/live-bus.ts';
import { dueDeliveries, enqueueDelivery, recordAttempt } from '../store/webhooks-repository.ts';

export const maxAttempts = 8;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** 2 s, 4 s, 8 s ... capped at 10 minutes, with jitter so a recovering receiver is not hit in lockstep. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(600_000, 2000 * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface WebhookDispatcher {
  /** Runs due deliveries now (the timer does this too). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function startWebhookDispatcher(deps: {
  readonly db: Db;
  readonly bus: LiveBus;
  readonly caches: Pick<ServerCaches, 'webhooks'>;
  readonly fetch?: typeof fetch;
  readonly pollMs?: number;
  readonly now?: () => number;
}): WebhookDispatcher {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  let flushing: Promise<void> | null = null;
  let stopped = false;

  /** Queues the event for every webhook that wants it; true when at least one delivery was queued. */
  async function enqueue(event: LiveEvent): Promise<boolean> {
    const hooks = await deps.caches.webhooks();
    let queued = false;
    for (const hook of hooks) {
      const events = Array.isArray(hook.events) ? (hook.events as unknown[]) : [];
      if (!hook.active || !(events.includes('*') || events.includes(event.type))) continue;
      if (hook.teamId !== null && hook.teamId !== event.teamId) continue;
      await enqueueDelivery(deps.db, {
        webhookId: hook.id,
        eventId: String(event.id),
        eventType: event.type,
        payload: {
          id: String(event.id),
          type: event.type,
          createdAt: event.createdAt,
          conversationId: event.conversationId,
          data: event.payload,
        },
      });
      queued = true;
    }
    return queued;
  }

  async function attemptAll(): Promise<void> {
    const due = await dueDeliveries(deps.db, new Date(now()), 50);
    await Promise.all(
      due.map(async ({ delivery, webhook }) => {
        const body = JSON.stringify(delivery.payload);
        const timestamp = Math.floor(now() / 1000);
        const attempts = delivery.attempts + 1;
        let statusCode: number | null = null;
        let error: string | null = null;
        try {
          const response = await doFetch(webhook.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'attune-signature': signWebhook(webhook.secret, timestamp, body),
              'attune-event': delivery.eventType,
              'attune-delivery': delivery.id,
            },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(5000),
          });
          statusCode = response.status;
          await response.body?.cancel();
        } catch (e) {
          error = e instanceof Error ? e.message.slice(0, 500) : 'request failed';
        }
        const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
        await recordAttempt(deps.db, delivery.id, {
          status: delivered ? 'delivered' : attempts >= maxAttempts ? 'failed' : 'pending',
          attempts,
          nextAttemptAt: new Date(now() + backoffMs(attempts)),
          statusCode,
          error: delivered ? null : (error ?? `HTTP ${statusCode}`),
        });
      }),
    );
  }

  function flush(): Promise<void> {
    flushing ??= attemptAll().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  const unsubscribe = deps.bus.subscribe((event) => {
    // Only the process whose transaction wrote the event queues it, so several processes do not multiply it.
    if (!event.local) return;
    void enqueue(event)
      .then((queued) => (queued ? flush() : undefined))
      .catch((error: unknown) => console.error(`attune: webhook enqueue failed: ${String(error)}`));
  });
  const timer = setInterval(() => {
    if (stopped) return;
    // With no webhooks there is nothing to deliver (deliveries go with their webhook): no polling query.
    void deps.caches
      .webhooks()
      .then((hooks) => (hooks.length > 0 ? flush() : undefined))
      .catch((error: unknown) => console.error(`attune: webhook flush failed: ${String(error)}`));
  }, deps.pollMs ?? 1000);
  timer.unref();

  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await flushing;
    },
  };
}
