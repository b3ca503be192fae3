/**
 * Per-key token bucket (per API token). Kept in process memory: with several processes each enforces the
 * limit on its own share of traffic, which docs/server.md states; a shared limiter would go in PostgreSQL or Redis.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updated: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Takes one request from `key`'s bucket of `perMinute`; returns the seconds to wait when empty, else 0. */
  take(key: string, perMinute: number): number {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: perMinute, updated: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.updated) * perMinute) / 60_000);
    bucket.updated = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
  }
}
