/**
 * Test support: an in-memory HTTP app on a real database with two teams, an admin, a lead, two agents,
 * one inbox per team and API tokens, plus a `call` helper that speaks to the app like a client would.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../db/database.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/guards.ts';
import type { ServerContext } from '../http/server-context.ts';
import { createServerContext } from '../start-server.ts';
import type { ConversationIntelligence } from '../services/conversation-intelligence.ts';
import { createApiToken } from '../store/credentials-repository.ts';
import { createInbox } from '../store/inboxes-repository.ts';
import { addTeamMember, createTeam, createUser } from '../store/users-repository.ts';
import { testAnalyzer } from './test-analyzer.ts';

const system = { via: 'system' } as const;
export const testPassword = 'correct horse battery';

export interface ApiWorld {
  readonly app: OpenAPIHono<AppEnv>;
  readonly context: ServerContext;
  readonly ids: {
    readonly red: string;
    readonly blue: string;
    readonly admin: string;
    readonly lead: string;
    readonly alice: string;
    readonly bob: string;
    readonly redInbox: string;
    readonly blueInbox: string;
  };
  /** Full-scope API tokens per person. */
  readonly tokens: { readonly admin: string; readonly lead: string; readonly alice: string; readonly bob: string };
  call(
    method: string,
    path: string,
    options?: {
      as?: keyof ApiWorld['tokens'] | null;
      body?: unknown;
      raw?: string | Uint8Array;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

export async function buildApiWorld(
  database: Database,
  intelligence: ConversationIntelligence | null = null,
): Promise<ApiWorld> {
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  const db = database.db;
  const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
    if (!r.ok) throw new Error('buildApiWorld: setup failed');
    return r.value;
  };
  const red = must(await createTeam(db, system, 'Red'));
  const blue = must(await createTeam(db, system, 'Blue'));
  const user = async (email: string, role: 'agent' | 'lead' | 'admin', teams: string[]) => {
    const u = must(
      await createUser(db, system, { email, name: email.split('@')[0] ?? email, role, passwordHash: hash }),
    );
    for (const t of teams) await addTeamMember(db, system, t, u.id);
    return u.id;
  };
  const admin = await user('admin@example.com', 'admin', []);
  const lead = await user('lead@example.com', 'lead', [red.id]);
  const alice = await user('alice@example.com', 'agent', [red.id]);
  const bob = await user('bob@example.com', 'agent', [blue.id]);
  const redInbox = (await createInbox(db, system, { name: 'Red chat', channel: 'chat', teamId: red.id })).id;
  const blueInbox = (await createInbox(db, system, { name: 'Blue chat', channel: 'chat', teamId: blue.id })).id;
  const token = async (userId: string, role: string) =>
    (
      await createApiToken(db, system, {
        userId,
        name: 'test',
        scopes:
          role === 'admin' ? ['read', 'ingest', 'coach', 'feedback', 'admin'] : ['read', 'ingest', 'coach', 'feedback'],
        ratePerMinute: 100_000,
      })
    ).token;
  const tokens = {
    admin: await token(admin, 'admin'),
    lead: await token(lead, 'lead'),
    alice: await token(alice, 'agent'),
    bob: await token(bob, 'agent'),
  };
  const context = await createServerContext(database, { analyzer: await testAnalyzer(), intelligence });
  const app = createApp(context);
  return {
    app,
    context,
    ids: { red: red.id, blue: blue.id, admin, lead, alice, bob, redInbox, blueInbox },
    tokens,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const as = options.as === undefined ? 'admin' : options.as;
      if (as !== null) headers['authorization'] = `Bearer ${tokens[as]}`;
      let body: string | Uint8Array | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = { text };
      }
      return { status: response.status, json, headers: response.headers };
    },
    close: () => context.bus.stop(),
  };
}

export function ingestBody(inboxId: string, conversation: string, message: string, text: string, role = 'customer') {
  return { inboxId, conversation: { externalId: conversation }, message: { externalId: message, role, text } };
}
