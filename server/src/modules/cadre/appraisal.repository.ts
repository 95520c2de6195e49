// 综合鉴定: one appraisal per cadre and team, after the team has reported. SQL only, scoped through the cadre.

import type { AppraisalFilter } from '@xuncha/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB } from '../../platform/schema.ts';
import { escapeLike } from '../org/org.repository.ts';
import { cadreScopeColumns } from './cadre.repository.ts';

/** Phases from which the team has reported on at least one unit, so its members can be appraised. */
export const REPORTED_PHASES = ['reporting', 'feedback', 'rectifying', 'evaluating', 'archived'];

type Filter = z.output<typeof AppraisalFilter>;
type AppraisalFrom = SelectQueryBuilder<
  DB & { a: DB['cadre_appraisal']; c: DB['cadre']; t: DB['team']; r: DB['round']; u: DB['app_user'] },
  'a' | 'c' | 't' | 'r' | 'u',
  object
>;

function visibleAppraisals(db: Db, user: SessionUser): AppraisalFrom {
  return db
    .selectFrom('cadre_appraisal as a')
    .innerJoin('cadre as c', 'c.id', 'a.cadre_id')
    .innerJoin('team as t', 't.id', 'a.team_id')
    .innerJoin('round as r', 'r.id', 't.round_id')
    .innerJoin('app_user as u', 'u.id', 'a.appraised_by')
    .where(scopeWhere(user, 'cadre.read', cadreScopeColumns));
}

function selectFields(query: AppraisalFrom) {
  return query.select([
    'a.id',
    'a.cadre_id as cadreId',
    'c.name as cadreName',
    'c.home_unit_name as homeUnitName',
    'a.team_id as teamId',
    't.name as teamName',
    'r.name as roundName',
    'a.grade',
    'a.comment',
    'u.display_name as appraisedByName',
    'a.appraised_on as appraisedOn',
  ]);
}
export type AppraisalRow = Awaited<ReturnType<ReturnType<typeof selectFields>['executeTakeFirstOrThrow']>>;

function applyFilters(query: AppraisalFrom, filter: Filter): AppraisalFrom {
  let q = query;
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', pattern), eb('c.home_unit_name', 'ilike', pattern)]));
  }
  if (filter.grade) q = q.where('a.grade', '=', filter.grade);
  if (filter.roundId) q = q.where('t.round_id', '=', filter.roundId);
  return q;
}

const ordered = (query: ReturnType<typeof selectFields>) =>
  query.orderBy('r.start_date', 'desc').orderBy('t.name').orderBy('c.name').orderBy('a.id');

export function listAppraisals(db: Db, user: SessionUser, filter: Filter, window: { page: number; pageSize: number }) {
  const base = applyFilters(visibleAppraisals(db, user), filter);
  const { limit, offset } = pageWindow(window);
  return withTotal(
    ordered(selectFields(base)).limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function appraisalBatch(db: Db, user: SessionUser, filter: Filter, offset: number, limit: number) {
  return ordered(selectFields(applyFilters(visibleAppraisals(db, user), filter)))
    .limit(limit)
    .offset(offset)
    .execute();
}

export function appraisalsOfCadre(db: Db, user: SessionUser, cadreId: string) {
  return ordered(selectFields(visibleAppraisals(db, user)).where('a.cadre_id', '=', cadreId)).execute();
}

export function findAppraisal(db: Db, user: SessionUser, id: string) {
  return selectFields(visibleAppraisals(db, user)).where('a.id', '=', id).executeTakeFirst();
}

/** The cadre's membership of the team (withdrawn members served too little to be appraised) and its progress. */
export function membershipForAppraisal(db: Db, committeeId: string, teamId: string, cadreId: string) {
  return db
    .selectFrom('team as t')
    .leftJoin('team_member as tm', (join) =>
      join.onRef('tm.team_id', '=', 't.id').on('tm.cadre_id', '=', cadreId).on('tm.left_at', 'is', null),
    )
    .where('t.id', '=', teamId)
    .where('t.committee_id', '=', committeeId)
    .select([
      't.id',
      't.name',
      'tm.id as memberId',
      sql<boolean>`EXISTS (SELECT 1 FROM inspection i WHERE i.team_id = t.id AND i.phase IN (${sql.join(REPORTED_PHASES)}))`.as(
        'reported',
      ),
      sql<boolean>`EXISTS (SELECT 1 FROM cadre_appraisal a WHERE a.team_id = t.id AND a.cadre_id = ${cadreId})`.as(
        'appraised',
      ),
    ])
    .executeTakeFirst();
}

export async function insertAppraisal(
  db: Db,
  values: { cadreId: string; teamId: string; grade: string; comment: string; by: string; on: string },
) {
  const row = await db
    .insertInto('cadre_appraisal')
    .values({
      cadre_id: values.cadreId,
      team_id: values.teamId,
      grade: values.grade,
      comment: values.comment,
      appraised_by: values.by,
      appraised_on: values.on,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
