// 经验做法: SQL only; every read goes through the user's scope.
import type { GoodPracticeCreate, GoodPracticeListQuery, GoodPracticeUpdate } from '@xuncha/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB } from '../../platform/schema.ts';
import { escapeLike } from '../org/org.repository.ts';

// Read like findings (finding.read). The inspected unit sees the team's notes on it only once the feedback
// has been issued: before that they are working notes, and praise written during the inspection must not
// read as the team's verdict ahead of the 反馈意见.
const goodPracticeScopeColumns = {
  committeeId: 'g.committee_id',
  unitId: 'g.unit_id',
  inspectionId: 'g.inspection_id',
  unitCondition: sql`EXISTS (SELECT 1 FROM inspection gi WHERE gi.id = g.inspection_id AND gi.feedback_date IS NOT NULL)`,
};

type PracticeFrom = SelectQueryBuilder<DB & { g: DB['good_practice'] }, 'g', object>;

function visiblePractices(db: Db, user: SessionUser): PracticeFrom {
  return db.selectFrom('good_practice as g').where(scopeWhere(user, 'finding.read', goodPracticeScopeColumns));
}

function selectPracticeFields(query: PracticeFrom) {
  return query
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .innerJoin('inspection as i', 'i.id', 'g.inspection_id')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('app_user as a', 'a.id', 'g.created_by')
    .select([
      'g.id',
      'g.committee_id as committeeId',
      'g.inspection_id as inspectionId',
      'i.phase as inspectionPhase',
      'i.feedback_date as feedbackDate',
      'g.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'r.name as roundName',
      'g.title',
      'g.content',
      'g.areas',
      'g.promote',
      'a.display_name as createdByName',
      'g.created_at as createdAt',
    ]);
}
export type PracticeRow = Awaited<ReturnType<ReturnType<typeof selectPracticeFields>['executeTakeFirstOrThrow']>>;

export type PracticeFilter = Omit<GoodPracticeListQuery, 'page' | 'pageSize'>;

function filtered(db: Db, user: SessionUser, filter: PracticeFilter): PracticeFrom {
  let q = visiblePractices(db, user);
  if (filter.inspectionId) q = q.where('g.inspection_id', '=', filter.inspectionId);
  if (filter.unitId) q = q.where('g.unit_id', '=', filter.unitId);
  if (filter.area) q = q.where(sql<boolean>`${filter.area} = ANY(g.areas)`);
  if (filter.promote !== undefined) q = q.where('g.promote', '=', filter.promote);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('g.title', 'ilike', pattern), eb('g.content', 'ilike', pattern)]));
  }
  return q.orderBy('g.created_at', 'desc').orderBy('g.id');
}

export function listPractices(db: Db, user: SessionUser, query: GoodPracticeListQuery) {
  const base = filtered(db, user, query);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    selectPracticeFields(base).limit(limit).offset(offset).execute(),
    base.clearOrderBy().select(countRows).executeTakeFirstOrThrow(),
  );
}

export function practiceExportBatch(
  db: Db,
  user: SessionUser,
  filter: PracticeFilter,
  batch: { offset: number; limit: number },
) {
  return selectPracticeFields(filtered(db, user, filter))
    .limit(batch.limit)
    .offset(batch.offset)
    .execute();
}

export function findPractice(db: Db, user: SessionUser, id: string) {
  return selectPracticeFields(visiblePractices(db, user).where('g.id', '=', id)).executeTakeFirst();
}

export async function insertPractice(
  db: Db,
  values: GoodPracticeCreate & { committeeId: string; inspectionId: string; unitId: string; createdBy: string },
) {
  const row = await db
    .insertInto('good_practice')
    .values({
      committee_id: values.committeeId,
      inspection_id: values.inspectionId,
      unit_id: values.unitId,
      title: values.title,
      content: values.content,
      areas: values.areas,
      promote: values.promote,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Conditional update: only while the inspection still accepts findings (a concurrent phase change wins). */
export async function updatePractice(db: Db, id: string, changes: GoodPracticeUpdate): Promise<boolean> {
  const result = await db
    .updateTable('good_practice')
    .set({ title: changes.title, content: changes.content, areas: changes.areas, promote: changes.promote })
    .where('id', '=', id)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM inspection gi WHERE gi.id = good_practice.inspection_id
        AND gi.phase IN ('stationed', 'investigating', 'reporting'))`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Locks the practice row, so two edits cannot interleave. */
export async function lockPractice(db: Db, id: string) {
  await db.selectFrom('good_practice').select('id').where('id', '=', id).forUpdate().execute();
}
