import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAttune } from '../testing/spawn-attune.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-coach-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('attune coach', () => {
  it("flags negative language and prints a rewrite, in the draft's language", async () => {
    const run = await runAttune(['coach', '--draft', "I can't refund that."]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\[medium\] Negative language/);
    assert.match(run.stdout, /-> What I can do is/);
  });

  it('prints JSON with findings, their rendered messages and the IHEART steps', async () => {
    const run = await runAttune([
      'coach',
      '--draft',
      'Мы разберёмся.',
      '--customer',
      'Здравствуйте, где мой заказ 55123?',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { lang: string; findings: { code: string; message: string }[] };
    assert.equal(out.lang, 'ru');
    const f = out.findings.find((x) => x.code === 'no_expectation');
    assert.match(f?.message ?? '', /обещание без срока/);
  });

  it('reads a conversation file and reports the next step and escalation risk', async () => {
    const path = join(dir, 'chat.json');
    writeFileSync(
      path,
      JSON.stringify({
        channel: 'chat',
        turns: [
          { role: 'customer', text: 'My parcel arrived damaged.' },
          { role: 'agent', text: 'Could you send a photo?' },
          { role: 'customer', text: 'This is the third time I write!!! I want to speak to a manager.' },
        ],
      }),
    );
    const run = await runAttune(['coach', '--draft', 'Please wait.', '--conversation', path]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Missing apology/);
    assert.match(run.stdout, /Escalation risk: high/);
    assert.match(run.stdout, /Next step:/);
  });

  it('rejects an invalid conversation with the reason and exit code 2', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ turns: [{ role: 'bot', text: 'hi' }] }));
    const run = await runAttune(['coach', '--draft', 'Hello', '--conversation', path]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Unknown role "bot"/);
  });

  it('requires --draft', async () => {
    const run = await runAttune(['coach']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--draft is required/);
  });
});
