// 领导小组 and 巡察办 members, and the default-role grants their posts create. SQL only.
import { type CommitteeMemberQuery, memberPost } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

const MEMBER_FIELDS = [
  'm.id',
  'm.committee_id as committeeId',
  'm.body',
  'm.post',
  'm.name',
  'm.title',
  'm.user_id as userId',
  'a.username',
  'm.started_on as startedOn',
  'm.ended_on as endedOn',
  'm.end_reason as endReason',
  'm.granted_role as grantedRole',
  'm.grant_id as grantId',
] as const;

function members(db: Db) {
  return db.selectFrom('committee_member as m').leftJoin('app_user as a', 'a.id', 'm.user_id');
}

export function listMembers(db: Db, committeeId: string, query: CommitteeMemberQuery) {
  let base = members(db).where('m.committee_id', '=', committeeId);
  if (query.body) base = base.where('m.body', '=', query.body);
  if (!query.includeEnded) base = base.where('m.ended_on', 'is', null);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(MEMBER_FIELDS)
      // 领导小组 before 巡察办, then by post (组长 first), then seniority
      .orderBy(sql`m.body = 'office'`)
      .orderBy(sql`array_position(${sql.val([...memberPost.codes])}::text[], m.post)`)
      .orderBy(sql`m.ended_on IS NOT NULL`)
      .orderBy('m.sort_order')
      .orderBy('m.started_on')
      .orderBy('m.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findMember(db: Db, id: string) {
  return members(db).select(MEMBER_FIELDS).where('m.id', '=', id).executeTakeFirst();
}
export type MemberRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

export function insertMember(
  db: Db,
  values: {
    committee_id: string;
    body: string;
    post: string;
    name: string;
    title: string | null;
    user_id: string | null;
    started_on: string;
    granted_role: string | null;
    grant_id: string | null;
  },
) {
  return db.insertInto('committee_member').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Ends a current membership; false when it has already ended (→ 409). */
export async function endMember(db: Db, id: string, endedOn: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('committee_member')
    .set({ ended_on: endedOn, end_reason: reason })
    .where('id', '=', id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The account to link: an active user of this committee, with the roles it holds anywhere. */
export function accountOf(db: Db, userId: string) {
  return db
    .selectFrom('app_user as a')
    .select([
      'a.id',
      'a.committee_id as committeeId',
      'a.active',
      sql<string[]>`coalesce((SELECT array_agg(r.role_code) FROM user_role r WHERE r.user_id = a.id), '{}')`.as(
        'roles',
      ),
    ])
    .where('a.id', '=', userId)
    .executeTakeFirst();
}

export function committeeGrant(db: Db, userId: string, role: string, committeeId: string) {
  return db
    .selectFrom('user_role')
    .select('id')
    .where('user_id', '=', userId)
    .where('role_code', '=', role)
    .where('scope_kind', '=', 'committee')
    .where('scope_id', '=', committeeId)
    .executeTakeFirst();
}

export async function insertGrant(db: Db, userId: string, role: string, committeeId: string) {
  const row = await db
    .insertInto('user_role')
    .values({ user_id: userId, role_code: role, scope_kind: 'committee', scope_id: committeeId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGrant(db: Db, grantId: string) {
  await db.deleteFrom('user_role').where('id', '=', grantId).execute();
}
