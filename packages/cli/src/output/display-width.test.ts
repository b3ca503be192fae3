import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.ts';

describe('displayWidth', () => {
  it('counts Latin and Cyrillic letters as one column each', () => {
    assert.equal(displayWidth('refund'), 6);
    assert.equal(displayWidth('возврат'), 7);
  });

  it('counts Chinese characters, full-width punctuation and emoji as two columns', () => {
    assert.equal(displayWidth('退款'), 4);
    assert.equal(displayWidth('！'), 2);
    assert.equal(displayWidth('😡'), 2);
    assert.equal(displayWidth('👍🏽'), 2);
    assert.equal(displayWidth('❤️'), 2);
  });

  it('gives combining marks no width of their own', () => {
    assert.equal(displayWidth('e\u0301'), 1);
  });
});

describe('truncateToWidth and padToWidth', () => {
  it('cuts at a column limit with an ellipsis without splitting a wide character', () => {
    assert.equal(truncateToWidth('hello world', 6), 'hello…');
    assert.equal(truncateToWidth('我要退款谢谢', 6), '我要…');
    assert.equal(truncateToWidth('short', 10), 'short');
  });

  it('pads wide text to the same column as narrow text', () => {
    assert.equal(displayWidth(padToWidth('退款', 8)), 8);
    assert.equal(padToWidth('abc', 5), 'abc  ');
  });
});
