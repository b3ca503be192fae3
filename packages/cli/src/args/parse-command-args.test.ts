import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { booleanFlag, parseCommandArgs, positiveIntegerFlag, stringFlag } from './parse-command-args.ts';

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  cues: { type: 'boolean', default: true },
} as const;

describe('parseCommandArgs', () => {
  it('returns flags and positionals', () => {
    const r = parseCommandArgs(['-f', 'a.jsonl', 'hello'], OPTIONS, { allowPositionals: true });
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    assert.equal(stringFlag(r.values, 'file'), 'a.jsonl');
    assert.equal(booleanFlag(r.values, 'cues'), true);
    assert.deepEqual(r.positionals, ['hello']);
  });

  it('turns a boolean flag off with --no-<flag>', () => {
    const r = parseCommandArgs(['--no-cues'], OPTIONS);
    assert.ok(r.kind === 'ok' && booleanFlag(r.values, 'cues', true) === false);
  });

  it('names an unknown flag in a short message', () => {
    assert.deepEqual(parseCommandArgs(['--fiel', 'x'], OPTIONS), { kind: 'error', message: 'unknown flag --fiel' });
  });

  it('says when a flag is missing its value', () => {
    const r = parseCommandArgs(['--file'], OPTIONS);
    assert.equal(r.kind, 'error');
    assert.match(r.kind === 'error' ? r.message : '', /--file <value>' argument missing/);
  });

  it('refuses positionals unless the command takes them', () => {
    assert.deepEqual(parseCommandArgs(['stray'], OPTIONS), { kind: 'error', message: 'unexpected argument "stray"' });
  });

  it('recognises --help and -h anywhere among the arguments', () => {
    assert.deepEqual(parseCommandArgs(['--file', 'x', '-h'], OPTIONS), { kind: 'help' });
    assert.deepEqual(parseCommandArgs(['--help'], OPTIONS), { kind: 'help' });
  });

  it('keeps text after -- as positionals even if it looks like a flag', () => {
    const r = parseCommandArgs(['--', '--help'], OPTIONS, { allowPositionals: true });
    assert.ok(r.kind === 'ok');
    assert.deepEqual(r.kind === 'ok' ? r.positionals : [], ['--help']);
  });
});

describe('positiveIntegerFlag', () => {
  it('accepts whole numbers above 0 and rejects anything else with the flag name', () => {
    assert.deepEqual(positiveIntegerFlag({ limit: '25' }, 'limit'), { ok: true, value: 25 });
    assert.deepEqual(positiveIntegerFlag({}, 'limit'), { ok: true, value: undefined });
    for (const bad of ['0', '-3', '1.5', 'ten', '']) {
      const r = positiveIntegerFlag({ limit: bad }, 'limit');
      assert.ok(!r.ok && r.message.includes('--limit'), `accepted "${bad}"`);
    }
  });
});
