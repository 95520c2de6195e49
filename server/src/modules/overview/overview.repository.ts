// 巡察工作总览: SQL only, for what no other module counts: the term plan, the current rounds and 问责. The
// coverage, findings, rectification, handover and outcome figures are the statements of 届内规划 and 统计分析
// themselves (overview.service.ts), so the overview can never disagree with the pages it links to.
import { OVERVIEW_INSPECTIONS_SHOWN } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { inspectionConditions, type ResolvedFilter } from '../analytics/analytics.filter.ts';

export async function committeeName(db: Db, committeeId: string): Promise<string> {
  const row = await db.selectFrom('committee').select('name').where('id', '=', committeeId).executeTakeFirstOrThrow();
  return row.name;
}

export interface TermPlanRow {
  id: string;
  committeeId: string;
  name: string;
  startDate: string;
  endDate: string;
}

/** The given plan, or the committee's plan running today, or its latest one; null when it has none. */
export async function termPlanOf(
  db: Db,
  committeeId: string,
  termPlanId: string | undefined,
  today: string,
): Promise<TermPlanRow | null> {
  let query = db
    .selectFrom('term_plan')
    .select(['id', 'committee_id as committeeId', 'name', 'start_date as startDate', 'end_date as endDate'])
    .where('committee_id', '=', committeeId);
  if (termPlanId) query = query.where('id', '=', termPlanId);
  const row = await query
    .orderBy(sql`(start_date <= ${today}::date AND end_date >= ${today}::date)`, 'desc')
    .orderBy('start_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, startDate: String(row.startDate), endDate: String(row.endDate) } : null;
}

export interface RoundRow {
  round_id: string;
  name: string;
  start_date: string;
  end_date: string;
  inspection_count: number;
  by_phase: { phase: string; count: number }[];
  inspections: { inspectionId: string; unitName: string; type: string; phase: string; teamName: string | null }[];
}

/**
 * The current rounds: those whose period contains today, or else the latest one started. Per round the
 * inspections counted by phase and the first few listed (a village round may hold a hundred inspections).
 */
export async function currentRounds(db: Db, committeeId: string, today: string): Promise<RoundRow[]> {
  const { rows } = await sql<RoundRow>`
    WITH started AS (
      SELECT r.*, (r.end_date >= ${today}::date) AS running FROM round r
      WHERE r.committee_id = ${committeeId} AND r.start_date <= ${today}::date
    ),
    cur AS (
      SELECT * FROM started WHERE running
      UNION ALL
      (SELECT * FROM started WHERE NOT EXISTS (SELECT 1 FROM started WHERE running)
        ORDER BY start_date DESC, seq DESC LIMIT 1)
    )
    SELECT cur.id AS round_id, cur.name, cur.start_date, cur.end_date,
      (SELECT count(*)::int FROM inspection i WHERE i.round_id = cur.id) AS inspection_count,
      coalesce((SELECT json_agg(json_build_object('phase', p.phase, 'count', p.n))
        FROM (SELECT i.phase, count(*)::int AS n FROM inspection i WHERE i.round_id = cur.id GROUP BY i.phase) p),
        '[]'::json) AS by_phase,
      coalesce((SELECT json_agg(json_build_object('inspectionId', l.id, 'unitName', l.unit_name, 'type', l.type,
          'phase', l.phase, 'teamName', l.team_name) ORDER BY l.start_date, l.unit_name, l.id)
        FROM (SELECT i.id, u.name AS unit_name, i.type, i.phase, i.team_name, i.start_date
          FROM inspection i JOIN org_unit u ON u.id = i.unit_id WHERE i.round_id = cur.id
          ORDER BY i.start_date, u.name, i.id LIMIT ${OVERVIEW_INSPECTIONS_SHOWN}::int) l), '[]'::json) AS inspections
    FROM cur ORDER BY cur.start_date DESC, cur.seq DESC LIMIT 3`.execute(db);
  return rows.map((r) => ({ ...r, start_date: String(r.start_date), end_date: String(r.end_date) }));
}

/** 问责 of the filter's inspections: decided cases, and proposals still awaiting a decision. */
export async function accountabilityCounts(db: Db, f: ResolvedFilter): Promise<{ decided: number; proposed: number }> {
  const { rows } = await sql<{ decided: number; proposed: number }>`
    SELECT (count(*) FILTER (WHERE ac.status = 'decided'))::int AS decided,
      (count(*) FILTER (WHERE ac.status = 'proposed'))::int AS proposed
    FROM accountability ac JOIN rectification r ON r.id = ac.rectification_id
    JOIN inspection i ON i.id = r.inspection_id JOIN org_unit u ON u.id = i.unit_id
    WHERE ac.committee_id = ${f.committeeId} AND ${inspectionConditions(f)}`.execute(db);
  return rows[0] ?? { decided: 0, proposed: 0 };
}
