/**
 * WebSocket endpoint /api/v1/live. An agent's UI subscribes to conversations it may see (checked on every
 * subscription) and receives their message.analyzed, assist.updated, coach.completed and status events;
 * leads and admins also receive alert.raised for their teams (admins: all) without subscribing.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { resolveCallerCached, type ResolvedCaller } from '../auth/resolve-viewer.ts';
import type { Db } from '../db/database.ts';
import { canSeeConversation, hasScope, type Viewer } from '../domain/roles.ts';
import { getConversation } from '../store/conversations-repository.ts';
import type { TtlCache } from '../store/ttl-cache.ts';
import type { LiveBus, LiveEvent } from './live-bus.ts';

export const livePath = '/api/v1/live';
/** A socket this far behind is too slow to be live; it is closed rather than buffering without bound. */
const maxBufferedBytes = 4 * 1024 * 1024;

interface Client {
  readonly socket: WebSocket;
  readonly viewer: Viewer;
  /** What the socket authenticated with, to re-check it when permissions change. */
  readonly credential: Credential;
  readonly conversations: Set<string>;
}

interface Credential {
  readonly authorization: string | undefined;
  readonly cookie: string | undefined;
}

/** Close codes a client can act on: sign in again, or reconnect to get its new permissions applied. */
export const closeCodes = { signedOut: 4401, permissionsChanged: 4403 } as const;

export class SocketHub {
  readonly #db: Db;
  readonly #callers: TtlCache<string, ResolvedCaller | null>;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  readonly #clients = new Set<Client>();
  readonly #byConversation = new Map<string, Set<Client>>();
  // Who receives alert.raised, indexed so an alert costs O(its recipients), not O(all sockets).
  readonly #admins = new Set<Client>();
  readonly #leadsByTeam = new Map<string, Set<Client>>();
  readonly #unsubscribe: () => void;
  readonly #stopRecheck: () => void;

  constructor(db: Db, bus: LiveBus, callers: TtlCache<string, ResolvedCaller | null>) {
    this.#db = db;
    this.#callers = callers;
    this.#unsubscribe = bus.subscribe((event) => this.#dispatch(event));
    // Users, teams, tokens or sessions changed somewhere: an open socket must not keep permissions it lost.
    this.#stopRecheck = bus.onInvalidate(() => void this.#recheck().catch(() => undefined));
  }

  /**
   * Re-resolves every open socket's credential. A socket whose credential no longer works is closed as signed
   * out; one whose role, teams or scopes changed is closed so that it reconnects and every subscription is
   * authorised again under the new permissions.
   */
  async #recheck(): Promise<void> {
    for (const client of [...this.#clients]) {
      const caller = await resolveCallerCached(this.#db, this.#callers, client.credential);
      if (caller === null || !hasScope(caller.viewer, 'read')) client.socket.close(closeCodes.signedOut, 'signed out');
      else if (permissionKey(caller.viewer) !== permissionKey(client.viewer)) {
        client.socket.close(closeCodes.permissionsChanged, 'permissions changed');
      }
    }
  }

  get connections(): number {
    return this.#clients.size;
  }

  /** Hook for the HTTP server's 'upgrade' event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== livePath) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const queryToken = url.searchParams.get('token');
    const credential: Credential = {
      authorization: request.headers.authorization ?? (queryToken === null ? undefined : `Bearer ${queryToken}`),
      cookie: request.headers.cookie,
    };
    void this.#authenticate(request, credential).then(
      (viewer) => {
        if (viewer === null) {
          socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
          return;
        }
        this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, viewer, credential));
      },
      () => socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n'),
    );
  }

  async #authenticate(request: IncomingMessage, credential: Credential): Promise<Viewer | null> {
    const caller = await resolveCallerCached(this.#db, this.#callers, credential);
    if (caller === null || !hasScope(caller.viewer, 'read')) return null;
    if (caller.viewer.via === 'session') {
      // Cookies ride along on cross-site socket requests; refuse pages from other origins (CSWSH).
      const origin = request.headers.origin;
      if (origin !== undefined && new URL(origin).host !== request.headers.host) return null;
    }
    return caller.viewer;
  }

  #accept(socket: WebSocket, viewer: Viewer, credential: Credential): void {
    const client: Client = { socket, viewer, credential, conversations: new Set() };
    this.#clients.add(client);
    if (viewer.role === 'admin') this.#admins.add(client);
    if (viewer.role === 'lead') {
      for (const team of viewer.teamIds) {
        let set = this.#leadsByTeam.get(team);
        if (set === undefined) this.#leadsByTeam.set(team, (set = new Set()));
        set.add(client);
      }
    }
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.#send(client, { type: 'error', code: 'invalid_request' });
      void this.#onMessage(client, data.toString()).catch(() =>
        this.#send(client, { type: 'error', code: 'internal' }),
      );
    });
    socket.on('close', () => this.#drop(client));
    socket.on('error', () => this.#drop(client));
    this.#send(client, { type: 'hello', userId: viewer.userId, role: viewer.role });
  }

  async #onMessage(client: Client, raw: string): Promise<void> {
    let message: { type?: unknown; conversationId?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return this.#send(client, { type: 'error', code: 'malformed_json' });
    }
    if (message === null || typeof message !== 'object')
      return this.#send(client, { type: 'error', code: 'invalid_request' });
    if (message.type === 'ping') return this.#send(client, { type: 'pong' });
    const id = message.conversationId;
    if (
      (message.type !== 'subscribe' && message.type !== 'unsubscribe') ||
      typeof id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(id)
    ) {
      return this.#send(client, { type: 'error', code: 'invalid_request' });
    }
    if (message.type === 'unsubscribe') {
      client.conversations.delete(id);
      this.#byConversation.get(id)?.delete(client);
      return this.#send(client, { type: 'unsubscribed', conversationId: id });
    }
    const conversation = await getConversation(this.#db, id);
    if (conversation === undefined || !canSeeConversation(client.viewer, conversation)) {
      return this.#send(client, { type: 'error', code: 'not_found', conversationId: id });
    }
    client.conversations.add(id);
    let set = this.#byConversation.get(id);
    if (set === undefined) this.#byConversation.set(id, (set = new Set()));
    set.add(client);
    this.#send(client, { type: 'subscribed', conversationId: id });
  }

  #dispatch(event: LiveEvent): void {
    const frame = JSON.stringify({
      type: event.type,
      id: event.id,
      conversationId: event.conversationId,
      createdAt: event.createdAt,
      payload: event.payload,
    });
    const subscribers = event.conversationId === null ? undefined : this.#byConversation.get(event.conversationId);
    if (event.type !== 'alert.raised') {
      for (const c of subscribers ?? []) this.#sendRaw(c, frame);
      return;
    }
    const targets = new Set<Client>(subscribers);
    for (const c of this.#admins) targets.add(c);
    if (event.teamId !== null) for (const c of this.#leadsByTeam.get(event.teamId) ?? []) targets.add(c);
    for (const c of targets) this.#sendRaw(c, frame);
  }

  #send(client: Client, message: Record<string, unknown>): void {
    this.#sendRaw(client, JSON.stringify(message));
  }

  #sendRaw(client: Client, frame: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > maxBufferedBytes) {
      client.socket.close(1013, 'too slow');
      return;
    }
    client.socket.send(frame);
  }

  #drop(client: Client): void {
    this.#clients.delete(client);
    this.#admins.delete(client);
    for (const team of client.viewer.teamIds) this.#leadsByTeam.get(team)?.delete(client);
    for (const id of client.conversations) this.#byConversation.get(id)?.delete(client);
  }

  close(): void {
    this.#unsubscribe();
    this.#stopRecheck();
    for (const c of this.#clients) c.socket.terminate();
    this.#wss.close();
  }
}

function permissionKey(viewer: Viewer): string {
  return JSON.stringify([viewer.userId, viewer.role, [...viewer.teamIds].sort(), [...(viewer.scopes ?? [])].sort()]);
}
