// Org units: the scoped list and detail reads, attribute writes and history. SQL only.
import type { UnitListQuery } from '@xuncha/contracts';
import { type Insertable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB, OrgUnitTable } from '../../platform/schema.ts';
import { escapeLike } from './org.repository.ts';
import { lastInspectedOnSql } from './unit.sql.ts';

type UnitTables = DB & { u: DB['org_unit']; p: DB['org_unit'] };
type UnitFrom = SelectQueryBuilder<UnitTables, 'u' | 'p', object>;

function visibleUnits(db: Db, user: SessionUser): UnitFrom {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .where(scopeWhere(user, 'unit.read', { committeeId: 'u.committee_id', unitId: 'u.id' })) as UnitFrom;
}

function selectUnitFields(query: UnitFrom) {
  return query.select([
    'u.id',
    'u.committee_id as committeeId',
    'u.parent_id as parentId',
    'p.name as parentName',
    'p.code as parentCode',
    'u.name',
    'u.kind',
    'u.code',
    'u.head_name as headName',
    'u.secretary_name as secretaryName',
    'u.social_attention as socialAttention',
    'u.fund_volume as fundVolume',
    'u.project_count as projectCount',
    'u.has_approval_power as hasApprovalPower',
    'u.has_enforcement_power as hasEnforcementPower',
    'u.last_inspected_on as manualLastInspectedOn',
    lastInspectedOnSql('u').as('lastInspectedOn'),
    'u.village_class as villageClass',
    'u.active',
    'u.merged_into_id as mergedIntoId',
    'u.deactivated_on as deactivatedOn',
    'u.deactivation_reason as deactivationReason',
    'u.sort_order as sortOrder',
    sql<number>`(SELECT count(*) FROM org_unit c WHERE c.parent_id = u.id)`.as('childCount'),
    'u.path',
  ]);
}
export type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnitFields>['executeTakeFirstOrThrow']>>;

/** The list filters; `underPath` is the resolved path of `query.under`. */
export type UnitFilter = UnitListQuery & { underPath?: string };

function applyFilters(query: UnitFrom, filter: UnitFilter): UnitFrom {
  let q = query;
  if (filter.committeeId) q = q.where('u.committee_id', '=', filter.committeeId);
  if (filter.parentId === 'root') q = q.where('u.parent_id', 'is', null);
  else if (filter.parentId) q = q.where('u.parent_id', '=', filter.parentId);
  if (filter.underPath !== undefined) {
    q = q.where('u.path', 'like', `${filter.underPath}%`).where('u.path', '<>', filter.underPath);
  }
  if (filter.kind) q = q.where('u.kind', '=', filter.kind);
  if (filter.active !== undefined) q = q.where('u.active', '=', filter.active);
  if (filter.villageClass) q = q.where('u.village_class', '=', filter.villageClass);
  if (filter.q) {
    const keyword = filter.q;
    q = q.where((eb) => eb.or([eb('u.name', 'like', `%${escapeLike(keyword)}%`), eb('u.code', '=', keyword)]));
  }
  return q;
}

/** The order a 区委's tree reads in: party and government organs first, townships and villages last. */
const KIND_ORDER = ['department', 'affiliated', 'soe', 'school', 'hospital', 'other', 'township', 'village'];

/** Display order. Children of one parent: by kind, then as the office set; otherwise each unit's children right after it. */
function ordered<O>(query: SelectQueryBuilder<UnitTables, 'u' | 'p', O>, filter: UnitFilter) {
  const grouped = filter.parentId
    ? query
    : query.orderBy(sql`coalesce(p.name, u.name)`).orderBy(sql`u.parent_id IS NOT NULL`);
  return grouped
    .orderBy(sql`array_position(${sql.val(KIND_ORDER)}::text[], u.kind)`)
    .orderBy('u.sort_order')
    .orderBy('u.name')
    .orderBy('u.id');
}

/**
 * One window of the filtered list (also what an export pages through). The window's ids are chosen
 * first on plain columns; the per-row subqueries (child count, last inspected) then run for those rows
 * only — PostgreSQL would otherwise compute them for every matching row before sorting.
 */
export function unitWindow(db: Db, user: SessionUser, filter: UnitFilter, limit: number, offset: number) {
  const ids = ordered(applyFilters(visibleUnits(db, user), filter), filter)
    .select('u.id')
    .limit(limit)
    .offset(offset);
  const rows = db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .where('u.id', 'in', ids) as UnitFrom;
  return ordered(selectUnitFields(rows), filter).execute();
}

export function listUnits(db: Db, user: SessionUser, filter: UnitFilter) {
  const { limit, offset } = pageWindow(filter);
  return withTotal(
    unitWindow(db, user, filter, limit, offset),
    applyFilters(visibleUnits(db, user), filter).select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findUnit(db: Db, user: SessionUser, id: string) {
  return selectUnitFields(visibleUnits(db, user)).where('u.id', '=', id).executeTakeFirst();
}

/** Id and name of each unit on a path, root first. */
export function unitsOnPath(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', ids).orderBy(sql`length(path)`).execute();
}

export function unitName(db: Db, id: string) {
  return db.selectFrom('org_unit').select(['name']).where('id', '=', id).executeTakeFirst();
}

type UnitValues = Updateable<OrgUnitTable>;

export async function insertUnit(db: Db, values: Insertable<OrgUnitTable>) {
  await db.insertInto('org_unit').values(values).execute();
}

/** Attribute update of an active unit; false when it is no longer active (→ 409). */
export async function updateActiveUnit(db: Db, id: string, values: UnitValues): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set(values)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface UnitEventInput {
  unitId: string;
  event: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  actorId: string | null;
  actorName: string | null;
}

export async function insertUnitEvents(db: Db, events: UnitEventInput[]) {
  if (events.length === 0) return;
  await db
    .insertInto('org_unit_event')
    .values(
      events.map((e) => ({
        unit_id: e.unitId,
        event: e.event,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
        reason: e.reason ?? null,
        actor_id: e.actorId,
        actor_name: e.actorName,
      })),
    )
    .execute();
}

export function unitHistory(db: Db, unitId: string, limit: number, offset: number) {
  const base = db.selectFrom('org_unit_event').where('unit_id', '=', unitId);
  return withTotal(
    base
      .select(['seq', 'event', 'before', 'after', 'reason', 'actor_name as actorName', 'at'])
      .orderBy('seq', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function pathOfUnit(db: Db, id: string) {
  return db
    .selectFrom('org_unit')
    .select(['path', 'committee_id as committeeId'])
    .where('id', '=', id)
    .executeTakeFirst();
}
