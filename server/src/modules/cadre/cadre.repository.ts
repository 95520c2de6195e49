// The talent pool (人才库). SQL only; every read goes through the user's committee scope.
import type { CadreFilter } from '@xuncha/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB } from '../../platform/schema.ts';
import { escapeLike } from '../org/org.repository.ts';

export const cadreScopeColumns = { committeeId: 'c.committee_id' };

type CadreFrom = SelectQueryBuilder<DB & { c: DB['cadre'] }, 'c', object>;

export function visibleCadres(db: Db, user: SessionUser): CadreFrom {
  return db.selectFrom('cadre as c').where(scopeWhere(user, 'cadre.read', cadreScopeColumns));
}

// Participation = a team membership the cadre has not withdrawn from; the round gives its dates.
const participationCount = sql<number>`(SELECT count(*) FROM team_member tm WHERE tm.cadre_id = c.id AND tm.left_at IS NULL)`;
const lastParticipation = sql<string | null>`(SELECT max(r.start_date) FROM team_member tm
  JOIN team t ON t.id = tm.team_id JOIN round r ON r.id = t.round_id
  WHERE tm.cadre_id = c.id AND tm.left_at IS NULL)`;
const lastRoundName = sql<string | null>`(SELECT r.name FROM team_member tm
  JOIN team t ON t.id = tm.team_id JOIN round r ON r.id = t.round_id
  WHERE tm.cadre_id = c.id AND tm.left_at IS NULL ORDER BY r.start_date DESC, r.id LIMIT 1)`;

function selectCadreFields(query: CadreFrom) {
  return query.select([
    'c.id',
    'c.committee_id as committeeId',
    'c.name',
    'c.gender',
    'c.birth_year as birthYear',
    'c.home_unit_id as homeUnitId',
    'c.home_unit_name as homeUnitName',
    'c.post',
    'c.rank',
    'c.phone',
    'c.skills',
    'c.active',
    'c.notes',
    participationCount.as('participationCount'),
    lastParticipation.as('lastParticipation'),
    lastRoundName.as('lastRoundName'),
    sql<number>`(SELECT count(*) FROM cadre_training x WHERE x.cadre_id = c.id)`.as('trainingCount'),
    sql<number>`(SELECT count(*) FROM cadre_commendation x WHERE x.cadre_id = c.id)`.as('commendationCount'),
  ]);
}
export type CadreRow = Awaited<ReturnType<ReturnType<typeof selectCadreFields>['executeTakeFirstOrThrow']>>;

/**
 * Free for the whole range: an available window covers it, no unavailable window overlaps it, and the
 * cadre sits on no team whose round overlaps it.
 */
function availableBetween(from: string, to: string) {
  return sql<boolean>`(
    EXISTS (SELECT 1 FROM cadre_availability a WHERE a.cadre_id = c.id AND a.available
            AND a.start_date <= ${from} AND a.end_date >= ${to})
    AND NOT EXISTS (SELECT 1 FROM cadre_availability a WHERE a.cadre_id = c.id AND NOT a.available
            AND a.start_date <= ${to} AND a.end_date >= ${from})
    AND NOT EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id JOIN round r ON r.id = t.round_id
            WHERE tm.cadre_id = c.id AND tm.left_at IS NULL AND r.start_date <= ${to} AND r.end_date >= ${from}))`;
}

/** Experience of a kind of unit: works in one now, or held a post in one. */
function experiencedIn(kind: string) {
  return sql<boolean>`(
    EXISTS (SELECT 1 FROM org_unit u WHERE u.id = c.home_unit_id AND u.kind = ${kind})
    OR EXISTS (SELECT 1 FROM cadre_past_post p JOIN org_unit u ON u.id = p.unit_id
               WHERE p.cadre_id = c.id AND u.kind = ${kind}))`;
}

function applyFilters(query: CadreFrom, filter: CadreFilter): CadreFrom {
  let q = query;
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('c.name', 'ilike', pattern), eb('c.post', 'ilike', pattern), eb('c.home_unit_name', 'ilike', pattern)]),
    );
  }
  if (filter.skills?.length) q = q.where(sql<boolean>`c.skills && ${sql.val(filter.skills)}::text[]`);
  if (filter.availableFrom && filter.availableTo)
    q = q.where(availableBetween(filter.availableFrom, filter.availableTo));
  if (filter.unitKind) q = q.where(experiencedIn(filter.unitKind));
  if (filter.active !== undefined) q = q.where('c.active', '=', filter.active);
  return q;
}

function sorted<Q extends ReturnType<typeof selectCadreFields>>(query: Q, sort: CadreFilter['sort']) {
  if (sort === '-participationCount')
    return query.orderBy(participationCount, 'desc').orderBy('c.name').orderBy('c.id');
  if (sort === '-lastParticipation')
    return query.orderBy(sql`${lastParticipation} DESC NULLS LAST`).orderBy('c.name').orderBy('c.id');
  return query.orderBy('c.name').orderBy('c.id');
}

export function listCadres(db: Db, user: SessionUser, filter: CadreFilter, window: { page: number; pageSize: number }) {
  const base = applyFilters(visibleCadres(db, user), filter);
  const { limit, offset } = pageWindow(window);
  return withTotal(
    sorted(selectCadreFields(base), filter.sort).limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One batch of the export: same filters and order as the list. */
export function cadreBatch(db: Db, user: SessionUser, filter: CadreFilter, offset: number, limit: number) {
  return sorted(selectCadreFields(applyFilters(visibleCadres(db, user), filter)), filter.sort)
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findCadre(db: Db, user: SessionUser, id: string) {
  return selectCadreFields(visibleCadres(db, user)).where('c.id', '=', id).executeTakeFirst();
}

export interface CadreValues {
  name: string;
  gender: string | null;
  birthYear: number | null;
  homeUnitId: string | null;
  homeUnitName: string;
  post: string;
  rank: string | null;
  phone: string | null;
  skills: string[];
  notes: string | null;
}

function columnsOf(v: CadreValues) {
  return {
    name: v.name,
    gender: v.gender,
    birth_year: v.birthYear,
    home_unit_id: v.homeUnitId,
    home_unit_name: v.homeUnitName,
    post: v.post,
    rank: v.rank,
    phone: v.phone,
    skills: v.skills,
    notes: v.notes,
  };
}

export async function insertCadre(db: Db, committeeId: string, values: CadreValues) {
  const row = await db
    .insertInto('cadre')
    .values({ committee_id: committeeId, ...columnsOf(values) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCadre(db: Db, id: string, values: CadreValues) {
  await db.updateTable('cadre').set(columnsOf(values)).where('id', '=', id).execute();
}

/** Conditional: 0 rows means the cadre was already in the requested state. */
export async function setActive(db: Db, id: string, active: boolean) {
  const result = await db
    .updateTable('cadre')
    .set({ active })
    .where('id', '=', id)
    .where('active', '=', !active)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Units of the committee among these ids (unscoped: the caller already checked the committee). */
export function unitsInCommittee(db: Db, committeeId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('committee_id', '=', committeeId)
    .where('id', 'in', ids)
    .execute();
}
