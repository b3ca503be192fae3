import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { debounce } from './debounce.ts';

describe('debounce', () => {
  it('runs once, with the last text, after typing pauses', async () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 30);
    d('I');
    d('I c');
    d("I can't");
    assert.deepEqual(calls, []);
    await sleep(80);
    assert.deepEqual(calls, ["I can't"]);
  });

  it('keeps waiting while the agent keeps typing', async () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 40);
    for (let i = 0; i < 4; i++) {
      d(`draft ${i}`);
      await sleep(15);
    }
    assert.deepEqual(calls, []);
    await sleep(80);
    assert.deepEqual(calls, ['draft 3']);
  });

  it('forgets a pending call when cancelled, as when the reply is sent', async () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 20);
    d('x');
    assert.equal(d.pending, true);
    d.cancel();
    assert.equal(d.pending, false);
    await sleep(50);
    assert.deepEqual(calls, []);
  });

  it('runs a pending call at once when flushed', () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 1000);
    d('now');
    d.flush();
    assert.deepEqual(calls, ['now']);
    d.flush();
    assert.deepEqual(calls, ['now']);
  });

  it('refuses a wait that is not a number', () => {
    assert.throws(() => debounce(() => undefined, Number.NaN), /received NaN/);
  });
});
