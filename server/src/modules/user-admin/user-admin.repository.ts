// User accounts and their grants, as the 系统管理员 and 安全管理员 see them. SQL only.
import type { AdminUserQuery, Permission, UserGrantView } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

const userScope = (user: SessionUser, permission: Permission) =>
  scopeWhere(user, permission, { committeeId: 'a.committee_id', unitId: 'a.unit_id' });

/** The account's grants with the names of their scopes, as one JSON array. */
const grantsJson = sql<UserGrantView[]>`coalesce((
  SELECT json_agg(json_build_object(
    'id', ur.id, 'role', ur.role_code, 'scopeKind', ur.scope_kind, 'scopeId', ur.scope_id,
    'scopeName', coalesce(gc.name, gu.name, gi.team_name)
  ) ORDER BY ur.role_code, ur.granted_at)
  FROM user_role ur
  LEFT JOIN committee gc ON gc.id = ur.scope_id AND ur.scope_kind = 'committee'
  LEFT JOIN org_unit gu ON gu.id = ur.scope_id AND ur.scope_kind = 'unit'
  LEFT JOIN inspection gi ON gi.id = ur.scope_id AND ur.scope_kind = 'inspection'
  WHERE ur.user_id = a.id), '[]'::json)`;

function accounts(db: Db, now: Date) {
  return db
    .selectFrom('app_user as a')
    .leftJoin('committee as c', 'c.id', 'a.committee_id')
    .leftJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.username',
      'a.display_name as displayName',
      'a.committee_id as committeeId',
      'c.name as committeeName',
      'a.unit_id as unitId',
      'u.name as unitName',
      'a.active',
      'a.must_change_password as mustChangePassword',
      sql<boolean>`EXISTS (SELECT 1 FROM login_lock l
        WHERE l.kind = 'account' AND l.key = a.username AND l.locked_until > ${now.toISOString()})`.as('locked'),
      'a.last_login_at as lastLoginAt',
      'a.created_at as createdAt',
      grantsJson.as('grants'),
    ]);
}
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

function filtered(user: SessionUser, query: Omit<AdminUserQuery, 'page' | 'pageSize'>): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [userScope(user, 'user.read')];
  if (query.committeeId) where.push(sql<SqlBool>`a.committee_id = ${query.committeeId}`);
  if (query.unitId)
    where.push(sql<SqlBool>`a.unit_id IN (SELECT d.id FROM org_unit d, org_unit p
      WHERE p.id = ${query.unitId} AND d.path LIKE p.path || '%')`);
  if (query.role)
    where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = a.id AND r.role_code = ${query.role})`);
  if (query.active !== undefined) where.push(sql<SqlBool>`a.active = ${query.active}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql<SqlBool>`(a.username ILIKE ${like} OR a.display_name ILIKE ${like})`);
  }
  return where;
}

export async function listAccounts(
  db: Db,
  user: SessionUser,
  query: Omit<AdminUserQuery, 'page' | 'pageSize'>,
  window: { limit: number; offset: number },
  now: Date,
) {
  const where = filtered(user, query);
  const [items, count] = await Promise.all([
    accounts(db, now)
      .where((eb) => eb.and(where))
      .orderBy('a.username')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('app_user as a')
      .select(sql<number>`count(*)`.as('n'))
      .where((eb) => eb.and(where))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One account within the user's `permission` scope; undefined → 404. */
export function findAccount(db: Db, user: SessionUser, id: string, permission: Permission, now: Date) {
  return accounts(db, now).where('a.id', '=', id).where(userScope(user, permission)).executeTakeFirst();
}

export function usernameTaken(db: Db, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertAccount(
  db: Db,
  values: { username: string; display_name: string; committee_id: string; unit_id: string | null },
): Promise<string> {
  // '!' is no argon2id hash: nobody can log in until setPassword stores the initial password
  const row = await db
    .insertInto('app_user')
    .values({ ...values, password_hash: '!' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccount(db: Db, id: string, values: { display_name: string; unit_id: string | null }) {
  await db.updateTable('app_user').set(values).where('id', '=', id).execute();
}

/** Conditional: false when the account already is in that state (→ 409). */
export async function setActive(db: Db, id: string, active: boolean): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ active })
    .where('id', '=', id)
    .where('active', '=', !active)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function endSessions(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('session')
    .set({ ended_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Ends an account lock by moving its end to now rather than deleting it: failures before locked_until
 * no longer count (auth lockout rule), so the unlocked user starts with a clean slate.
 */
export async function unlockAccount(db: Db, username: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('login_lock')
    .set({ locked_until: now.toISOString() })
    .where('kind', '=', 'account')
    .where('key', '=', username)
    .where('locked_until', '>', now.toISOString())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ── grants ───────────────────────────────────────────────────────────────────────────────
export function rolesHeld(db: Db, userId: string) {
  return db.selectFrom('user_role').select('role_code').where('user_id', '=', userId).execute();
}

export function findGrant(db: Db, userId: string, grantId: string) {
  return db
    .selectFrom('user_role')
    .select(['id', 'role_code as role', 'scope_kind as scopeKind', 'scope_id as scopeId'])
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertGrant(
  db: Db,
  values: { user_id: string; role_code: string; scope_kind: string; scope_id: string | null },
): Promise<string> {
  const row = await db.insertInto('user_role').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGrant(db: Db, grantId: string): Promise<boolean> {
  const result = await db.deleteFrom('user_role').where('id', '=', grantId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function roleScopeKinds(db: Db, role: string) {
  return db.selectFrom('role').select('scope_kinds as scopeKinds').where('code', '=', role).executeTakeFirst();
}

/** The committee a scope belongs to (unit, inspection or the committee itself); undefined → no such scope. */
export async function committeeOfScope(db: Db, kind: 'committee' | 'unit' | 'inspection', id: string) {
  const table = { committee: 'committee', unit: 'org_unit', inspection: 'inspection' }[kind];
  const column = kind === 'committee' ? 'id' : 'committee_id';
  const row = await sql<{ committeeId: string }>`SELECT ${sql.ref(column)} AS "committeeId"
    FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  return row.rows[0]?.committeeId;
}
