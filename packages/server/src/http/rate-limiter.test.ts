import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows a full minute of requests at once, then asks the caller to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 60; i++) assert.equal(limiter.take('t', 60), 0);
    assert.equal(limiter.take('t', 60), 1);
    now += 1000;
    assert.equal(limiter.take('t', 60), 0);
  });

  it('keeps each token in its own bucket', () => {
    const limiter = new RateLimiter(() => 0);
    assert.equal(limiter.take('a', 1), 0);
    assert.ok(limiter.take('a', 1) > 0);
    assert.equal(limiter.take('b', 1), 0);
  });
});
