import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('loads a key once while fresh and again after it expires or the cache is cleared', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<string, number>({ ttlMs: 100, now: () => now });
    const load = () => Promise.resolve(++loads);
    assert.equal(await cache.get('a', load), 1);
    assert.equal(await cache.get('a', load), 1);
    now = 101;
    assert.equal(await cache.get('a', load), 2);
    cache.clear();
    assert.equal(await cache.get('a', load), 3);
  });

  it('shares one load between concurrent misses', async () => {
    let loads = 0;
    const cache = new TtlCache<string, number>({ ttlMs: 1000 });
    const load = () => new Promise<number>((r) => setTimeout(() => r(++loads), 5));
    const [x, y] = await Promise.all([cache.get('a', load), cache.get('a', load)]);
    assert.deepEqual([x, y, loads], [1, 1, 1]);
  });

  it('does not keep values the policy rejects, nor failed loads', async () => {
    const cache = new TtlCache<string, number | null>({ ttlMs: 1000 });
    await cache.get('missing', () => Promise.resolve(null), { keep: (v) => v !== null });
    assert.equal(cache.size, 0);
    await assert.rejects(cache.get('bad', () => Promise.reject(new Error('down'))));
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.size, 0);
  });

  it('ends an entry early when its value says so (a session that expires sooner)', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<string, number>({ ttlMs: 1000, now: () => now });
    const load = () => Promise.resolve(++loads);
    await cache.get('s', load, { expiresAt: () => 50 });
    now = 60;
    assert.equal(await cache.get('s', load, { expiresAt: () => 500 }), 2);
  });
});
