import type { Db } from '../db/database.ts';
import { auditLog } from '../db/schema.ts';
import type { Viewer } from '../domain/roles.ts';
import { desc, eq, and } from 'drizzle-orm';

/** Who did something: a viewer, or the system itself (ingest, schedulers). */
export type Actor = Viewer | { readonly via: 'system' };

/** Appends one row to the audit log: who changed what. Call inside the changing transaction. */
export async function audit(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | null,
  details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const isViewer = 'userId' in actor;
  await db.insert(auditLog).values({
    actorId: isViewer ? actor.userId : null,
    actorKind: actor.via === 'token' ? 'token' : isViewer ? 'user' : 'system',
    action,
    entity,
    entityId,
    details: isViewer && actor.tokenId !== undefined ? { ...details, tokenId: actor.tokenId } : details,
  });
}

export async function listAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number } = {}) {
  const where = [];
  if (filter.entity !== undefined) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId !== undefined) where.push(eq(auditLog.entityId, filter.entityId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 100);
}
