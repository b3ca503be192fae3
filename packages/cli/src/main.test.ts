import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';

function io(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c: Buffer) => (o += c.toString()));
  stderr.on('data', (c: Buffer) => (e += c.toString()));
  return {
    io: {
      stdin: new PassThrough(),
      stdout,
      stderr,
      env: {},
      loadAnalyzer: () => Promise.reject(new Error('these tests never reach the model')),
    },
    out: () => o,
    err: () => e,
  };
}

describe('main', () => {
  it('lists every command with a summary for --help', async () => {
    const t = io();
    assert.equal(await main(['--help'], t.io), 0);
    for (const name of ['analyze', 'eval', 'demo']) assert.match(t.out(), new RegExp(`\\n  ${name}\\s+\\S`));
  });

  it('prints the package version for --version', async () => {
    const t = io();
    assert.equal(await main(['--version'], t.io), 0);
    assert.match(t.out(), /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with the usage on stderr when given no command', async () => {
    const t = io();
    assert.equal(await main([], t.io), 2);
    assert.match(t.err(), /Usage:/);
  });

  it('names an unknown command and exits 2', async () => {
    const t = io();
    assert.equal(await main(['analyse'], t.io), 2);
    assert.match(t.err(), /^attune: unknown command "analyse"/);
  });

  it("shows a command's own help for <command> --help", async () => {
    for (const name of ['analyze', 'eval', 'demo']) {
      const t = io();
      assert.equal(await main([name, '--help'], t.io), 0);
      assert.match(t.out(), new RegExp(`attune ${name}`));
    }
  });

  it('treats attune help <command> as <command> --help', async () => {
    const t = io();
    assert.equal(await main(['help', 'analyze'], t.io), 0);
    assert.match(t.out(), /^Usage:\n {2}attune analyze/);
  });

  it('shows a task’s flags in eval --task <task> --help', async () => {
    const t = io();
    assert.equal(await main(['eval', '--task', 'sentiment', '--help'], t.io), 0);
    assert.match(t.out(), /--scheme NAME/);
    assert.match(t.out(), /binary/);
  });

  it('rejects an unknown flag with a message, the usage and exit code 2', async () => {
    const t = io();
    assert.equal(await main(['analyze', '--colour', 'x'], t.io), 2);
    assert.match(t.err(), /^attune analyze: unknown flag --colour\n\nUsage:/);
  });

  it('rejects eval without --task, an unknown task, a scheme of another task and a bad --limit', async () => {
    const cases: [string[], RegExp][] = [
      [['eval', '--data', 'x.jsonl'], /--task is required/],
      [['eval', '--task', 'mood', '--data', 'x.jsonl'], /unknown task "mood"; tasks: emotion, sentiment/],
      [
        ['eval', '--task', 'emotion', '--data', 'x.jsonl', '--scheme', 'binary'],
        /scheme "binary" scores sentiment, not emotion/,
      ],
      [['eval', '--task', 'emotion', '--data', 'x.jsonl', '--scheme', 'goemotion'], /unknown scheme "goemotion"/],
      [['eval', '--task', 'emotion', '--data', 'x.jsonl', '--limit', '0'], /--limit needs a whole number above 0/],
      [['eval', '--task', 'emotion', '--data', 'x.jsonl'], /no such file: x\.jsonl/],
    ];
    for (const [argv, message] of cases) {
      const t = io();
      assert.equal(await main(argv, t.io), 2, argv.join(' '));
      assert.match(t.err(), message);
    }
  });

  it('refuses to wait on a terminal when analyze is given no input', async () => {
    const t = io();
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    assert.equal(await main(['analyze'], { ...t.io, stdin: tty }), 2);
    assert.match(t.err(), /nothing to analyse/);
  });

  it('names a missing input file and a file whose format it cannot tell', async () => {
    const t = io();
    assert.equal(await main(['analyze', '--file', '/nonexistent/x.jsonl'], t.io), 2);
    assert.match(t.err(), /no such file: \/nonexistent\/x\.jsonl/);
    const u = io();
    assert.equal(await main(['analyze', '--file', 'notes.doc'], u.io), 2);
    assert.match(u.err(), /cannot tell the format of notes\.doc/);
  });
});
