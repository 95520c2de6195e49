// Coverage of a term plan, computed in SQL from inspections (definitions in packages/contracts/src/term-plan.ts).
// One relation, `planUnitStatus`, gives every unit of the plan its status; the summary, the unit list and the
// forecast all read it, so the three can never disagree. Units are never loaded into Node: only aggregates
// and one page of rows come back.
import type { CoverageUnitQuery } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { escapeLike } from '../org/org.repository.ts';

export interface Term {
  planId: string;
  committeeId: string;
  startDate: string;
  endDate: string;
}

/**
 * Per plan unit: status (covered / scheduled / never), the dates behind it, and the rank among the uncovered
 * in its block (units / villages) in the order they would be covered: scheduled first, then longest since last
 * inspected (never inspected first). The manual last_inspected_on counts for the order, not for coverage.
 * "Last inspected" is the rule of org/unit.sql.ts (lastInspectedOnSql), computed here in the one grouped pass
 * over inspections instead of a subquery per unit, which matters at 25,000 units.
 */
function planUnitStatus(term: Term, today: string): RawBuilder<unknown> {
  return sql`
    held_rounds AS (
      SELECT id FROM round WHERE committee_id = ${term.committeeId}
        AND start_date BETWEEN ${term.startDate} AND least(${today}::date, ${term.endDate}::date)
    ),
    hits AS (
      SELECT i.unit_id,
        min(i.start_date) FILTER (WHERE i.phase <> 'preparing' AND i.type <> 'lookback'
          AND i.start_date BETWEEN ${term.startDate} AND ${term.endDate}) AS covered_on,
        min(i.start_date) FILTER (WHERE i.phase = 'preparing' AND i.type <> 'lookback'
          AND i.start_date BETWEEN ${term.startDate} AND ${term.endDate}) AS scheduled_on,
        max(i.start_date) FILTER (WHERE i.phase <> 'preparing') AS inspected_on,
        -- the forecast's pace: inspections (not 回头看) in rounds held so far in the term
        count(*) FILTER (WHERE i.type <> 'lookback' AND i.round_id IN (SELECT id FROM held_rounds))::int AS targets
      FROM inspection i
      WHERE i.unit_id IN (SELECT unit_id FROM term_plan_unit WHERE term_plan_id = ${term.planId})
      GROUP BY i.unit_id
    ),
    s AS (
      SELECT t.unit_id, t.included, t.reason, t.planned_year, u.name, u.kind, u.village_class, u.parent_id,
        u.kind = 'village' AS is_village, u.last_inspected_on AS manual_on, h.covered_on, h.scheduled_on,
        greatest(u.last_inspected_on, h.inspected_on) AS last_on, coalesce(h.targets, 0) AS targets,
        CASE WHEN h.covered_on IS NOT NULL THEN 'covered' WHEN h.scheduled_on IS NOT NULL THEN 'scheduled'
          ELSE 'never' END AS status
      FROM term_plan_unit t
      JOIN org_unit u ON u.id = t.unit_id
      LEFT JOIN hits h ON h.unit_id = t.unit_id
      WHERE t.term_plan_id = ${term.planId}
    ),
    ranked AS (
      SELECT s.*, CASE WHEN s.included AND s.status <> 'covered' THEN row_number() OVER (
          PARTITION BY s.included AND s.status <> 'covered', s.is_village
          ORDER BY s.status = 'scheduled' DESC, s.last_on ASC NULLS FIRST, s.name, s.unit_id) END AS risk_rank
      FROM s
    )`;
}

export interface CoverageRow {
  dim: 'kind' | 'year' | 'planned' | 'excluded';
  kind: string | null;
  village_class: string | null;
  status: string | null;
  year: number | null;
  n: number;
}

/** All the summary's numbers in one statement: counts by kind/class/status, by year, planned years, excluded. */
export async function coverageCounts(db: Db, term: Term, today: string): Promise<CoverageRow[]> {
  const { rows } = await sql<CoverageRow>`WITH ${planUnitStatus(term, today)}
    SELECT 'kind' AS dim, kind, village_class, status, NULL::int AS year, count(*)::int AS n
      FROM s WHERE included GROUP BY kind, village_class, status
    UNION ALL
    SELECT 'year', CASE WHEN is_village THEN 'village' ELSE 'unit' END, NULL, status,
        extract(year FROM coalesce(covered_on, scheduled_on))::int, count(*)::int
      FROM s WHERE included AND status <> 'never' GROUP BY 2, 4, 5
    UNION ALL
    SELECT 'planned', CASE WHEN is_village THEN 'village' ELSE 'unit' END, NULL, NULL, planned_year, count(*)::int
      FROM s WHERE included AND planned_year IS NOT NULL GROUP BY 2, 5
    UNION ALL
    SELECT 'excluded', NULL, NULL, NULL, NULL, count(*)::int FROM s WHERE NOT included`.execute(db);
  return rows;
}

/** The forecast's inputs that depend on today, computed in Node (coverage.service.ts roundArithmetic). */
export interface Rounds {
  today: string;
  roundsInTerm: number;
  remainingRounds: number;
}

export interface CapacityRow {
  is_village: boolean;
  to_cover: number;
  uncovered: number;
  /** inspections of plan units (not 回头看) in the rounds held so far */
  targets: number;
  held: number;
  capacity: number;
}

/**
 * CTE `cap`, one row per block (units, villages): units to cover, uncovered, the pace's numerator (targets in
 * rounds of the committee started in the term up to today), rounds held, and the capacity
 * ⌊remaining rounds × pace⌋ with pace = targets ÷ rounds held, or units to cover ÷ rounds in the term before
 * any round is held. Follows planUnitStatus (it reads `s`).
 */
function capacityCte(rounds: Rounds): RawBuilder<unknown> {
  return sql`
    blocks AS (
      SELECT is_village, count(*) FILTER (WHERE included)::int AS to_cover,
        count(*) FILTER (WHERE included AND status <> 'covered')::int AS uncovered,
        sum(targets) FILTER (WHERE included)::int AS targets
      FROM s GROUP BY is_village
    ),
    held AS (SELECT count(*)::int AS n FROM held_rounds),
    cap AS (
      SELECT v.is_village, coalesce(b.to_cover, 0) AS to_cover, coalesce(b.uncovered, 0) AS uncovered,
        coalesce(b.targets, 0) AS targets, held.n AS held,
        floor(${rounds.remainingRounds}::int * CASE WHEN held.n > 0 THEN coalesce(b.targets, 0)::numeric / held.n
          ELSE coalesce(b.to_cover, 0)::numeric / greatest(${rounds.roundsInTerm}::int, 1) END + 0.000001)::int AS capacity
      FROM (VALUES (false), (true)) AS v(is_village)
      CROSS JOIN held
      LEFT JOIN blocks b ON b.is_village = v.is_village
    )`;
}

export interface AtRiskUnit {
  unitId: string;
  unitName: string;
  kind: string;
  lastInspectedOn: string | null;
}

/** Capacity per block and its first `limit` at-risk units, in one statement. */
export async function forecastRows(db: Db, term: Term, rounds: Rounds, limit: number) {
  const { rows } = await sql<CapacityRow & { at_risk: AtRiskUnit[] }>`WITH ${planUnitStatus(term, rounds.today)},
    ${capacityCte(rounds)}
    SELECT cap.*, coalesce((
      SELECT json_agg(json_build_object('unitId', r.unit_id, 'unitName', r.name, 'kind', r.kind,
          'lastInspectedOn', r.last_on) ORDER BY r.risk_rank)
      FROM ranked r
      WHERE r.is_village = cap.is_village AND r.risk_rank > cap.capacity AND r.risk_rank <= cap.capacity + ${limit}::int
    ), '[]'::json) AS at_risk
    FROM cap ORDER BY cap.is_village`.execute(db);
  return rows;
}

export interface CoverageUnitRow {
  unit_id: string;
  name: string;
  parent_name: string | null;
  kind: string;
  village_class: string | null;
  included: boolean;
  reason: string | null;
  planned_year: number | null;
  status: string;
  covered_on: string | null;
  covered_round: string | null;
  scheduled_on: string | null;
  manual_on: string | null;
  last_on: string | null;
  at_risk: boolean;
}

/** CTE `marked`: `ranked` with at_risk (beyond its block's capacity) — what the unit list shows and filters. */
function markedCte(rounds: Rounds): RawBuilder<unknown> {
  return sql`${capacityCte(rounds)},
    marked AS (SELECT ranked.*, coalesce(ranked.risk_rank > cap.capacity, false) AS at_risk
      FROM ranked JOIN cap ON cap.is_village = ranked.is_village)`;
}

function unitFilters(query: CoverageUnitQuery) {
  const conditions: RawBuilder<unknown>[] = [];
  if (query.status) conditions.push(sql`status = ${query.status}`);
  if (query.kind) conditions.push(sql`kind = ${query.kind}`);
  if (query.villageClass) conditions.push(sql`village_class = ${query.villageClass}`);
  if (query.included !== undefined) conditions.push(sql`included = ${query.included}`);
  if (query.q) conditions.push(sql`name LIKE ${`%${escapeLike(query.q)}%`}`);
  if (query.atRisk !== undefined) conditions.push(query.atRisk ? sql`at_risk` : sql`NOT at_risk`);
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** One page of plan units with their status, and the filtered total. */
export async function coverageUnitPage(db: Db, term: Term, rounds: Rounds, query: CoverageUnitQuery) {
  const where = unitFilters(query);
  const offset = (query.page - 1) * query.pageSize;
  // at-risk units are listed in the order they would (not) be reached; everything else by kind and name
  const order = (t: string) =>
    query.atRisk
      ? sql`${sql.ref(`${t}.is_village`)}, ${sql.ref(`${t}.risk_rank`)}`
      : sql`${sql.ref(`${t}.is_village`)}, ${sql.ref(`${t}.kind`)}, ${sql.ref(`${t}.name`)}, ${sql.ref(`${t}.unit_id`)}`;
  // the filtered total rides along as a window count: one evaluation of the coverage relation, not two
  const page = await sql<CoverageUnitRow & { total: number }>`WITH ${planUnitStatus(term, rounds.today)},
    ${markedCte(rounds)},
    page AS (SELECT marked.*, count(*) OVER ()::int AS total FROM marked ${where}
      ORDER BY ${order('marked')} LIMIT ${query.pageSize}::int OFFSET ${offset}::int)
    SELECT page.unit_id, page.name, p.name AS parent_name, page.kind, page.village_class, page.included, page.reason,
      page.planned_year, page.status, page.covered_on, cr.name AS covered_round, page.scheduled_on,
      page.manual_on, page.last_on, page.at_risk, page.total
    FROM page
    LEFT JOIN org_unit p ON p.id = page.parent_id
    LEFT JOIN LATERAL (SELECT r.name FROM inspection i JOIN round r ON r.id = i.round_id
      WHERE i.unit_id = page.unit_id AND i.start_date = page.covered_on AND i.phase <> 'preparing'
        AND i.type <> 'lookback' LIMIT 1) cr ON true
    ORDER BY ${order('page')}`.execute(db);
  const first = page.rows[0];
  if (first) return { items: page.rows, total: first.total };
  // a page past the end has no row to carry the total
  if (query.page === 1) return { items: [], total: 0 };
  const count = await sql<{ n: number }>`WITH ${planUnitStatus(term, rounds.today)},
    ${markedCte(rounds)}
    SELECT count(*)::int AS n FROM marked ${where}`.execute(db);
  return { items: [], total: count.rows[0]?.n ?? 0 };
}
