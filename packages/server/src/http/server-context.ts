import type { Analyzer } from '@attune/engine';
import type { Database, Db } from '../db/database.ts';
import type { LiveBus } from '../live/live-bus.ts';
import type { ConversationIntelligence } from '../services/conversation-intelligence.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { ServerCaches } from './server-caches.ts';

/** Everything a request handler may use, built once at start-up and injected (tests build their own). */
export interface ServerContext {
  readonly database: Database;
  readonly db: Db;
  /** Identifies this process in the event outbox (see LiveBus). */
  readonly origin: string;
  readonly analyzer: Analyzer;
  /** Null until the engine's conversation intelligence is wired in; routes needing it answer 503. */
  readonly intelligence: ConversationIntelligence | null;
  readonly bus: LiveBus;
  readonly limiter: RateLimiter;
  readonly caches: ServerCaches;
  readonly options: {
    /** Set the Secure flag on cookies (behind HTTPS). */
    readonly secureCookies: boolean;
    readonly maxBodyBytes: number;
    readonly maxImportBytes: number;
  };
}
