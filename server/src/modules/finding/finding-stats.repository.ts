// Counts of an inspection's findings per classification, grouped in SQL over the findings the user may
// see: a unit user counts only what it may read. SQL only.
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { visibleFindings } from './finding.repository.ts';

function findingsOf(db: Db, user: SessionUser, inspectionId: string) {
  return visibleFindings(db, user).where('f.inspection_id', '=', inspectionId);
}

/** One pass with GROUPING SETS: a row per (dimension, code), plus the flag totals and the grand total. */
export function groupedCounts(db: Db, user: SessionUser, inspectionId: string) {
  const rows = findingsOf(db, user, inspectionId).select([
    'f.aspect as aspect',
    'f.discipline as discipline',
    'f.major_problem as majorProblem',
    'f.focus as focus',
    'f.power_type as powerType',
  ]);
  return db
    .selectFrom(rows.as('s'))
    .select([
      sql<string>`CASE WHEN grouping(s.aspect) = 0 THEN 'aspect' WHEN grouping(s.discipline) = 0 THEN 'discipline'
        WHEN grouping(s."majorProblem") = 0 THEN 'majorProblem' WHEN grouping(s.focus) = 0 THEN 'focus'
        WHEN grouping(s."powerType") = 0 THEN 'powerType' ELSE 'total' END`.as('dimension'),
      sql<string | null>`coalesce(s.aspect, s.discipline, s."majorProblem", s.focus, s."powerType")`.as('code'),
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy(sql`GROUPING SETS ((s.aspect), (s.discipline), (s."majorProblem"), (s.focus), (s."powerType"), ())`)
    .execute();
}

export function flagCounts(db: Db, user: SessionUser, inspectionId: string) {
  return findingsOf(db, user, inspectionId)
    .select([
      sql<number>`count(*) FILTER (WHERE f.is_common)`.as('common'),
      sql<number>`count(*) FILTER (WHERE f.eight_rules)`.as('eightRules'),
      sql<number>`count(*) FILTER (WHERE f.immediate)`.as('immediate'),
    ])
    .executeTakeFirstOrThrow();
}

export function areaCounts(db: Db, user: SessionUser, inspectionId: string) {
  return db
    .selectFrom(findingsOf(db, user, inspectionId).select(sql<string>`unnest(f.areas)`.as('code')).as('a'))
    .select(['a.code', sql<number>`count(*)`.as('n')])
    .groupBy('a.code')
    .orderBy('n', 'desc')
    .orderBy('a.code')
    .execute();
}
