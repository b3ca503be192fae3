/**
 * Fans committed events out to this process's listeners (sockets, webhooks, assist). Every event arrives
 * through the database's NOTIFY, including this process's own: one path, and on PostgreSQL it is also what
 * carries an event ingested by one process to an agent's socket on another.
 */
import type { Database } from '../db/database.ts';
import { eventChannel, getEvent } from '../store/events-repository.ts';

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
  #unlisten: (() => Promise<void>) | undefined;
  // NOTIFYs can arrive faster than rows are fetched; a chain keeps delivery in commit order.
  #queue: Promise<void> = Promise.resolve();

  constructor(database: Database, origin: string) {
    this.#database = database;
    this.#origin = origin;
  }

  get origin(): string {
    return this.#origin;
  }

  async start(): Promise<void> {
    this.#unlisten = await this.#database.listen(eventChannel, (payload) => {
      this.#queue = this.#queue
        .then(() => this.#deliver(payload))
        .catch((error: unknown) => {
          console.error(`attune: live event ${payload} not delivered: ${String(error)}`);
        });
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.#unlisten;
    this.#unlisten = undefined;
    // A database already closed has ended its listens; nothing is left to undo.
    await unlisten?.().catch(() => undefined);
    await this.#queue;
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once every event notified so far has been handed to the listeners (for tests and shutdown). */
  drained(): Promise<void> {
    return this.#queue;
  }

  async #deliver(payload: string): Promise<void> {
    const colon = payload.lastIndexOf(':');
    const id = Number(payload.slice(colon + 1));
    if (colon < 0 || !Number.isSafeInteger(id)) return;
    const row = await getEvent(this.#database.db, id);
    if (row === undefined) return;
    const event: LiveEvent = {
      id: row.id,
      type: row.type,
      conversationId: row.conversationId,
      teamId: row.teamId,
      payload: row.payload as Record<string, unknown>,
      createdAt: row.createdAt.toISOString(),
      local: payload.slice(0, colon) === this.#origin,
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
