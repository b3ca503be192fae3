/** CSAT responses, self-assessments, drafts, scorecards (with reviewer overrides), alerts and rubrics. */
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { alerts, csatResponses, drafts, rubrics, scorecards, selfAssessments, teamMembers } from '../db/schema.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Viewer } from '../domain/roles.ts';
import { audit, type Actor } from './audit-repository.ts';
import { appendEvents } from './events-repository.ts';
import type { AlertRow, ScorecardRow } from './rows.ts';

export async function recordCsat(
  db: Db,
  actor: Actor,
  input: { conversationId: string; score: number; comment?: string | undefined; source: 'survey' | 'inferred' },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(csatResponses)
      .values({
        conversationId: input.conversationId,
        score: input.score,
        comment: input.comment ?? null,
        source: input.source,
      })
      .returning();
    await audit(tx, actor, 'csat.recorded', 'conversation', input.conversationId, {
      score: input.score,
      source: input.source,
    });
    return row;
  });
}

export async function recordSelfAssessment(
  db: Db,
  actor: Actor,
  input: { userId: string; conversationId: string | null; ratings: Record<string, number>; note?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfAssessments)
      .values({
        userId: input.userId,
        conversationId: input.conversationId,
        ratings: input.ratings,
        note: input.note ?? null,
      })
      .returning();
    await audit(tx, actor, 'self_assessment.recorded', 'user', input.userId, { conversationId: input.conversationId });
    return row;
  });
}

/**
 * Self-assessments, newest first: one person's (`userId`), those of the members of some teams (`teamIds`), or
 * everyone's (neither). Who may ask for which is the route's decision.
 */
export async function listSelfAssessments(
  db: Db,
  filter: { readonly userId?: string; readonly teamIds?: readonly string[]; readonly limit?: number },
) {
  const where: (SQL | undefined)[] = [];
  if (filter.userId !== undefined) where.push(eq(selfAssessments.userId, filter.userId));
  if (filter.teamIds !== undefined) {
    if (filter.teamIds.length === 0) return [];
    where.push(
      inArray(
        selfAssessments.userId,
        db
          .select({ userId: teamMembers.userId })
          .from(teamMembers)
          .where(inArray(teamMembers.teamId, [...filter.teamIds])),
      ),
    );
  }
  const query = db
    .select()
    .from(selfAssessments)
    .where(and(...where))
    .orderBy(desc(selfAssessments.createdAt));
  return filter.limit === undefined ? query : query.limit(filter.limit);
}

export async function saveDraft(
  db: Db,
  input: { conversationId: string; authorId: string | null; text: string; coach: unknown },
) {
  const [row] = await db
    .insert(drafts)
    .values({
      conversationId: input.conversationId,
      authorId: input.authorId,
      text: input.text,
      coach: input.coach as object,
    })
    .returning();
  return row;
}

export async function saveScorecard(
  db: Db,
  input: { conversationId: string; rubricId: string | null; autoScore: number; auto: unknown },
): Promise<ScorecardRow> {
  const [row] = await db
    .insert(scorecards)
    .values({
      conversationId: input.conversationId,
      rubricId: input.rubricId,
      autoScore: input.autoScore,
      auto: input.auto as object,
    })
    .returning();
  if (row === undefined) throw new Error('saveScorecard: insert returned no row');
  return row;
}

export async function getScorecard(db: Db, id: string): Promise<ScorecardRow | undefined> {
  const [row] = await db.select().from(scorecards).where(eq(scorecards.id, id));
  return row;
}

/** A reviewer's score is stored beside the automatic one, which is never changed. */
export async function overrideScorecard(
  db: Db,
  actor: Viewer,
  id: string,
  input: { score: number; note?: string | undefined; criteria?: readonly CriterionVerdict[] | undefined },
): Promise<Result<ScorecardRow>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(scorecards).where(eq(scorecards.id, id)).for('update');
    if (before === undefined) return fail('not_found', { entity: 'scorecard', id });
    const now = new Date();
    let criteria = storedCriterionOverrides(before.overrideCriteria);
    if (input.criteria !== undefined) {
      const known = new Set(autoCriterionIds(before.auto));
      const unknown = input.criteria.find((c) => !known.has(c.id));
      if (unknown !== undefined) return fail('unknown_criterion', { criterionId: unknown.id, scorecardId: id });
      const previous = new Map(criteria.map((c) => [c.criterionId, c]));
      criteria = input.criteria.map((c) => {
        const comment = c.comment ?? null;
        const kept = previous.get(c.id);
        // An unchanged verdict keeps who gave it and when; only a new or changed one is this reviewer's.
        if (kept !== undefined && kept.status === c.status && kept.comment === comment) return kept;
        return {
          criterionId: c.id,
          status: c.status,
          comment,
          reviewerId: actor.userId,
          reviewedAt: now.toISOString(),
        };
      });
    }
    const [row] = await tx
      .update(scorecards)
      .set({
        overrideScore: input.score,
        overrideNote: input.note ?? null,
        overrideCriteria: criteria,
        reviewerId: actor.userId,
        reviewedAt: now,
      })
      .where(eq(scorecards.id, id))
      .returning();
    if (row === undefined) throw new Error('overrideScorecard: update returned no row');
    await audit(tx, actor, 'scorecard.overridden', 'scorecard', id, {
      autoScore: before.autoScore,
      previousOverride: before.overrideScore,
      overrideScore: input.score,
      previousCriteria: storedCriterionOverrides(before.overrideCriteria).map((c) => [c.criterionId, c.status]),
      criteria: criteria.map((c) => [c.criterionId, c.status]),
    });
    return ok(row);
  });
}

export type CriterionStatus = 'pass' | 'fail' | 'not_applicable';

/** A reviewer's verdict on one criterion, as the API receives it. */
export interface CriterionVerdict {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly comment?: string | undefined;
}

/** A stored per-criterion override, kept beside the automatic result (`scorecards.override_criteria`). */
export interface CriterionOverride {
  readonly criterionId: string;
  readonly status: CriterionStatus;
  readonly comment: string | null;
  readonly reviewerId: string;
  readonly reviewedAt: string;
}

function storedCriterionOverrides(value: unknown): CriterionOverride[] {
  return Array.isArray(value) ? (value as CriterionOverride[]) : [];
}

/** The criterion ids of the engine's scorecard as stored in `auto`. */
function autoCriterionIds(auto: unknown): string[] {
  const criteria = typeof auto === 'object' && auto !== null ? (auto as { criteria?: unknown }).criteria : undefined;
  if (!Array.isArray(criteria)) return [];
  return criteria.flatMap((c: unknown) => {
    const cid = typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
    return typeof cid === 'string' ? [cid] : [];
  });
}

/** Raises an alert and its `alert.raised` event in one transaction. */
export async function raiseAlert(
  db: Db,
  origin: string,
  input: {
    conversationId: string;
    teamId: string | null;
    code: string;
    severity: 'info' | 'warning' | 'critical';
    params: Record<string, unknown>;
  },
): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(alerts).values(input).returning();
    if (row === undefined) throw new Error('raiseAlert: insert returned no row');
    await appendEvents(tx, origin, [
      {
        type: 'alert.raised',
        conversationId: input.conversationId,
        teamId: input.teamId,
        payload: { alert: { ...row, createdAt: row.createdAt.toISOString() } },
      },
    ]);
    return row;
  });
}

/** The most recent open alert of a code for a conversation (so a risk that stays high alerts once). */
export async function openAlert(db: Db, conversationId: string, code: string): Promise<AlertRow | undefined> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.conversationId, conversationId), eq(alerts.code, code), isNull(alerts.acknowledgedAt)))
    .limit(1);
  return row;
}

export async function listAlerts(db: Db, viewer: Viewer, filter: { open?: boolean; limit?: number } = {}) {
  const where: (SQL | undefined)[] = [];
  if (viewer.role !== 'admin') {
    if (viewer.teamIds.length === 0) return [];
    where.push(inArray(alerts.teamId, [...viewer.teamIds]));
  }
  if (filter.open === true) where.push(isNull(alerts.acknowledgedAt));
  return db
    .select()
    .from(alerts)
    .where(and(...where))
    .orderBy(desc(alerts.createdAt))
    .limit(Math.min(filter.limit ?? 50, 200));
}

export async function acknowledgeAlert(db: Db, actor: Viewer, id: string): Promise<Result<AlertRow>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ acknowledgedBy: actor.userId, acknowledgedAt: new Date() })
      .where(eq(alerts.id, id))
      .returning();
    if (row === undefined) return fail('not_found', { entity: 'alert', id });
    await audit(tx, actor, 'alert.acknowledged', 'alert', id);
    return ok(row);
  });
}

export async function getAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row;
}

export async function createRubric(
  db: Db,
  actor: Actor,
  input: { name: string; definition: unknown; active: boolean },
) {
  return db.transaction(async (tx) => {
    if (input.active) await tx.update(rubrics).set({ active: false });
    const [row] = await tx
      .insert(rubrics)
      .values({ name: input.name, definition: input.definition as object, active: input.active })
      .returning();
    if (row === undefined) throw new Error('createRubric: insert returned no row');
    await audit(tx, actor, 'rubric.created', 'rubric', row.id, { name: input.name, active: input.active });
    return row;
  });
}

export async function listRubrics(db: Db) {
  return db.select().from(rubrics).orderBy(desc(rubrics.createdAt));
}

export async function activeRubric(db: Db) {
  const [row] = await db.select().from(rubrics).where(eq(rubrics.active, true)).limit(1);
  return row;
}
