/** @jsxRuntime automatic */
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { LiveSocket } from '../api/live-socket.ts';
import type { Inbox, Me } from '../api/wire-types.ts';

/** Who is signed in and how to reach the server, for every screen below the login. */
export interface Session {
  readonly api: ApiClient;
  readonly me: Me;
  readonly live: LiveSocket;
  /** Display names of the users this person may see (leads: their teams), by id. */
  readonly names: ReadonlyMap<string, string>;
  /** Inboxes this person may see, by id: a conversation's channel comes from its inbox. */
  readonly inboxes: ReadonlyMap<string, Inbox>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { readonly value: Session; readonly children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession: called outside a SessionProvider (the page rendered before sign-in)');
  return s;
}
