import type { FindingCreate, FindingListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

// The inspected unit sees its findings only once the feedback has been issued.
const findingScopeColumns = {
  committeeId: 'f.committee_id',
  unitId: 'f.unit_id',
  inspectionId: 'f.inspection_id',
  unitCondition: sql`f.status = 'fed_back'`,
};

function visibleFindings(db: Db, user: SessionUser) {
  return db
    .selectFrom('finding as f')
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .where(scopeWhere(user, 'finding.read', findingScopeColumns));
}

const FIELDS = [
  'f.id',
  'f.committee_id as committeeId',
  'f.inspection_id as inspectionId',
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
  sql<number>`(SELECT count(*) FROM task t WHERE t.finding_id = f.id)`.as('taskCount'),
  sql<number>`(SELECT count(*) FROM task t WHERE t.finding_id = f.id AND t.status = 'closed')`.as('closedTaskCount'),
] as const;

type FindingFilter = Omit<z.output<typeof FindingListQuery>, 'page' | 'pageSize'>;

function filteredFindings(db: Db, user: SessionUser, query: FindingFilter) {
  let base = visibleFindings(db, user);
  if (query.inspectionId) base = base.where('f.inspection_id', '=', query.inspectionId);
  if (query.aspect) base = base.where('f.aspect', '=', query.aspect);
  return base;
}

export async function listFindings(db: Db, user: SessionUser, query: z.output<typeof FindingListQuery>) {
  const base = filteredFindings(db, user, query);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base.select(FIELDS).orderBy('f.created_at', 'desc').orderBy('f.seq').limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One export batch, in list order. */
export function findingExportBatch(
  db: Db,
  user: SessionUser,
  query: FindingFilter,
  batch: { offset: number; limit: number },
) {
  return filteredFindings(db, user, query)
    .select(FIELDS)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.seq')
    .orderBy('f.id')
    .limit(batch.limit)
    .offset(batch.offset)
    .execute();
}

export function findFinding(db: Db, user: SessionUser, id: string) {
  return visibleFindings(db, user).select(FIELDS).where('f.id', '=', id).executeTakeFirst();
}

export async function insertFinding(
  db: Db,
  values: FindingCreate & { committeeId: string; inspectionId: string; unitId: string; createdBy: string },
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
  await db.updateTable('finding').set({ status: 'fed_back' }).where('inspection_id', '=', inspectionId).execute();
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
