/**
 * First-start demo data: a team with a lead and an agent, an admin, a chat inbox, and the demo conversations'
 * history ingested (so they are analysed like any other message). Runs only on an empty database.
 */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { hashPassword } from '../auth/password-hash.ts';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema.ts';
import type { IngestService } from '../services/ingest-service.ts';
import { createInbox } from '../store/inboxes-repository.ts';
import { addTeamMember, createTeam, createUser } from '../store/users-repository.ts';
import { demoConversations } from './demo-conversations.ts';

export interface DemoSeed {
  readonly inboxId: string;
  readonly agentId: string;
  /** Printed once at first start; only its scrypt hash is stored. */
  readonly password: string;
  readonly logins: readonly string[];
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, ingest: IngestService, now: number = Date.now()): Promise<DemoSeed> {
  const system = { via: 'system' } as const;
  const password = randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const team = await createTeam(db, system, 'Support');
  if (!team.ok) throw new Error('seedDemo: the database is not empty (team "Support" exists)');
  const person = async (email: string, name: string, role: 'agent' | 'lead' | 'admin') => {
    const created = await createUser(db, system, { email, name, role, passwordHash: hash });
    if (!created.ok) throw new Error(`seedDemo: could not create ${email}`);
    if (role !== 'admin') await addTeamMember(db, system, team.value.id, created.value.id);
    return created.value.id;
  };
  await person('admin@attune.local', 'Ada Admin', 'admin');
  await person('lead@attune.local', 'Lee Lead', 'lead');
  const agentId = await person('agent@attune.local', 'Sam Agent', 'agent');
  const inbox = await createInbox(db, system, { name: 'Website chat', channel: 'chat', teamId: team.value.id });
  for (const c of demoConversations) {
    let i = 0;
    for (const turn of c.history) {
      const sentAt = new Date(now - (c.history.length - i) * 60_000);
      await ingest.ingest(
        {
          inboxId: inbox.id,
          conversation: {
            externalId: c.key,
            subject: c.subject,
            assigneeId: agentId,
            contact: { externalId: `contact-${c.key}`, name: c.customer },
          },
          message: {
            externalId: `${c.key}:h${i}`,
            role: turn.role,
            text: turn.text,
            sentAt,
            authorId: turn.role === 'agent' ? agentId : null,
          },
        },
        { lang: c.lang },
      );
      i++;
    }
  }
  return {
    inboxId: inbox.id,
    agentId,
    password,
    logins: ['admin@attune.local', 'lead@attune.local', 'agent@attune.local'],
  };
}
