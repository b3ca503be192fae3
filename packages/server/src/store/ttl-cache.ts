/**
 * A small in-process read cache for rows that are read on every request but change rarely (callers, inboxes,
 * webhooks). Entries expire after a time-to-live (a safety net); the real invalidation is `clear()`, called when
 * this or another process announces a change (see LiveBus.onInvalidate). Concurrent misses share one load.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { readonly value: Promise<V>; readonly expires: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { readonly ttlMs: number; readonly maxEntries?: number; readonly now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The cached value for `key`, loading it on a miss. `keep` decides whether a loaded value is cached at all
   * (e.g. not "no such token", so guessing cannot fill memory); `expiresAt` may shorten its life (a session's end).
   */
  get(
    key: K,
    load: () => Promise<V>,
    policy: { readonly keep?: (value: V) => boolean; readonly expiresAt?: (value: V) => number | undefined } = {},
  ): Promise<V> {
    const now = this.#now();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.expires > now) return hit.value;
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    const value = load();
    const entry = { value, expires: now + this.#ttlMs };
    this.#entries.set(key, entry);
    value.then(
      (v) => {
        if (this.#entries.get(key) !== entry) return;
        const ends = policy.expiresAt?.(v);
        if (policy.keep !== undefined && !policy.keep(v)) this.#entries.delete(key);
        else if (ends !== undefined && ends < entry.expires) this.#entries.set(key, { value, expires: ends });
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
