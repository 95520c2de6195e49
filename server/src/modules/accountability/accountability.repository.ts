// 问责 reads and writes: SQL only, every read through the caller's accountability.read scope.
import type { AccountabilityListQuery, AccountabilityStatus } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';
import { caseScopeColumns } from '../supervision/rectification-case.ts';

function visible(db: Db, user: SessionUser) {
  return db
    .selectFrom('accountability as a')
    .innerJoin('rectification as rc', 'rc.id', 'a.rectification_id')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .innerJoin('app_user as proposer', 'proposer.id', 'a.proposed_by')
    .where(scopeWhere(user, 'accountability.read', caseScopeColumns('a')));
}

const fields = [
  'a.id',
  'a.committee_id as committeeId',
  'a.rectification_id as rectificationId',
  'rc.inspection_id as inspectionId',
  'a.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'a.person_name as personName',
  'a.person_post as personPost',
  'a.ground',
  'a.facts',
  'a.proposed_measure as proposedMeasure',
  'a.status',
  'a.decided_measure as decidedMeasure',
  'a.decision_doc_no as decisionDocNo',
  'a.decided_on as decidedOn',
  'a.decision_comment as decisionComment',
  'a.task_ids as taskIds',
  'a.finding_ids as findingIds',
  'a.proposed_by as proposedBy',
  'proposer.display_name as proposedByName',
  'a.proposed_at as proposedAt',
] as const;

export type AccountabilityRow = NonNullable<Awaited<ReturnType<typeof findAccountability>>>;
export type AccountabilityFilter = Omit<AccountabilityListQuery, 'page' | 'pageSize'>;

export async function listAccountability(
  db: Db,
  user: SessionUser,
  filter: AccountabilityFilter,
  page: { page: number; pageSize: number },
) {
  let q = visible(db, user);
  if (filter.unitId) q = q.where('a.unit_id', '=', filter.unitId);
  if (filter.rectificationId) q = q.where('a.rectification_id', '=', filter.rectificationId);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.ground) q = q.where('a.ground', '=', filter.ground);
  if (filter.measure) q = q.where(sql<boolean>`coalesce(a.decided_measure, a.proposed_measure) = ${filter.measure}`);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where(sql<boolean>`(a.person_name LIKE ${like} OR a.person_post LIKE ${like} OR u.name LIKE ${like})`);
  }
  const { limit, offset } = pageWindow(page);
  return withTotal(
    q.select(fields).orderBy('a.proposed_at', 'desc').orderBy('a.id').limit(limit).offset(offset).execute(),
    q.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findAccountability(db: Db, user: SessionUser, id: string) {
  return visible(db, user).select(fields).where('a.id', '=', id).executeTakeFirst();
}

export function accountabilityHistory(db: Db, id: string) {
  return db
    .selectFrom('accountability_event as e')
    .innerJoin('app_user as u', 'u.id', 'e.actor_id')
    .select([
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.comment',
      'u.display_name as actorName',
      'e.at',
    ])
    .where('e.accountability_id', '=', id)
    .orderBy('e.seq')
    .execute();
}

export function titlesOf(db: Db, table: 'task' | 'finding', ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom(table).select(['id', 'title']).where('id', 'in', ids).orderBy('seq').execute();
}

export async function moveAccountability(
  db: Db,
  id: string,
  from: AccountabilityStatus,
  to: AccountabilityStatus,
  changes: {
    decided_measure?: string;
    decision_doc_no?: string;
    decided_on?: string;
    decision_comment?: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('accountability')
    .set({ ...changes, status: to, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Db,
  e: {
    id: string;
    event: string;
    from: AccountabilityStatus | null;
    to: AccountabilityStatus;
    comment: string | null;
    actorId: string;
  },
) {
  await db
    .insertInto('accountability_event')
    .values({
      accountability_id: e.id,
      event: e.event,
      from_status: e.from,
      to_status: e.to,
      comment: e.comment,
      actor_id: e.actorId,
    })
    .execute();
}
