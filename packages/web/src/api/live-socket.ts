/**
 * The live connection to /api/v1/live: subscribes to the conversations on screen, hands every event to listeners,
 * and reconnects with backoff (re-subscribing) when the network drops, so an agent never has to reload to get live
 * assist back.
 */
import type { LiveFrame } from './wire-types.ts';

export type LiveState = 'connecting' | 'open' | 'closed';

/** Reconnect delay: doubling from 0.5 s up to 15 s, with jitter so a server restart is not hit by every tab at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + 0.5 * random()));
}

/** The socket URL for a page at `location`, with an API token when the page uses one. */
export function liveUrl(location: { readonly protocol: string; readonly host: string }, bearer?: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/live${bearer === undefined ? '' : `?token=${encodeURIComponent(bearer)}`}`;
}

type Listener = (frame: LiveFrame) => void;
type StateListener = (state: LiveState) => void;

export class LiveSocket {
  readonly #url: string;
  readonly #subscriptions = new Map<string, number>();
  readonly #listeners = new Set<Listener>();
  readonly #stateListeners = new Set<StateListener>();
  #socket: WebSocket | undefined;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ping: ReturnType<typeof setInterval> | undefined;
  #stopped = false;
  #state: LiveState = 'closed';

  constructor(url: string) {
    this.#url = url;
  }

  get state(): LiveState {
    return this.#state;
  }

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#ping !== undefined) clearInterval(this.#ping);
    this.#socket?.close();
    this.#socket = undefined;
    this.#setState('closed');
  }

  /** Listens to every frame; returns the unsubscribe function. */
  onFrame(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onState(listener: StateListener): () => void {
    this.#stateListeners.add(listener);
    listener(this.#state);
    return () => this.#stateListeners.delete(listener);
  }

  /** Follows a conversation's events while at least one screen asks for it (reference counted). */
  follow(conversationId: string): () => void {
    const n = this.#subscriptions.get(conversationId) ?? 0;
    this.#subscriptions.set(conversationId, n + 1);
    if (n === 0) this.#send({ type: 'subscribe', conversationId });
    return () => {
      const left = (this.#subscriptions.get(conversationId) ?? 1) - 1;
      if (left > 0) this.#subscriptions.set(conversationId, left);
      else {
        this.#subscriptions.delete(conversationId);
        this.#send({ type: 'unsubscribe', conversationId });
      }
    };
  }

  #connect(): void {
    this.#setState('connecting');
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#setState('open');
      for (const id of this.#subscriptions.keys()) this.#send({ type: 'subscribe', conversationId: id });
      // Keeps proxies from closing an idle socket.
      this.#ping = setInterval(() => this.#send({ type: 'ping' }), 25_000);
    };
    socket.onmessage = (event) => {
      let frame: LiveFrame;
      try {
        frame = JSON.parse(String(event.data)) as LiveFrame;
      } catch {
        return;
      }
      if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') return;
      for (const l of this.#listeners) l(frame);
    };
    socket.onclose = () => {
      if (this.#ping !== undefined) clearInterval(this.#ping);
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (this.#stopped) return;
      this.#setState('closed');
      this.#timer = setTimeout(() => this.#connect(), reconnectDelay(this.#attempt++));
    };
  }

  #send(message: Readonly<Record<string, unknown>>): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #setState(state: LiveState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const l of this.#stateListeners) l(state);
  }
}
