/** Resolves who is calling from an API token (Authorization: Bearer) or a session cookie. */
import type { Db } from '../db/database.ts';
import { isRole, scopes as allScopes, type Scope, type Viewer } from '../domain/roles.ts';
import { findApiToken, findSession, sha256 } from '../store/credentials-repository.ts';
import type { TtlCache } from '../store/ttl-cache.ts';
import { getUser, teamIdsOf } from '../store/users-repository.ts';

export const sessionCookie = 'attune_session';
export const csrfCookie = 'attune_csrf';

export interface ResolvedCaller {
  readonly viewer: Viewer;
  /** For a session: the CSRF token unsafe requests must echo in X-CSRF-Token. */
  readonly csrfToken?: string;
  /** For a token: its per-minute rate limit. */
  readonly ratePerMinute?: number;
  /** For a session: when it ends (a cached caller must not outlive it). */
  readonly expiresAt?: Date;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export async function resolveCaller(
  db: Db,
  headers: { readonly authorization?: string | undefined; readonly cookie?: string | undefined },
): Promise<ResolvedCaller | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const token = await findApiToken(db, bearer);
    if (token === undefined) return null;
    const user = await getUser(db, token.userId);
    if (user === undefined || user.disabledAt !== null || !isRole(user.role)) return null;
    const tokenScopes = (Array.isArray(token.scopes) ? token.scopes : []).filter((s): s is Scope =>
      (allScopes as readonly unknown[]).includes(s),
    );
    return {
      viewer: {
        userId: user.id,
        role: user.role,
        teamIds: await teamIdsOf(db, user.id),
        scopes: tokenScopes,
        via: 'token',
        tokenId: token.id,
      },
      ratePerMinute: token.ratePerMinute,
    };
  }
  const sessionToken = readCookie(headers.cookie, sessionCookie);
  if (sessionToken === undefined) return null;
  const session = await findSession(db, sessionToken);
  if (session === undefined) return null;
  const user = await getUser(db, session.userId);
  if (user === undefined || user.disabledAt !== null || !isRole(user.role)) return null;
  return {
    viewer: { userId: user.id, role: user.role, teamIds: await teamIdsOf(db, user.id), via: 'session' },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/**
 * resolveCaller through a cache keyed by a hash of the credential: identifying the caller took three queries per
 * request. Unknown credentials are never cached; the cache is cleared whenever users, teams, tokens or sessions change.
 */
export function resolveCallerCached(
  db: Db,
  cache: TtlCache<string, ResolvedCaller | null>,
  headers: { readonly authorization?: string | undefined; readonly cookie?: string | undefined },
): Promise<ResolvedCaller | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  const credential = bearer !== undefined ? `t:${bearer}` : `s:${readCookie(headers.cookie, sessionCookie) ?? ''}`;
  if (credential === 's:') return Promise.resolve(null);
  return cache.get(sha256(credential), () => resolveCaller(db, headers), {
    keep: (caller) => caller !== null,
    expiresAt: (caller) => caller?.expiresAt?.getTime(),
  });
}
