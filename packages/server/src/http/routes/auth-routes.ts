import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { decoyHash, verifyPassword } from '../../auth/password-hash.ts';
import { csrfCookie, readCookie, sessionCookie } from '../../auth/resolve-viewer.ts';
import { createSession, deleteSession, sessionLifetimeMs } from '../../store/credentials-repository.ts';
import { publicUser } from '../../store/rows.ts';
import { findUserByEmail, getUser, listTeams } from '../../store/users-repository.ts';
import { ApiError } from '../api-error.ts';
import { requireViewer, type AppEnv } from '../guards.ts';
import { spec } from '../route-spec.ts';
import { Login } from '../schemas.ts';
import type { ServerContext } from '../server-context.ts';

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    spec('post', '/api/v1/auth/login', { summary: 'Sign in with email and password', tag: 'auth', body: Login }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await findUserByEmail(ctx.db, email);
      // Hash even for unknown users so response time does not reveal which emails exist.
      const valid = await verifyPassword(password, user?.passwordHash ?? decoyHash);
      if (user === undefined || !valid || user.disabledAt !== null) throw new ApiError(401, 'invalid_credentials');
      const session = await createSession(ctx.db, user.id);
      const cookie = {
        path: '/',
        secure: ctx.options.secureCookies,
        sameSite: 'Lax',
        maxAge: sessionLifetimeMs / 1000,
      } as const;
      setCookie(c, sessionCookie, session.token, { ...cookie, httpOnly: true });
      setCookie(c, csrfCookie, session.csrfToken, { ...cookie, httpOnly: false });
      return c.json({ user: publicUser(user), csrfToken: session.csrfToken }, 200);
    },
  );

  app.openapi(spec('post', '/api/v1/auth/logout', { summary: 'End this session', tag: 'auth' }), async (c) => {
    requireViewer(c, 'read');
    const token = readCookie(c.req.header('cookie'), sessionCookie);
    if (token !== undefined) await deleteSession(ctx.db, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    deleteCookie(c, csrfCookie, { path: '/' });
    return c.json({ ok: true }, 200);
  });

  app.openapi(spec('get', '/api/v1/auth/me', { summary: 'Who am I: user, role, teams', tag: 'auth' }), async (c) => {
    const viewer = requireViewer(c, 'read');
    const user = await getUser(ctx.db, viewer.userId);
    if (user === undefined) throw new ApiError(401, 'unauthenticated');
    return c.json(
      {
        user: publicUser(user),
        teams: await listTeams(ctx.db, viewer.teamIds),
        scopes: viewer.scopes === undefined ? null : [...viewer.scopes],
      },
      200,
    );
  });
}
