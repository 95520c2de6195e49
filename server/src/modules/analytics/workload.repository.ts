// 工作量: SQL only. The filter's inspections that have a team, each with its counts of findings, clues (the
// number only: no clue column is read) and fieldwork records by the (inspection_id …) indexes; then summed per
// team and per cadre (team_member). A team's 在驻天数 is its first 进驻 to its last 撤离, inclusive: in a 一托N
// round one team covers many units over the same days, so the inspections' own days are not added up.

import type { WorkloadInspectionQuery, WorkloadQuery } from '@xuncha/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';
import { inspectionConditions, type ResolvedFilter } from './analytics.filter.ts';

type Page = { page: number; pageSize: number };

/** `ic`: the selected inspections with their counts; `pt`: the same per team (MATERIALIZED: read twice). */
function inspectionCounts(f: ResolvedFilter) {
  return sql`
    ic AS MATERIALIZED (
      SELECT i.id, i.team_id, i.round_id, i.unit_id, u.name AS unit_name, u.kind AS unit_kind, i.start_date,
        i.end_date, (i.end_date - i.start_date + 1)::int AS days,
        (SELECT count(*) FROM finding x WHERE x.inspection_id = i.id)::int AS findings,
        (SELECT count(*) FROM clue x WHERE x.inspection_id = i.id)::int AS clues,
        (SELECT count(*) FROM fieldwork_record x WHERE x.inspection_id = i.id)::int AS records
      FROM inspection i JOIN org_unit u ON u.id = i.unit_id
      WHERE ${inspectionConditions(f)} AND i.team_id IS NOT NULL),
    pt AS MATERIALIZED (
      SELECT ic.team_id, count(*)::int AS inspections, count(DISTINCT ic.unit_id)::int AS units,
        (max(ic.end_date) - min(ic.start_date) + 1)::int AS days, sum(ic.findings)::int AS findings,
        sum(ic.clues)::int AS clues, sum(ic.records)::int AS records
      FROM ic GROUP BY ic.team_id)`;
}

export interface TeamRow {
  team_id: string;
  team_name: string;
  round_name: string;
  inspections: number;
  units: number;
  days: number;
  findings: number;
  clues: number;
  records: number;
}
export type WorkloadTotals = Record<
  'teams' | 'cadres' | 'inspections' | 'units' | 'findings' | 'clues' | 'records',
  number
>;

const TEAM_COLUMNS = sql`pt.team_id, tm.name AS team_name, r.name AS round_name, pt.inspections, pt.units, pt.days,
  pt.findings, pt.clues, pt.records`;
const TEAM_ORDER = sql`pt.days DESC, pt.inspections DESC, tm.name, pt.team_id`;

/** The totals and one page of teams (most days first) in one statement. */
export async function teamWorkload(db: Db, f: ResolvedFilter, q: WorkloadQuery | null) {
  const page = q ? sql`LIMIT ${pageWindow(q).limit} OFFSET ${pageWindow(q).offset}` : sql``;
  const result = await sql<TeamRow & { [K in keyof WorkloadTotals as `total_${K}`]: number }>`
    WITH ${inspectionCounts(f)},
    tot AS (SELECT (SELECT count(*) FROM pt)::int AS total_teams,
      (SELECT count(DISTINCT m.cadre_id) FROM team_member m WHERE m.team_id IN (SELECT team_id FROM pt))::int
        AS total_cadres,
      count(*)::int AS total_inspections, count(DISTINCT ic.unit_id)::int AS total_units,
      coalesce(sum(ic.findings), 0)::int AS total_findings, coalesce(sum(ic.clues), 0)::int AS total_clues,
      coalesce(sum(ic.records), 0)::int AS total_records FROM ic)
    SELECT tot.*, page.* FROM tot LEFT JOIN LATERAL (
      SELECT ${TEAM_COLUMNS} FROM pt JOIN team tm ON tm.id = pt.team_id JOIN round r ON r.id = tm.round_id
      ORDER BY ${TEAM_ORDER} ${page}) page ON true`.execute(db);
  const first = result.rows[0];
  const totals: WorkloadTotals = {
    teams: Number(first?.total_teams ?? 0),
    cadres: Number(first?.total_cadres ?? 0),
    inspections: Number(first?.total_inspections ?? 0),
    units: Number(first?.total_units ?? 0),
    findings: Number(first?.total_findings ?? 0),
    clues: Number(first?.total_clues ?? 0),
    records: Number(first?.total_records ?? 0),
  };
  return { totals, teams: result.rows.filter((r) => r.team_id !== null) as TeamRow[] };
}

export interface CadreRow {
  cadre_id: string;
  cadre_name: string;
  home_unit_name: string;
  as_leader: number;
  as_member: number;
  rounds: number;
  inspections: number;
  days: number;
  total: number;
}

/** Cadres of the selected teams, most days first; `total` is the number of such cadres (window over groups). */
export async function cadreWorkload(db: Db, f: ResolvedFilter, q: Page | null): Promise<CadreRow[]> {
  const page = q ? sql`LIMIT ${pageWindow(q).limit} OFFSET ${pageWindow(q).offset}` : sql``;
  const result = await sql<CadreRow>`
    WITH ${inspectionCounts(f)}
    SELECT c.id AS cadre_id, c.name AS cadre_name, c.home_unit_name,
      (count(*) FILTER (WHERE m.post IN ('leader', 'deputy_leader')))::int AS as_leader,
      (count(*) FILTER (WHERE m.post IN ('member', 'liaison')))::int AS as_member,
      count(DISTINCT tm.round_id)::int AS rounds, sum(pt.inspections)::int AS inspections, sum(pt.days)::int AS days,
      (count(*) OVER ())::int AS total
    FROM pt JOIN team tm ON tm.id = pt.team_id JOIN team_member m ON m.team_id = pt.team_id
    JOIN cadre c ON c.id = m.cadre_id
    GROUP BY c.id ORDER BY days DESC, inspections DESC, c.name, c.id ${page}`.execute(db);
  return result.rows;
}

export interface InspectionRow {
  inspectionId: string;
  teamName: string;
  roundName: string;
  unitName: string;
  unitKind: string;
  startDate: string;
  endDate: string;
  days: number;
  post: string | null;
  findings: number;
  clues: number;
  fieldworkRecords: number;
}

function inspectionWhere(q: Omit<WorkloadInspectionQuery, 'page' | 'pageSize'>): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (q.teamId) parts.push(sql`ic.team_id = ${q.teamId}`);
  if (q.cadreId) parts.push(sql`m.cadre_id = ${q.cadreId}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** The inspections behind a team or a cadre (with the cadre's post), newest first; `total` as above. */
export async function inspectionRows(
  db: Db,
  f: ResolvedFilter,
  q: Omit<WorkloadInspectionQuery, 'page' | 'pageSize'>,
  page: Page | null,
) {
  const window = page ? sql`LIMIT ${pageWindow(page).limit} OFFSET ${pageWindow(page).offset}` : sql``;
  const member = q.cadreId ? sql`JOIN team_member m ON m.team_id = ic.team_id` : sql``;
  const result = await sql<InspectionRow & { total: number }>`
    WITH ${inspectionCounts(f)}
    SELECT ic.id AS "inspectionId", tm.name AS "teamName", r.name AS "roundName", ic.unit_name AS "unitName",
      ic.unit_kind AS "unitKind", ic.start_date AS "startDate", ic.end_date AS "endDate", ic.days,
      ${q.cadreId ? sql`m.post` : sql`NULL::text`} AS post, ic.findings, ic.clues, ic.records AS "fieldworkRecords",
      (count(*) OVER ())::int AS total
    FROM ic ${member} JOIN team tm ON tm.id = ic.team_id JOIN round r ON r.id = tm.round_id
    WHERE ${inspectionWhere(q)}
    ORDER BY ic.start_date DESC, ic.id ${window}`.execute(db);
  return result.rows;
}
