/** Sessions and API tokens. Only SHA-256 hashes of their secrets are stored (the secrets are 256-bit random). */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiTokens, sessions } from '../db/schema.ts';
import type { Scope } from '../domain/roles.ts';
import { audit, type Actor } from './audit-repository.ts';
import type { ApiTokenRow } from './rows.ts';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export async function createSession(
  db: Db,
  userId: string,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = secret('ats');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await db.insert(sessions).values({ userId, tokenHash: sha256(token), csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function pruneSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { userId: string; name: string; scopes: readonly Scope[]; ratePerMinute?: number },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = secret('att');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: input.userId,
        name: input.name,
        tokenHash: sha256(token),
        scopes: [...input.scopes],
        ratePerMinute: input.ratePerMinute ?? 600,
      })
      .returning();
    if (row === undefined) throw new Error('createApiToken: insert returned no row');
    await audit(tx, actor, 'token.created', 'api_token', row.id, { name: input.name, scopes: input.scopes });
    return { token, row };
  });
}

export async function findApiToken(db: Db, token: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  return row;
}

export async function listApiTokens(db: Db, userId?: string): Promise<ApiTokenRow[]> {
  const q = db.select().from(apiTokens);
  return userId === undefined ? q : q.where(eq(apiTokens.userId, userId));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (rows.length > 0) await audit(tx, actor, 'token.revoked', 'api_token', id);
    return rows.length > 0;
  });
}

/** The public face of a token row: never the hash. */
export function publicToken(row: ApiTokenRow) {
  const { tokenHash: _hidden, ...rest } = row;
  return rest;
}
