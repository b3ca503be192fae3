import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/database.ts';
import { createApiToken } from './credentials-repository.ts';
import { createInbox } from './inboxes-repository.ts';
import { createUser } from './users-repository.ts';
import { migrate } from '../db/migrate.ts';

const processScript = fileURLToPath(new URL('../testing/server-process.ts', import.meta.url));

function startChild(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', processScript], {
    env: { ...process.env, ATTUNE_TEST_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m !== null) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server process exited early with ${String(code)}`)));
  });
}

describe('crash recovery on the embedded database', () => {
  it('keeps every acknowledged message exactly once after kill -9 during a steady ingest and a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attune-crash-'));
    try {
      const setup = await openDatabase({ kind: 'embedded', dataDir });
      await migrate(setup.db);
      const admin = await createUser(
        setup.db,
        { via: 'system' },
        { email: 'a@example.com', name: 'A', role: 'admin', passwordHash: null },
      );
      assert.ok(admin.ok);
      const inbox = await createInbox(setup.db, { via: 'system' }, { name: 'chat', channel: 'chat', teamId: null });
      const { token } = await createApiToken(
        setup.db,
        { via: 'system' },
        { userId: admin.value.id, name: 't', scopes: ['ingest', 'read'], ratePerMinute: 1_000_000 },
      );
      await setup.close();

      const server = await startChild(dataDir);
      const acked: string[] = [];
      let sent = 0;
      let stop = false;
      const send = async (id: string) => {
        const r = await fetch(`http://127.0.0.1:${server.port}/api/v1/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            inboxId: inbox.id,
            conversation: { externalId: `c${Number(id.slice(1)) % 5}` },
            message: { externalId: id, role: 'customer', text: `message ${id} is late` },
          }),
        });
        if (r.status === 201 || r.status === 200) acked.push(id);
      };
      const workers = [0, 1, 2].map(async () => {
        while (!stop) {
          const id = `m${sent++}`;
          await send(id).catch(() => undefined);
        }
      });
      // Kill in the middle of a steady stream, once it is flowing.
      for (const started = Date.now(); acked.length < 20 && Date.now() - started < 20_000;)
        await new Promise((r) => setTimeout(r, 20));
      // Listen before killing: the exit may fire while the workers drain, and a late listener would wait forever.
      const killed = once(server.child, 'exit');
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await killed;
      assert.ok(acked.length > 5, `only ${acked.length} messages were acknowledged before the kill`);

      // Restart, then re-deliver every message that was sent (acknowledged or not), as a sender retrying would.
      const restarted = await startChild(dataDir);
      server.port = restarted.port;
      for (let i = 0; i < sent; i++) await send(`m${i}`);
      const exited = once(restarted.child, 'exit');
      restarted.child.kill('SIGTERM');
      await exited;

      const check = await openDatabase({ kind: 'embedded', dataDir });
      const rows = await check.db.execute<{ external_id: string; n: number }>(
        sql`select external_id, count(*)::int as n from messages group by external_id`,
      );
      await check.close();
      const counts = new Map(
        (rows as unknown as { rows: { external_id: string; n: number }[] }).rows.map((r) => [r.external_id, r.n]),
      );
      for (const id of acked) assert.equal(counts.get(id), 1, `acknowledged ${id} stored ${counts.get(id) ?? 0} times`);
      assert.ok(
        [...counts.values()].every((n) => n === 1),
        'no message stored twice',
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
