/** Checks every route makes: who is calling, what role and token scope they hold, which conversations they see. */
import type { Context } from 'hono';
import type { ResolvedCaller } from '../auth/resolve-viewer.ts';
import { canSeeConversation, hasScope, type Role, type Scope, type Viewer } from '../domain/roles.ts';
import { getConversation } from '../store/conversations-repository.ts';
import type { ConversationRow } from '../store/rows.ts';
import { ApiError } from './api-error.ts';
import type { ServerContext } from './server-context.ts';

export type AppEnv = { Variables: { caller: ResolvedCaller | null } };

/** The signed-in viewer, holding one of `roles` and (for tokens) `scope`; otherwise a 401/403. */
export function requireViewer(c: Context<AppEnv>, scope: Scope, roles?: readonly Role[]): Viewer {
  const caller = c.get('caller');
  if (caller === null) throw new ApiError(401, 'unauthenticated');
  const viewer = caller.viewer;
  if (!hasScope(viewer, scope)) throw new ApiError(403, 'missing_scope', { scope });
  if (roles !== undefined && !roles.includes(viewer.role)) throw new ApiError(403, 'forbidden', { roles });
  return viewer;
}

/** A conversation the viewer may see. Others answer 404, so their existence is not revealed. */
export async function visibleConversation(ctx: ServerContext, viewer: Viewer, id: string): Promise<ConversationRow> {
  const conversation = await getConversation(ctx.db, id);
  if (conversation === undefined || !canSeeConversation(viewer, conversation)) {
    throw new ApiError(404, 'not_found', { entity: 'conversation', id });
  }
  return conversation;
}

/** Whether a lead/agent may act on a team (admins on every team). */
export function requireTeam(viewer: Viewer, teamId: string | null): void {
  if (viewer.role === 'admin') return;
  if (teamId === null || !viewer.teamIds.includes(teamId)) throw new ApiError(403, 'forbidden', { teamId });
}
