// Coverage of a term plan, computed in SQL from inspections (definitions in packages/contracts/src/term-plan.ts).
// One relation, `planUnitStatus`, gives every unit of the plan its status (the summary reads a narrowed copy,
// `summaryStatus`, built from the same expressions); the summary, the unit list and the forecast all read it,
// so the three can never disagree. Units are never loaded into Node: only aggregates and one page of rows
// come back.
//
// At 25,000 units in one plan (budget p95 ≤ 150 ms per endpoint) each endpoint is one statement with one
// grouped pass over the plan's inspections, and nothing numbers all the uncovered units: a unit is at risk
// when it comes after the capacity-th uncovered unit of its block in the order they would be covered
// (`riskOrder`), so the unit list fetches that one boundary unit (ORDER BY … OFFSET capacity − 1 LIMIT 1, a
// bounded top-N sort) and compares with it, and the forecast fetches its slice with OFFSET capacity LIMIT n.
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

const statusOf = (h: string) =>
  sql.raw(`CASE WHEN ${h}.covered_on IS NOT NULL THEN 'covered' WHEN ${h}.scheduled_on IS NOT NULL THEN 'scheduled'
    ELSE 'never' END`);

/** The first covering (reached 进驻) and the first preparing inspection (not 回头看) in the term. */
const termDates = (term: Term) => {
  const inTerm = sql`i.type <> 'lookback' AND i.start_date BETWEEN ${term.startDate} AND ${term.endDate}`;
  return sql`min(i.start_date) FILTER (WHERE i.phase <> 'preparing' AND ${inTerm}) AS covered_on,
    min(i.start_date) FILTER (WHERE i.phase = 'preparing' AND ${inTerm}) AS scheduled_on`;
};

const planUnitIds = (term: Term) => sql`SELECT unit_id FROM term_plan_unit WHERE term_plan_id = ${term.planId}`;

/**
 * Per plan unit: status (covered / scheduled / never) and the dates behind it. The manual last_inspected_on
 * counts for the order of the uncovered (riskKey), not for coverage.
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
      SELECT i.unit_id, ${termDates(term)},
        max(i.start_date) FILTER (WHERE i.phase <> 'preparing') AS inspected_on,
        -- the forecast's pace: inspections (not 回头看) in rounds held so far in the term
        count(*) FILTER (WHERE i.type <> 'lookback' AND i.round_id IN (SELECT id FROM held_rounds))::int AS targets
      FROM inspection i
      WHERE i.unit_id IN (${planUnitIds(term)})
      GROUP BY i.unit_id
    ),
    s AS (
      SELECT t.unit_id, t.included, t.reason, t.planned_year, u.name, u.kind, u.village_class, u.parent_id,
        u.kind = 'village' AS is_village, u.last_inspected_on AS manual_on, h.covered_on, h.scheduled_on,
        greatest(u.last_inspected_on, h.inspected_on) AS last_on, coalesce(h.targets, 0) AS targets,
        ${statusOf('h')} AS status
      FROM term_plan_unit t
      JOIN org_unit u ON u.id = t.unit_id
      LEFT JOIN hits h ON h.unit_id = t.unit_id
      WHERE t.term_plan_id = ${term.planId}
    )`;
}

/**
 * `s` narrowed to what the summary counts: only the inspections in the term are grouped, and only the
 * columns counted are kept (it is materialised once and read four times).
 */
function summaryStatus(term: Term): RawBuilder<unknown> {
  return sql`
    hits AS (
      SELECT i.unit_id, ${termDates(term)}
      FROM inspection i
      WHERE i.type <> 'lookback' AND i.start_date BETWEEN ${term.startDate} AND ${term.endDate}
        AND i.unit_id IN (${planUnitIds(term)})
      GROUP BY i.unit_id
    ),
    s AS (
      SELECT t.included, t.planned_year, u.kind, u.village_class, u.kind = 'village' AS is_village,
        h.covered_on, h.scheduled_on, ${statusOf('h')} AS status
      FROM term_plan_unit t
      JOIN org_unit u ON u.id = t.unit_id
      LEFT JOIN hits h ON h.unit_id = t.unit_id
      WHERE t.term_plan_id = ${term.planId}
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
export async function coverageCounts(db: Db, term: Term): Promise<CoverageRow[]> {
  const { rows } = await sql<CoverageRow>`WITH ${summaryStatus(term)}
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

/**
 * The order in which a block's uncovered units would be covered, as one ascending row value: scheduled first,
 * then longest since last inspected (never inspected first), then name and id.
 */
const riskOrder = (r: string) =>
  sql.raw(`CASE WHEN ${r}.status = 'scheduled' THEN 0 ELSE 1 END, coalesce(${r}.last_on, '-infinity'::date),
    ${r}.name, ${r}.unit_id`);
const riskKey = (r: string) => sql`(${riskOrder(r)})`;

/** The uncovered units of `cap`'s block in riskKey order (for a LATERAL or correlated subquery of `cap`). */
const uncoveredOfBlock = sql`FROM s u WHERE u.included AND u.status <> 'covered' AND u.is_village = cap.is_village
  ORDER BY ${riskOrder('u')}`;

export interface AtRiskUnit {
  unitId: string;
  unitName: string;
  kind: string;
  lastInspectedOn: string | null;
}

/** Capacity per block and its first `limit` at-risk units (the uncovered ones after the first `capacity`). */
export async function forecastRows(db: Db, term: Term, rounds: Rounds, limit: number) {
  const { rows } = await sql<CapacityRow & { at_risk: AtRiskUnit[] }>`WITH ${planUnitStatus(term, rounds.today)},
    ${capacityCte(rounds)}
    SELECT cap.*, coalesce((
      SELECT json_agg(json_build_object('unitId', r.unit_id, 'unitName', r.name, 'kind', r.kind,
          'lastInspectedOn', r.last_on) ORDER BY r.key)
      FROM (SELECT u.unit_id, u.name, u.kind, u.last_on, ${riskKey('u')} AS key ${uncoveredOfBlock}
        OFFSET cap.capacity LIMIT ${limit}::int) r
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

/**
 * CTE `boundary`, per block: its capacity and the riskKey of its capacity-th uncovered unit (follows
 * capacityCte). Nothing is at risk in a block whose capacity covers its uncovered units; with capacity 0 all
 * uncovered are; otherwise those that come after the boundary unit.
 */
function boundaryCte(rounds: Rounds): RawBuilder<unknown> {
  return sql`${capacityCte(rounds)},
    boundary AS (
      SELECT cap.is_village, cap.capacity, b.key
      FROM cap LEFT JOIN LATERAL (SELECT ${riskKey('u')} AS key ${uncoveredOfBlock}
        OFFSET greatest(cap.capacity - 1, 0) LIMIT 1) b ON cap.capacity > 0
    )`;
}

/** Whether the unit `r`, joined to its block's row `bd` of `boundary`, is at risk. */
const atRiskOf = (r: string) =>
  sql`(${sql.ref(`${r}.included`)} AND ${sql.ref(`${r}.status`)} <> 'covered'
    AND (bd.capacity = 0 OR coalesce(${riskKey(r)} > bd.key, false)))`;

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

/**
 * One page of plan units with their status, and the filtered total. Only a filter on at risk needs it for
 * every unit (`marked`); otherwise it is worked out for the page's rows alone.
 */
export async function coverageUnitPage(db: Db, term: Term, rounds: Rounds, query: CoverageUnitQuery) {
  const where = unitFilters(query);
  const offset = (query.page - 1) * query.pageSize;
  // at-risk units are listed in the order they would (not) be reached; everything else by kind and name
  const order = (t: string) =>
    query.atRisk
      ? sql`${sql.ref(`${t}.is_village`)}, ${riskOrder(t)}`
      : sql`${sql.ref(`${t}.is_village`)}, ${sql.ref(`${t}.kind`)}, ${sql.ref(`${t}.name`)}, ${sql.ref(`${t}.unit_id`)}`;
  const byRisk = query.atRisk !== undefined;
  const units = sql`WITH ${planUnitStatus(term, rounds.today)}, ${boundaryCte(rounds)}${
    byRisk
      ? sql`, marked AS (SELECT s.*, ${atRiskOf('s')} AS at_risk FROM s JOIN boundary bd ON bd.is_village = s.is_village)`
      : sql``
  }`;
  const source = sql.table(byRisk ? 'marked' : 's');
  const page = await sql<CoverageUnitRow & { total: number }>`${units},
    page AS (SELECT src.* FROM ${source} src ${where}
      ORDER BY ${order('src')} LIMIT ${query.pageSize}::int OFFSET ${offset}::int)
    SELECT page.unit_id, page.name, p.name AS parent_name, page.kind, page.village_class, page.included, page.reason,
      page.planned_year, page.status, page.covered_on, cr.name AS covered_round, page.scheduled_on,
      page.manual_on, page.last_on, ${atRiskOf('page')} AS at_risk,
      (SELECT count(*)::int FROM ${source} src ${where}) AS total
    FROM page
    JOIN boundary bd ON bd.is_village = page.is_village
    LEFT JOIN org_unit p ON p.id = page.parent_id
    LEFT JOIN LATERAL (SELECT r.name FROM inspection i JOIN round r ON r.id = i.round_id
      WHERE i.unit_id = page.unit_id AND i.start_date = page.covered_on AND i.phase <> 'preparing'
        AND i.type <> 'lookback' LIMIT 1) cr ON true
    ORDER BY ${order('page')}`.execute(db);
  const first = page.rows[0];
  if (first) return { items: page.rows, total: first.total };
  // a page past the end has no row to carry the total
  if (query.page === 1) return { items: [], total: 0 };
  const count = await sql<{ n: number }>`${units} SELECT count(*)::int AS n FROM ${source} src ${where}`.execute(db);
  return { items: [], total: count.rows[0]?.n ?? 0 };
}
