// Findings (问题): SQL only; every read goes through the user's scope.
import type { FindingCreate, FindingListQuery, FindingUpdate } from '@xuncha/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB } from '../../platform/schema.ts';
import { escapeLike } from '../org/org.repository.ts';

// The inspected unit sees its findings once the feedback has been issued, and a 立行立改 finding at once:
// it has to act on that one during the inspection (DOMAIN.md §5). A finding labelled 敏感 (安全标记) never
// reaches the unit: it is not fed back and goes on by handover (finding-sensitivity.ts).
export const findingScopeColumns = {
  committeeId: 'f.committee_id',
  unitId: 'f.unit_id',
  inspectionId: 'f.inspection_id',
  unitCondition: sql`((f.status = 'fed_back' OR f.immediate) AND f.sensitivity <> 'sensitive')`,
};

type FindingFrom = SelectQueryBuilder<DB & { f: DB['finding'] }, 'f', object>;

export function visibleFindings(db: Db, user: SessionUser): FindingFrom {
  return db.selectFrom('finding as f').where(scopeWhere(user, 'finding.read', findingScopeColumns));
}

function selectFindingFields(query: FindingFrom) {
  return query
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .innerJoin('inspection as i', 'i.id', 'f.inspection_id')
    .leftJoin('task as it', (join) => join.onRef('it.finding_id', '=', 'f.id').on('it.immediate', '=', true))
    .select([
      'f.id',
      'f.committee_id as committeeId',
      'f.inspection_id as inspectionId',
      'i.phase as inspectionPhase',
      'f.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'f.seq',
      'f.title',
      'f.facts',
      'f.aspect',
      'f.discipline',
      'f.major_problem as majorProblem',
      'f.focus',
      'f.power_type as powerType',
      'f.areas',
      'f.is_common as isCommon',
      'f.eight_rules as eightRules',
      'f.status',
      'f.sensitivity',
      'f.immediate',
      'it.id as immediateTaskId',
      'it.status as immediateTaskStatus',
      'it.due_date as immediateTaskDueDate',
      sql<number>`(SELECT count(*) FROM task t WHERE t.finding_id = f.id)`.as('taskCount'),
      sql<number>`(SELECT count(*) FROM task t WHERE t.finding_id = f.id AND t.status = 'closed')`.as(
        'closedTaskCount',
      ),
    ]);
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof selectFindingFields>['executeTakeFirstOrThrow']>>;

export type FindingFilter = Omit<FindingListQuery, 'page' | 'pageSize'>;

function filteredFindings(db: Db, user: SessionUser, filter: FindingFilter): FindingFrom {
  let q = visibleFindings(db, user);
  if (filter.inspectionId) q = q.where('f.inspection_id', '=', filter.inspectionId);
  if (filter.roundId) {
    const roundId = filter.roundId;
    q = q.where('f.inspection_id', 'in', (eb) =>
      eb.selectFrom('inspection').select('id').where('round_id', '=', roundId),
    );
  }
  if (filter.unitId) q = q.where('f.unit_id', '=', filter.unitId);
  if (filter.aspect) q = q.where('f.aspect', '=', filter.aspect);
  if (filter.discipline) q = q.where('f.discipline', '=', filter.discipline);
  if (filter.majorProblem) q = q.where('f.major_problem', '=', filter.majorProblem);
  if (filter.focus) q = q.where('f.focus', '=', filter.focus);
  if (filter.powerType) q = q.where('f.power_type', '=', filter.powerType);
  if (filter.area) q = q.where(sql<boolean>`${filter.area} = ANY(f.areas)`);
  if (filter.isCommon !== undefined) q = q.where('f.is_common', '=', filter.isCommon);
  if (filter.eightRules !== undefined) q = q.where('f.eight_rules', '=', filter.eightRules);
  if (filter.immediate !== undefined) q = q.where('f.immediate', '=', filter.immediate);
  if (filter.status) q = q.where('f.status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('f.title', 'ilike', pattern), eb('f.facts', 'ilike', pattern)]));
  }
  return q;
}

const SORTS = {
  seq: [
    ['f.inspection_id', 'asc'],
    ['f.seq', 'asc'],
  ],
  createdAt: [
    ['f.created_at', 'asc'],
    ['f.seq', 'asc'],
  ],
  '-createdAt': [
    ['f.created_at', 'desc'],
    ['f.seq', 'asc'],
  ],
  '-updatedAt': [
    ['f.updated_at', 'desc'],
    ['f.seq', 'asc'],
  ],
} as const;

function sorted(query: FindingFrom, sort: FindingListQuery['sort']): FindingFrom {
  let q = query;
  for (const [column, direction] of SORTS[sort]) q = q.orderBy(column, direction);
  // a stable order across pages and export batches, even among findings created together
  return q.orderBy('f.id');
}

export function listFindings(db: Db, user: SessionUser, query: FindingListQuery) {
  const base = filteredFindings(db, user, query);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    selectFindingFields(sorted(base, query.sort)).limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One export batch, in list order. */
export function findingExportBatch(
  db: Db,
  user: SessionUser,
  filter: FindingFilter,
  batch: { offset: number; limit: number },
) {
  return selectFindingFields(sorted(filteredFindings(db, user, filter), filter.sort))
    .limit(batch.limit)
    .offset(batch.offset)
    .execute();
}

export function findFinding(db: Db, user: SessionUser, id: string) {
  return selectFindingFields(visibleFindings(db, user).where('f.id', '=', id)).executeTakeFirst();
}

export async function insertFinding(
  db: Db,
  values: Omit<FindingCreate, 'evidenceRecordIds' | 'immediate'> & {
    committeeId: string;
    inspectionId: string;
    unitId: string;
    createdBy: string;
    at: string;
  },
) {
  // The caller holds the inspection row lock, so max(seq)+1 cannot race.
  const row = await db
    .insertInto('finding')
    .values({
      committee_id: values.committeeId,
      inspection_id: values.inspectionId,
      unit_id: values.unitId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM finding WHERE inspection_id = ${values.inspectionId})`,
      title: values.title,
      facts: values.facts,
      aspect: values.aspect,
      discipline: values.discipline,
      major_problem: values.majorProblem,
      focus: values.focus,
      power_type: values.powerType,
      areas: values.areas,
      is_common: values.isCommon,
      eight_rules: values.eightRules,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type FindingChanges = Omit<FindingUpdate, 'immediate'>;

/** Conditional update: only a draft finding changes; false when it is no longer a draft. */
export async function updateDraftFinding(db: Db, id: string, changes: FindingChanges, at: string) {
  const result = await db
    .updateTable('finding')
    .set({
      title: changes.title,
      facts: changes.facts,
      aspect: changes.aspect,
      discipline: changes.discipline,
      major_problem: changes.majorProblem,
      focus: changes.focus,
      power_type: changes.powerType,
      areas: changes.areas,
      is_common: changes.isCommon,
      eight_rules: changes.eightRules,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markImmediate(db: Db, id: string) {
  await db.updateTable('finding').set({ immediate: true }).where('id', '=', id).execute();
}

export async function countFindings(db: Db, inspectionId: string): Promise<number> {
  const row = await db
    .selectFrom('finding')
    .select(sql<number>`count(*)`.as('n'))
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markFedBack(db: Db, inspectionId: string) {
  // 敏感 findings stay with the team and the office: they are not part of what the unit is told
  await db
    .updateTable('finding')
    .set({ status: 'fed_back' })
    .where('inspection_id', '=', inspectionId)
    .where('sensitivity', '<>', 'sensitive')
    .execute();
}

/** Locks the inspection row and returns its current phase. */
export async function lockInspection(db: Db, inspectionId: string): Promise<string> {
  const row = await db
    .selectFrom('inspection')
    .select('phase')
    .where('id', '=', inspectionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.phase;
}

/** Locks the finding row, so two edits (or an edit and a 立行立改 task) cannot interleave. */
export async function lockFinding(db: Db, id: string) {
  await db.selectFrom('finding').select('id').where('id', '=', id).forUpdate().execute();
}
