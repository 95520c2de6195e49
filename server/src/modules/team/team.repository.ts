// Teams and their members: SQL only. Reads of teams are scoped by team.read on the committee.
import { type TeamListQuery, THREE_ADMIN_ROLES } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';

/** 第一、第二 … 第十二巡察组 in numeric order: plain text order would put 第三 before 第二. */
export const teamNameOrder = sql`translate(t.name, '一二三四五六七八九十', '123456789X')`;

function visibleTeams(db: Db, user: SessionUser) {
  return db
    .selectFrom('team as t')
    .innerJoin('round as r', 'r.id', 't.round_id')
    .where(scopeWhere(user, 'team.read', { committeeId: 't.committee_id' }));
}

const TEAM_FIELDS = [
  't.id',
  't.committee_id as committeeId',
  't.round_id as roundId',
  'r.name as roundName',
  't.name',
  sql<string | null>`(SELECT c.name FROM team_member m JOIN cadre c ON c.id = m.cadre_id
    WHERE m.team_id = t.id AND m.post = 'leader' AND m.left_at IS NULL LIMIT 1)`.as('leaderName'),
  sql<number>`(SELECT count(*) FROM team_member m WHERE m.team_id = t.id AND m.left_at IS NULL)`.as('memberCount'),
  sql<number>`(SELECT count(*) FROM inspection i WHERE i.team_id = t.id)`.as('targetCount'),
] as const;

export async function listTeams(db: Db, user: SessionUser, query: z.output<typeof TeamListQuery>) {
  let base = visibleTeams(db, user);
  if (query.roundId) base = base.where('t.round_id', '=', query.roundId);
  if (query.name) base = base.where('t.name', 'like', `%${escapeLike(query.name)}%`);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(TEAM_FIELDS)
      .orderBy('r.start_date', 'desc')
      .orderBy(teamNameOrder)
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findTeam(db: Db, user: SessionUser, id: string) {
  return visibleTeams(db, user)
    .select([...TEAM_FIELDS, 'r.start_date as roundStart', 'r.end_date as roundEnd'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** A team by id, unscoped: the caller has already loaded the round it must belong to. */
export function teamById(db: Db, id: string) {
  return db
    .selectFrom('team')
    .select(['id', 'round_id as roundId', 'committee_id as committeeId', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTeam(db: Db, team: { committeeId: string; roundId: string; name: string }) {
  const row = await db
    .insertInto('team')
    .values({ committee_id: team.committeeId, round_id: team.roundId, name: team.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function renameTeam(db: Db, id: string, name: string) {
  return db.updateTable('team').set({ name }).where('id', '=', id).execute();
}

const POST_ORDER = sql`CASE m.post WHEN 'leader' THEN 1 WHEN 'deputy_leader' THEN 2 WHEN 'member' THEN 3 ELSE 4 END`;

/** Everyone who was ever on the team (history kept), current members first; a team has a few dozen at most. */
export function teamMembers(db: Db, teamId: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select([
      'm.id',
      'm.cadre_id as cadreId',
      'c.name as cadreName',
      'c.home_unit_name as homeUnitName',
      'm.post',
      'm.is_branch_secretary as isBranchSecretary',
      'm.pledged_at as pledgedAt',
      'm.avoidance_override_reason as overrideReason',
      'm.joined_at as joinedAt',
      'm.left_at as leftAt',
    ])
    .where('m.team_id', '=', teamId)
    .orderBy(sql`m.left_at IS NOT NULL`)
    .orderBy(POST_ORDER)
    .orderBy('m.joined_at')
    .limit(200)
    .execute();
}

/** The team's targets (一托N: up to a few hundred villages). */
export function teamTargets(db: Db, teamId: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.unit_id as unitId', 'u.name as unitName', 'i.type', 'i.phase'])
    .where('i.team_id', '=', teamId)
    .orderBy('u.name')
    .limit(500)
    .execute();
}

export function activeMembers(db: Db, teamId: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select([
      'm.id',
      'm.cadre_id as cadreId',
      'c.user_id as userId',
      'm.post',
      'm.is_branch_secretary as isBranchSecretary',
      'm.pledged_at as pledgedAt',
    ])
    .where('m.team_id', '=', teamId)
    .where('m.left_at', 'is', null)
    .execute();
}

/** Unit ids of the team's targets, and whether any is 交叉 (the cross-area rule then applies to all). */
export async function targetUnitsOf(db: Db, teamId: string) {
  const rows = await db.selectFrom('inspection').select(['unit_id', 'type']).where('team_id', '=', teamId).execute();
  return { unitIds: rows.map((r) => r.unit_id), cross: rows.some((r) => r.type === 'cross') };
}

export function cadreOfCommittee(db: Db, committeeId: string, cadreId: string) {
  return db
    .selectFrom('cadre')
    .select(['id', 'name', 'active', 'user_id as userId'])
    .where('id', '=', cadreId)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

/** Another current membership of the cadre in a team whose round overlaps these dates. */
export function overlappingMembership(db: Db, cadreId: string, teamId: string, start: string, end: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('round as r', 'r.id', 't.round_id')
    .select(['t.name as teamName', 'r.name as roundName'])
    .where('m.cadre_id', '=', cadreId)
    .where('m.team_id', '!=', teamId)
    .where('m.left_at', 'is', null)
    .where('r.start_date', '<=', end)
    .where('r.end_date', '>=', start)
    .executeTakeFirst();
}

export async function insertMember(
  db: Db,
  member: {
    teamId: string;
    cadreId: string;
    post: string;
    isBranchSecretary: boolean;
    override: { reason: string; by: string } | null;
  },
) {
  const row = await db
    .insertInto('team_member')
    .values({
      team_id: member.teamId,
      cadre_id: member.cadreId,
      post: member.post,
      is_branch_secretary: member.isBranchSecretary,
      avoidance_override_reason: member.override?.reason ?? null,
      avoidance_overridden_by: member.override?.by ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A membership with what leaving and pledging need: its team and the cadre's login. */
export function memberById(db: Db, id: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select([
      'm.id',
      'm.team_id as teamId',
      't.committee_id as committeeId',
      'm.cadre_id as cadreId',
      'c.user_id as userId',
      'm.post',
      'm.pledged_at as pledgedAt',
      'm.left_at as leftAt',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function markLeft(db: Db, id: string, at: string) {
  const result = await db
    .updateTable('team_member')
    .set({ left_at: at, is_branch_secretary: false })
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markPledged(db: Db, id: string, at: string) {
  const result = await db
    .updateTable('team_member')
    .set({ pledged_at: at })
    .where('id', '=', id)
    .where('pledged_at', 'is', null)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The caller's current memberships through their cadre record, with the names of the team's targets. */
export function membershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('round as r', 'r.id', 't.round_id')
    .select([
      'm.id',
      'm.team_id as teamId',
      't.name as teamName',
      'r.name as roundName',
      'm.post',
      'm.pledged_at as pledgedAt',
      sql<string[]>`coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM inspection i
        JOIN org_unit u ON u.id = i.unit_id WHERE i.team_id = t.id), '{}')`.as('targetNames'),
    ])
    .where('c.user_id', '=', userId)
    .where('m.left_at', 'is', null)
    .orderBy('r.start_date', 'desc')
    .limit(50)
    .execute();
}

/** 三员分立: the system, security and audit administrators never sit on an inspection team. */
export async function isThreeAdmin(db: Db, userId: string | null) {
  if (!userId) return false;
  const row = await db
    .selectFrom('user_role')
    .select('id')
    .where('user_id', '=', userId)
    .where('role_code', 'in', THREE_ADMIN_ROLES)
    .executeTakeFirst();
  return row !== undefined;
}
