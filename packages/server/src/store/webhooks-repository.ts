import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { webhookDeliveries, webhooks } from '../db/schema.ts';
import { audit, type Actor } from './audit-repository.ts';
import type { WebhookDeliveryRow, WebhookRow } from './rows.ts';

export async function createWebhook(
  db: Db,
  actor: Actor,
  input: { url: string; secret: string; events: readonly string[]; teamId: string | null },
): Promise<WebhookRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ url: input.url, secret: input.secret, events: [...input.events], teamId: input.teamId })
      .returning();
    if (row === undefined) throw new Error('createWebhook: insert returned no row');
    await audit(tx, actor, 'webhook.created', 'webhook', row.id, { url: input.url, events: input.events });
    return row;
  });
}

export async function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.select().from(webhooks).orderBy(asc(webhooks.createdAt));
}

export async function getWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row;
}

export async function deleteWebhook(db: Db, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (rows.length > 0) await audit(tx, actor, 'webhook.deleted', 'webhook', id);
    return rows.length > 0;
  });
}

/** Queues one delivery per (webhook, event); a second enqueue of the same event is ignored. */
export async function enqueueDelivery(
  db: Db,
  input: { webhookId: string; eventId: string; eventType: string; payload: unknown },
): Promise<void> {
  await db
    .insert(webhookDeliveries)
    .values({ ...input, payload: input.payload as object })
    .onConflictDoNothing({ target: [webhookDeliveries.webhookId, webhookDeliveries.eventId] });
}

/**
 * Claims due deliveries: rows are locked with SKIP LOCKED and leased for a minute, so several processes
 * polling one PostgreSQL never send the same delivery at the same time.
 */
export async function dueDeliveries(db: Db, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + 60_000) })
      .where(inArray(webhookDeliveries.id, ids));
    return tx
      .select({ delivery: webhookDeliveries, webhook: webhooks })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(inArray(webhookDeliveries.id, ids));
  });
}

export async function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    nextAttemptAt: Date;
    statusCode: number | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      nextAttemptAt: outcome.nextAttemptAt,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      deliveredAt: outcome.status === 'delivered' ? new Date() : null,
    })
    .where(eq(webhookDeliveries.id, id));
}

export async function listDeliveries(db: Db, webhookId: string, limit = 100): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}
