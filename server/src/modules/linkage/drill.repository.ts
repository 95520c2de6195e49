// Drill-down into one lower committee (linkage.drill): its inspections and its findings, paged. SQL only; the
// caller has already checked that the committee lies below one where it may drill. A finding labelled 敏感
// shows its taxonomy but not its title, and no finding's facts or any clue ever leave through here.
import type { LinkageFindingQuery, LinkageInspectionQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';

export async function committeeInspections(db: Db, committeeId: string, query: LinkageInspectionQuery) {
  const { limit, offset } = pageWindow(query);
  const conditions = [sql`i.committee_id = ${committeeId}`];
  if (query.roundId) conditions.push(sql`i.round_id = ${query.roundId}`);
  const where = sql.join(conditions, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<{
      id: string;
      roundId: string;
      roundName: string;
      unitName: string;
      type: string;
      phase: string;
      teamName: string | null;
      startDate: string;
      endDate: string;
      findings: number;
    }>`
      SELECT i.id, i.round_id AS "roundId", r.name AS "roundName", u.name AS "unitName", i.type, i.phase,
        coalesce(tm.name, i.team_name) AS "teamName", i.start_date AS "startDate", i.end_date AS "endDate",
        (SELECT count(*)::int FROM finding f WHERE f.inspection_id = i.id AND f.status = 'fed_back') AS findings
      FROM inspection i JOIN round r ON r.id = i.round_id JOIN org_unit u ON u.id = i.unit_id
      LEFT JOIN team tm ON tm.id = i.team_id
      WHERE ${where}
      ORDER BY i.start_date DESC, u.name, i.id
      LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM inspection i WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export async function committeeFindings(db: Db, committeeId: string, query: LinkageFindingQuery) {
  const { limit, offset } = pageWindow(query);
  // fed-back findings only: a draft is still the team's working text
  const conditions = [sql`f.committee_id = ${committeeId}`, sql`f.status = 'fed_back'`];
  if (query.aspect) conditions.push(sql`f.aspect = ${query.aspect}`);
  if (query.inspectionId) conditions.push(sql`f.inspection_id = ${query.inspectionId}`);
  const where = sql.join(conditions, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<{
      id: string;
      inspectionId: string;
      unitName: string;
      seq: number;
      title: string | null;
      sensitive: boolean;
      aspect: string;
      discipline: string | null;
      majorProblem: string | null;
      powerType: string | null;
      areas: string[];
      status: string;
      tasks: number;
      tasksClosed: number;
    }>`
      SELECT f.id, f.inspection_id AS "inspectionId", u.name AS "unitName", f.seq,
        CASE WHEN f.sensitivity = 'sensitive' THEN NULL ELSE f.title END AS title,
        f.sensitivity = 'sensitive' AS sensitive, f.aspect, f.discipline, f.major_problem AS "majorProblem",
        f.power_type AS "powerType", f.areas, f.status,
        coalesce(s.tasks, 0)::int AS tasks, coalesce(s.closed, 0)::int AS "tasksClosed"
      FROM finding f JOIN org_unit u ON u.id = f.unit_id JOIN inspection i ON i.id = f.inspection_id
      LEFT JOIN LATERAL (SELECT count(*) AS tasks, count(*) FILTER (WHERE t.status = 'closed') AS closed
        FROM task t WHERE t.finding_id = f.id) s ON true
      WHERE ${where}
      ORDER BY i.start_date DESC, u.name, f.seq, f.id
      LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM finding f WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}
