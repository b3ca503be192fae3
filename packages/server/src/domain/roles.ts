/** What a signed-in person may do. An agent works conversations, a lead oversees teams, an admin runs the install. */
export const roles = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * Who is asking, resolved once per request from a session or token.
 * `teamIds` are the teams the user belongs to (an agent's own team, a lead's teams).
 */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  readonly teamIds: readonly string[];
  /** Present when the request came with an API token: the scopes it grants. */
  readonly scopes?: readonly Scope[];
  readonly via: 'session' | 'token' | 'system';
  readonly tokenId?: string;
}

/** API token scopes. A token never grants more than its owner's role. */
export const scopes = ['ingest', 'read', 'coach', 'feedback', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export function hasScope(viewer: Viewer, scope: Scope): boolean {
  return viewer.scopes === undefined || viewer.scopes.includes(scope);
}

/** Whether a viewer may see a conversation: admin all; agent own or team; lead their teams. */
export function canSeeConversation(
  viewer: Viewer,
  conversation: { readonly teamId: string | null; readonly assigneeId: string | null },
): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role === 'agent' && conversation.assigneeId === viewer.userId) return true;
  return conversation.teamId !== null && viewer.teamIds.includes(conversation.teamId);
}
