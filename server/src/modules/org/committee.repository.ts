// The committee tree. A committee grant reaches the committee and every committee below it
// (a 市委 office sees its 区县委 for roll-up); units and case records stay with their own committee.
import type { Permission } from '@xuncha/contracts';
import { type SqlBool, sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

/** Committees the user holds `permission` on directly. */
export function grantedCommittees(user: SessionUser, permission: Permission): string[] {
  return user.grants
    .filter((g) => g.scopeKind === 'committee' && g.scopeId !== null && g.permissions.has(permission))
    .map((g) => g.scopeId as string);
}

/** SQL: committee `alias` is one of `roots` or below one of them. */
function inSubtrees(alias: string, roots: string[]) {
  if (roots.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    roots.map((id) => sql`${sql.ref(`${alias}.path`)} LIKE ${`%/${id}/%`}`),
    sql` OR `,
  )})`;
}

const COMMITTEE_FIELDS = [
  'c.id',
  'c.parent_id as parentId',
  'c.name',
  'c.short_name as shortName',
  'c.level',
  'c.avoidance_years as avoidanceYears',
  'c.path',
] as const;

export function listCommittees(db: Db, user: SessionUser) {
  return db
    .selectFrom('committee as c')
    .select(COMMITTEE_FIELDS)
    .where(inSubtrees('c', grantedCommittees(user, 'committee.read')))
    .orderBy('c.name')
    .limit(500)
    .execute();
}
export type CommitteeRow = Awaited<ReturnType<typeof listCommittees>>[number];

export function findVisibleCommittee(db: Db, user: SessionUser, id: string) {
  return db
    .selectFrom('committee as c')
    .select(COMMITTEE_FIELDS)
    .where('c.id', '=', id)
    .where(inSubtrees('c', grantedCommittees(user, 'committee.read')))
    .executeTakeFirst();
}

export async function insertCommittee(
  db: Db,
  values: { parentId: string; name: string; shortName: string | null; level: string; avoidanceYears?: number },
) {
  const row = await db
    .insertInto('committee')
    .values({
      parent_id: values.parentId,
      name: values.name,
      short_name: values.shortName,
      level: values.level,
      ...(values.avoidanceYears === undefined ? {} : { avoidance_years: values.avoidanceYears }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommittee(
  db: Db,
  id: string,
  values: { name?: string; short_name?: string | null; avoidance_years?: number },
) {
  await db.updateTable('committee').set(values).where('id', '=', id).execute();
}
