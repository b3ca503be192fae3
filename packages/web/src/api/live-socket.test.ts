import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { liveUrl, reconnectDelay } from './live-socket.ts';

describe('reconnectDelay', () => {
  it('doubles from half a second and stops growing at fifteen seconds', () => {
    const mid = () => 0.5;
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 10].map((a) => reconnectDelay(a, mid)),
      [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000],
    );
  });

  it('spreads reconnects by up to a quarter either way', () => {
    assert.equal(
      reconnectDelay(2, () => 0),
      1500,
    );
    assert.equal(
      reconnectDelay(2, () => 1),
      2500,
    );
  });
});

describe('liveUrl', () => {
  it('uses wss on an https page and carries a token for embedded pages', () => {
    assert.equal(liveUrl({ protocol: 'https:', host: 'attune.example:8443' }), 'wss://attune.example:8443/api/v1/live');
    assert.equal(
      liveUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, 'a b'),
      'ws://127.0.0.1:3000/api/v1/live?token=a%20b',
    );
  });
});
