import type { RoundListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { teamNameOrder } from '../team/team.repository.ts';

function visibleRounds(db: Db, user: SessionUser) {
  return db.selectFrom('round as r').where(scopeWhere(user, 'round.read', { committeeId: 'r.committee_id' }));
}

const ROUND_FIELDS = [
  'r.id',
  'r.committee_id as committeeId',
  'r.name',
  'r.year',
  'r.seq',
  'r.start_date as startDate',
  'r.end_date as endDate',
  'r.mobilised_on as mobilisedOn',
  sql<number>`(SELECT count(*) FROM inspection i WHERE i.round_id = r.id)`.as('inspectionCount'),
  sql<number>`(SELECT count(*) FROM team t WHERE t.round_id = r.id)`.as('teamCount'),
] as const;

export async function listRounds(db: Db, user: SessionUser, query: z.output<typeof RoundListQuery>) {
  let base = visibleRounds(db, user);
  if (query.committeeId) base = base.where('r.committee_id', '=', query.committeeId);
  if (query.year) base = base.where('r.year', '=', query.year);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base.select(ROUND_FIELDS).orderBy('r.year', 'desc').orderBy('r.seq', 'desc').limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findRound(db: Db, user: SessionUser, id: string) {
  return visibleRounds(db, user).select(ROUND_FIELDS).where('r.id', '=', id).executeTakeFirst();
}

export function roundExists(db: Db, committeeId: string, year: number, seq: number) {
  return db
    .selectFrom('round')
    .select('id')
    .where('committee_id', '=', committeeId)
    .where('year', '=', year)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export async function insertRound(
  db: Db,
  round: {
    committeeId: string;
    name: string;
    year: number;
    seq: number;
    startDate: string;
    endDate: string;
    mobilisedOn?: string | undefined;
  },
) {
  const row = await db
    .insertInto('round')
    .values({
      committee_id: round.committeeId,
      name: round.name,
      year: round.year,
      seq: round.seq,
      start_date: round.startDate,
      end_date: round.endDate,
      mobilised_on: round.mobilisedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateRound(
  db: Db,
  id: string,
  values: { name: string; startDate: string; endDate: string; mobilisedOn: string | null },
) {
  return db
    .updateTable('round')
    .set({
      name: values.name,
      start_date: values.startDate,
      end_date: values.endDate,
      mobilised_on: values.mobilisedOn,
    })
    .where('id', '=', id)
    .execute();
}

/** An inspection of the round already on site (进驻 or later) whose dates fall outside these. */
export function startedInspectionOutside(db: Db, roundId: string, start: string, end: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select('u.name as unitName')
    .where('i.round_id', '=', roundId)
    .where('i.phase', '!=', 'preparing')
    .where((eb) => eb.or([eb('i.start_date', '<', start), eb('i.end_date', '>', end)]))
    .executeTakeFirst();
}

/** The committee's latest round: the pattern the next round's name follows. */
export function latestRound(db: Db, committeeId: string) {
  return db
    .selectFrom('round')
    .select(['name', 'year', 'seq'])
    .where('committee_id', '=', committeeId)
    .orderBy('year', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function roundTeams(db: Db, roundId: string) {
  return db
    .selectFrom('team as t')
    .select([
      't.id',
      't.name',
      sql<number>`(SELECT count(*) FROM team_member m WHERE m.team_id = t.id AND m.left_at IS NULL)`.as('memberCount'),
    ])
    .where('t.round_id', '=', roundId)
    .orderBy(teamNameOrder)
    .limit(100)
    .execute();
}

/** Targets of the round; a county round has a few hundred at most (一托N villages included). */
export function roundTargets(db: Db, roundId: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .leftJoin('team as t', 't.id', 'i.team_id')
    .select([
      'i.id',
      'i.unit_id as unitId',
      'u.name as unitName',
      'i.type',
      'i.phase',
      'i.team_id as teamId',
      sql<string | null>`coalesce(t.name, i.team_name)`.as('teamName'),
    ])
    .where('i.round_id', '=', roundId)
    .orderBy('t.name')
    .orderBy('u.name')
    .limit(500)
    .execute();
}

/** Current members of the round's teams, for the 巡察工作方案 (a team has about ten). */
export function roundMembers(db: Db, roundId: string) {
  return db
    .selectFrom('team_member as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select([
      'm.team_id as teamId',
      'c.name',
      'm.post',
      sql<string>`c.home_unit_name || c.post`.as('position'),
      'm.is_branch_secretary as isBranchSecretary',
    ])
    .where('t.round_id', '=', roundId)
    .where('m.left_at', 'is', null)
    .orderBy('m.joined_at')
    .orderBy('c.name')
    .limit(2000)
    .execute();
}

/** Targets with their dates and the contacts of their 巡察公告 (if filled in), for the 巡察工作方案. */
export function roundTargetSchedule(db: Db, roundId: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .leftJoin('announcement as a', 'a.inspection_id', 'i.id')
    .select([
      'i.team_id as teamId',
      'i.team_name as legacyTeamName',
      'u.name as unitName',
      'i.type',
      'i.start_date as startDate',
      'i.end_date as endDate',
      'a.phone',
      'a.mailbox',
    ])
    .where('i.round_id', '=', roundId)
    .orderBy('i.start_date')
    .orderBy('u.name')
    .limit(500)
    .execute();
}
