// 提级/交叉 from the linkage page: the upper committee's rounds and the lower committees' units to pick from, and
// the lower committee's list of inspections upper committees run in its area. SQL only.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';

/** The committee's latest rounds (most recent first) — a launch goes into a current or coming round. */
export async function recentRounds(db: Db, committeeId: string) {
  return db
    .selectFrom('round')
    .select(['id', 'name', 'start_date as startDate', 'end_date as endDate'])
    .where('committee_id', '=', committeeId)
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
}

/** Active committees strictly below, by depth and name (a province has a few hundred). */
export async function committeesBelow(db: Db, committeeId: string) {
  const rows = await sql<{ id: string; name: string; level: string }>`
    SELECT c.id, c.name, c.level FROM committee c JOIN committee u ON u.id = ${committeeId}
    WHERE c.path LIKE u.path || '%' AND c.id <> u.id AND c.active
    ORDER BY length(c.path), c.name, c.id LIMIT 1000`.execute(db);
  return rows.rows;
}

/** Active units of the committees below (or of one of them), by name; `q` matches within the name. */
export async function unitsBelow(
  db: Db,
  committeeId: string,
  filter: { lowerCommitteeId?: string; q?: string; page: number; pageSize: number },
) {
  const { limit, offset } = pageWindow(filter);
  const parts = [sql`c.path LIKE u0.path || '%'`, sql`c.id <> u0.id`, sql`o.active`];
  if (filter.lowerCommitteeId) parts.push(sql`c.id = ${filter.lowerCommitteeId}`);
  if (filter.q) parts.push(sql`o.name LIKE ${`%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const from = sql`FROM org_unit o JOIN committee c ON c.id = o.committee_id JOIN committee u0 ON u0.id = ${committeeId}
    WHERE ${sql.join(parts, sql` AND `)}`;
  const [rows, count] = await Promise.all([
    sql<{ id: string; name: string; kind: string; committeeId: string; committeeName: string }>`
      SELECT o.id, o.name, o.kind, c.id AS "committeeId", c.name AS "committeeName" ${from}
      ORDER BY c.name, o.sort_order, o.name, o.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n ${from}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** Inspections of units of this committee run by another (upper) committee: 上级在本地区开展的巡察. */
export async function upperInspections(db: Db, committeeId: string, req: { page: number; pageSize: number }) {
  const { limit, offset } = pageWindow(req);
  const where = sql`o.committee_id = ${committeeId} AND i.committee_id <> ${committeeId}`;
  const [rows, count] = await Promise.all([
    sql<{
      id: string;
      fromCommitteeName: string;
      roundName: string;
      unitName: string;
      type: string;
      phase: string;
      teamName: string | null;
      startDate: string;
      endDate: string;
    }>`SELECT i.id, c.name AS "fromCommitteeName", r.name AS "roundName", o.name AS "unitName", i.type, i.phase,
        coalesce(tm.name, i.team_name) AS "teamName", i.start_date AS "startDate", i.end_date AS "endDate"
      FROM inspection i JOIN org_unit o ON o.id = i.unit_id JOIN committee c ON c.id = i.committee_id
      JOIN round r ON r.id = i.round_id LEFT JOIN team tm ON tm.id = i.team_id
      WHERE ${where} ORDER BY i.start_date DESC, o.name, i.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM inspection i JOIN org_unit o ON o.id = i.unit_id
      WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** The committee a unit belongs to, or undefined. */
export function unitCommittee(db: Db, unitId: string) {
  return db
    .selectFrom('org_unit')
    .innerJoin('committee', 'committee.id', 'org_unit.committee_id')
    .select(['org_unit.committee_id as committeeId', 'org_unit.name', 'committee.name as committeeName'])
    .where('org_unit.id', '=', unitId)
    .executeTakeFirst();
}
