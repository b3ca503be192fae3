import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { colourEnabled, createPalette } from './palette.ts';

const tty = Object.assign(new PassThrough(), { isTTY: true });
const pipe = new PassThrough();

describe('colourEnabled', () => {
  it('colours a terminal and not a pipe', () => {
    assert.equal(colourEnabled(tty, {}), true);
    assert.equal(colourEnabled(pipe, {}), false);
  });

  it('turns colour off for NO_COLOR and TERM=dumb, and on for FORCE_COLOR', () => {
    assert.equal(colourEnabled(tty, { NO_COLOR: '1' }), false);
    assert.equal(colourEnabled(tty, { NO_COLOR: '' }), true);
    assert.equal(colourEnabled(tty, { TERM: 'dumb' }), false);
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(colourEnabled(tty, { FORCE_COLOR: '0' }), true);
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '0' }), false);
  });
});

describe('createPalette', () => {
  it('wraps text in ANSI codes only when enabled', () => {
    assert.equal(createPalette(true).red('x'), '\x1b[31mx\x1b[39m');
    assert.equal(createPalette(false).red('x'), 'x');
  });
});
