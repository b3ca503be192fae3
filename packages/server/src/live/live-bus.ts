/**
 * Fans committed events out to this process's listeners (sockets, webhooks, assist). Every event arrives
 * through the database's NOTIFY, including this process's own: one path, and on PostgreSQL it is also what
 * carries an event ingested by one process to an agent's socket on another.
 */
import type { Database } from '../db/database.ts';
import { eventChannel, getEvents, invalidationPayload, takeWrittenEvent } from '../store/events-repository.ts';
import type { EventRow } from '../store/rows.ts';

export interface LiveEvent {
  readonly id: number;
  readonly type: string;
  readonly conversationId: string | null;
  readonly teamId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  /** True in the process whose transaction wrote the event: side effects (webhooks, assist) run only there. */
  readonly local: boolean;
}

export type LiveListener = (event: LiveEvent) => void;

export class LiveBus {
  readonly #database: Database;
  readonly #origin: string;
  readonly #listeners = new Set<LiveListener>();
  readonly #invalidationListeners = new Set<() => void>();
  #unlisten: (() => Promise<void>) | undefined;
  // NOTIFYs are queued and drained in order, in batches: this process's own events come from memory, the rest
  // (other processes') with one query per batch rather than one per event.
  #pending: string[] = [];
  #draining: Promise<void> = Promise.resolve();
  #drainScheduled = false;

  constructor(database: Database, origin: string) {
    this.#database = database;
    this.#origin = origin;
  }

  get origin(): string {
    return this.#origin;
  }

  async start(): Promise<void> {
    this.#unlisten = await this.#database.listen(eventChannel, (payload) => {
      this.#pending.push(payload);
      if (this.#drainScheduled) return;
      this.#drainScheduled = true;
      this.#draining = this.#draining
        .then(() => this.#drain())
        .catch((error: unknown) => console.error(`attune: live events not delivered: ${String(error)}`));
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.#unlisten;
    this.#unlisten = undefined;
    // A database already closed has ended its listens; nothing is left to undo.
    await unlisten?.().catch(() => undefined);
    await this.drained();
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called when any process announces that cached users, tokens, sessions, inboxes or webhooks changed. */
  onInvalidate(listener: () => void): () => void {
    this.#invalidationListeners.add(listener);
    return () => this.#invalidationListeners.delete(listener);
  }

  /** Resolves once every event notified so far has been handed to the listeners (for tests and shutdown). */
  async drained(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.#draining;
      await current;
    } while (current !== this.#draining);
  }

  async #drain(): Promise<void> {
    this.#drainScheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    const parsed: { payload: string; id: number; row: EventRow | undefined }[] = [];
    for (const payload of batch) {
      if (payload === invalidationPayload) {
        parsed.push({ payload, id: -1, row: undefined });
        continue;
      }
      const colon = payload.lastIndexOf(':');
      const id = Number(payload.slice(colon + 1));
      if (colon < 0 || !Number.isSafeInteger(id)) continue;
      parsed.push({ payload, id, row: takeWrittenEvent(payload) });
    }
    const missing = parsed.filter((p) => p.id >= 0 && p.row === undefined).map((p) => p.id);
    let fetched = new Map<number, EventRow>();
    if (missing.length > 0) {
      try {
        fetched = new Map((await getEvents(this.#database.db, missing)).map((r) => [r.id, r]));
      } catch (error) {
        console.error(`attune: ${missing.length} live events not delivered: ${String(error)}`);
      }
    }
    for (const p of parsed) {
      if (p.id < 0) {
        for (const listener of this.#invalidationListeners) listener();
        continue;
      }
      const row = p.row ?? fetched.get(p.id);
      if (row !== undefined) this.#deliver(row, p.payload.slice(0, p.payload.lastIndexOf(':')) === this.#origin);
    }
  }

  #deliver(row: EventRow, local: boolean): void {
    const event: LiveEvent = {
      id: row.id,
      type: row.type,
      conversationId: row.conversationId,
      teamId: row.teamId,
      payload: row.payload as Record<string, unknown>,
      createdAt: row.createdAt.toISOString(),
      local,
    };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(`attune: live listener failed on ${event.type}: ${String(error)}`);
      }
    }
  }
}
