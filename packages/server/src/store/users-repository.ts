import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { teamMembers, teams, users } from '../db/schema.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Role } from '../domain/roles.ts';
import { audit, type Actor } from './audit-repository.ts';
import { isUniqueViolation, type TeamRow, type UserRow } from './rows.ts';

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string | null;
  readonly locale?: string;
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<Result<UserRow>> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ ...input, email: input.email.toLowerCase() })
        .returning();
      if (row === undefined) throw new Error('createUser: insert returned no row');
      await audit(tx, actor, 'user.created', 'user', row.id, { email: row.email, role: row.role });
      return ok(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('email_taken', { email: input.email });
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db, teamIds?: readonly string[]): Promise<UserRow[]> {
  if (teamIds === undefined) return db.select().from(users).orderBy(asc(users.email));
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ user: users })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(inArray(teamMembers.teamId, [...teamIds]))
    .orderBy(asc(users.email));
  return rows.map((r) => r.user);
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { readonly role?: Role; readonly name?: string; readonly disabled?: boolean; readonly locale?: string },
): Promise<Result<UserRow>> {
  return db.transaction(async (tx) => {
    const values: Partial<typeof users.$inferInsert> = {};
    if (patch.role !== undefined) values.role = patch.role;
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.locale !== undefined) values.locale = patch.locale;
    if (patch.disabled !== undefined) values.disabledAt = patch.disabled ? new Date() : null;
    if (Object.keys(values).length === 0) {
      const current = await getUser(tx, id);
      return current === undefined ? fail('not_found', { entity: 'user', id }) : ok(current);
    }
    const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
    if (row === undefined) return fail('not_found', { entity: 'user', id });
    await audit(tx, actor, 'user.updated', 'user', id, { ...patch });
    return ok(row);
  });
}

export async function createTeam(db: Db, actor: Actor, name: string): Promise<Result<TeamRow>> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(teams).values({ name }).returning();
      if (row === undefined) throw new Error('createTeam: insert returned no row');
      await audit(tx, actor, 'team.created', 'team', row.id, { name });
      return ok(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('team_name_taken', { name });
    throw error;
  }
}

export async function listTeams(db: Db, ids?: readonly string[]): Promise<TeamRow[]> {
  if (ids === undefined) return db.select().from(teams).orderBy(asc(teams.name));
  if (ids.length === 0) return [];
  return db
    .select()
    .from(teams)
    .where(inArray(teams.id, [...ids]))
    .orderBy(asc(teams.name));
}

export async function addTeamMember(db: Db, actor: Actor, teamId: string, userId: string): Promise<Result<true>> {
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
    if (team === undefined) return fail('not_found', { entity: 'team', id: teamId });
    const user = await getUser(tx, userId);
    if (user === undefined) return fail('not_found', { entity: 'user', id: userId });
    await tx.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing();
    await audit(tx, actor, 'team.member_added', 'team', teamId, { userId });
    return ok(true);
  });
}

/** False when the user was not a member (nothing changed, nothing audited). */
export async function removeTeamMember(db: Db, actor: Actor, teamId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning({ userId: teamMembers.userId });
    if (removed.length > 0) await audit(tx, actor, 'team.member_removed', 'team', teamId, { userId });
    return removed.length > 0;
  });
}

export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

/** Users of a team with the given roles (e.g. the leads who receive its alerts). */
export async function teamMembersWithRole(db: Db, teamId: string, roles: readonly Role[]): Promise<UserRow[]> {
  const rows = await db
    .select({ user: users })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(and(eq(teamMembers.teamId, teamId), inArray(users.role, [...roles])));
  return rows.map((r) => r.user);
}
