// Committees, org units and people. SQL only; every read is scoped.
import type { Permission, UnitListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

const unitColumns = { committeeId: 'u.committee_id', unitId: 'u.id' };

export function listCommittees(db: Db, user: SessionUser) {
  return db
    .selectFrom('committee')
    .select(['id', 'parent_id as parentId', 'name', 'level'])
    .where(scopeWhere(user, 'committee.read', { committeeId: 'committee.id' }))
    .orderBy('name')
    .limit(500)
    .execute();
}

export function findCommittee(db: Db, user: SessionUser, id: string, permission: Permission = 'committee.read') {
  return db
    .selectFrom('committee')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where(scopeWhere(user, permission, { committeeId: 'committee.id' }))
    .executeTakeFirst();
}

function unitQuery(db: Db, user: SessionUser) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .where(scopeWhere(user, 'unit.read', unitColumns));
}

const UNIT_FIELDS = [
  'u.id',
  'u.committee_id as committeeId',
  'u.parent_id as parentId',
  'p.name as parentName',
  'u.name',
  'u.kind',
  'u.head_name as headName',
  'u.active',
  'u.path',
] as const;

export async function listUnits(db: Db, user: SessionUser, query: z.output<typeof UnitListQuery>) {
  let base = unitQuery(db, user);
  if (query.committeeId) base = base.where('u.committee_id', '=', query.committeeId);
  if (query.kind) base = base.where('u.kind', '=', query.kind);
  if (query.q) base = base.where('u.name', 'like', `%${escapeLike(query.q)}%`);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(UNIT_FIELDS)
      // by name, each unit's children right after it (one level; deeper trees come with issue 4)
      .orderBy(sql`coalesce(p.name, u.name)`)
      .orderBy(sql`u.parent_id IS NOT NULL`)
      .orderBy('u.name')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findUnit(db: Db, user: SessionUser, id: string) {
  return unitQuery(db, user).select(UNIT_FIELDS).where('u.id', '=', id).executeTakeFirst();
}

/** Unscoped lookup for writes that already checked the committee. */
export function findUnitInCommittee(db: Db, committeeId: string, id: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', id)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

export async function insertUnit(
  db: Db,
  unit: {
    id: string;
    committeeId: string;
    parentId: string | null;
    path: string;
    name: string;
    kind: string;
    headName: string | null;
  },
) {
  await db
    .insertInto('org_unit')
    .values({
      id: unit.id,
      committee_id: unit.committeeId,
      parent_id: unit.parentId,
      path: unit.path,
      name: unit.name,
      kind: unit.kind,
      head_name: unit.headName,
    })
    .execute();
}

export function peopleOfUnitTree(db: Db, unitPath: string) {
  return db
    .selectFrom('app_user as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.display_name as displayName', 'a.unit_id as unitId'])
    .where('u.path', 'like', `${unitPath}%`)
    .where('a.active', '=', true)
    .orderBy('a.display_name')
    .limit(500)
    .execute();
}

/** Committee staff who may serve on inspection teams: never the 三员, who must not see case content. */
export function peopleOfCommittee(db: Db, committeeId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name as displayName', 'unit_id as unitId'])
    .where('committee_id', '=', committeeId)
    .where('unit_id', 'is', null)
    .where('active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('user_role')
            .select('user_role.id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role_code', 'in', ['sysadmin', 'secadmin', 'auditor']),
        ),
      ),
    )
    .orderBy('display_name')
    .limit(500)
    .execute();
}

/** LIKE treats % and _ as wildcards; a user's keyword is literal text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
