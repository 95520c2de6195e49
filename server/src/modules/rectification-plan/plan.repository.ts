// 整改方案: SQL only. Every read applies rectification.read scope on the plan's own committee, unit and
// inspection columns: 巡察办/领导小组 by committee, the team by inspection, the unit by its subtree.
import type { PlanStatus } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

const planScopeColumns = { committeeId: 'p.committee_id', unitId: 'p.unit_id', inspectionId: 'p.inspection_id' };

export function visiblePlans(db: Db, user: SessionUser) {
  return db
    .selectFrom('rectification_plan as p')
    .innerJoin('rectification as r', 'r.id', 'p.rectification_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .where(scopeWhere(user, 'rectification.read', planScopeColumns));
}

export function findPlan(db: Db, user: SessionUser, inspectionId: string) {
  return visiblePlans(db, user)
    .where('p.inspection_id', '=', inspectionId)
    .select([
      'p.id',
      'p.committee_id as committeeId',
      'p.inspection_id as inspectionId',
      'p.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'r.feedback_date as feedbackDate',
      'p.status',
      'p.current_version as currentVersion',
      'p.submitted_version as submittedVersion',
      'p.returned_count as returnedCount',
      sql<string | null>`(SELECT v.content FROM rectification_plan_version v
        WHERE v.plan_id = p.id AND v.version = p.current_version)`.as('content'),
    ])
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export function planHistory(db: Db, planId: string) {
  return db
    .selectFrom('rectification_plan_event as e')
    .innerJoin('app_user as a', 'a.id', 'e.actor_id')
    .select([
      'e.id',
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.version',
      'a.display_name as actorName',
      'e.review',
      'e.comment',
      'e.at',
    ])
    .where('e.plan_id', '=', planId)
    .orderBy('e.seq')
    .execute();
}

/** The latest approve/return event: what the 审核意见 document prints. */
export function latestReview(db: Db, planId: string) {
  return db
    .selectFrom('rectification_plan_event as e')
    .select(['e.event', 'e.version', 'e.review', 'e.comment', 'e.at'])
    .where('e.plan_id', '=', planId)
    .where('e.event', 'in', ['approve', 'return'])
    .orderBy('e.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Conditional on the version read and on the plan being with the unit; the new number, or undefined. */
export async function bumpVersion(db: Db, planId: string, expectedVersion: number) {
  const row = await db
    .updateTable('rectification_plan')
    .set({ current_version: sql`current_version + 1`, updated_at: sql`now()` })
    .where('id', '=', planId)
    .where('current_version', '=', expectedVersion)
    .where('status', 'in', ['draft', 'returned'])
    .returning('current_version')
    .executeTakeFirst();
  return row?.current_version;
}

export async function insertVersion(
  db: Db,
  row: { planId: string; version: number; content: string; lists: unknown; note: string | null; by: string },
) {
  await db
    .insertInto('rectification_plan_version')
    .values({
      plan_id: row.planId,
      version: row.version,
      content: row.content,
      lists_snapshot: JSON.stringify(row.lists),
      note: row.note,
      created_by: row.by,
    })
    .execute();
}

export interface PlanStatusChange {
  from: PlanStatus;
  to: PlanStatus;
  version: number;
}

/** Conditional on the status read (UPDATE … WHERE status = from); false when someone moved it first. */
export async function updateStatus(db: Db, planId: string, change: PlanStatusChange) {
  const result = await db
    .updateTable('rectification_plan')
    .set({
      status: change.to,
      updated_at: sql`now()`,
      ...(change.to === 'submitted' ? { submitted_version: change.version } : {}),
      ...(change.to === 'returned' ? { returned_count: sql`returned_count + 1` } : {}),
    })
    .where('id', '=', planId)
    .where('status', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Db,
  row: {
    planId: string;
    event: string;
    from: string | null;
    to: string;
    version: number | null;
    actorId: string;
    review?: unknown;
    comment?: string | null;
  },
) {
  const inserted = await db
    .insertInto('rectification_plan_event')
    .values({
      plan_id: row.planId,
      event: row.event,
      from_status: row.from,
      to_status: row.to,
      version: row.version,
      actor_id: row.actorId,
      review: row.review === undefined ? null : JSON.stringify(row.review),
      comment: row.comment ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

const versionFields = [
  'v.version',
  'v.note',
  'a.display_name as authorName',
  'v.created_at as createdAt',
  sql<number>`char_length(v.content)`.as('length'),
  sql<number>`(SELECT coalesce(sum(jsonb_array_length(f->'tasks')), 0)::int
    FROM jsonb_array_elements(v.lists_snapshot) f)`.as('taskCount'),
] as const;

export function listVersions(db: Db, planId: string) {
  return db
    .selectFrom('rectification_plan_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.created_by')
    .select(versionFields)
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
}

export function findVersion(db: Db, planId: string, version: number) {
  return db
    .selectFrom('rectification_plan_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.created_by')
    .select([...versionFields, 'v.content', 'v.lists_snapshot as lists'])
    .where('v.plan_id', '=', planId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

/** Plans not yet submitted whose feedback date is on or before the committee's cutoff: overdue. */
export function overdueCondition(cutoffs: ReadonlyMap<string, string>): Expression<SqlBool> {
  if (cutoffs.size === 0) return sql<SqlBool>`false`;
  const perCommittee = [...cutoffs].map(
    ([committeeId, cutoff]) => sql`(p.committee_id = ${committeeId} AND r.feedback_date <= ${cutoff})`,
  );
  return sql<SqlBool>`(p.status IN ('draft', 'returned') AND (${sql.join(perCommittee, sql` OR `)}))`;
}
