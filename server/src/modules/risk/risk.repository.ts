// 风险排序: SQL only. One statement per request: the committee's units (active, not merged, narrowed by kind,
// area and — for planning — coverage in the term), each joined to its history counted per unit in grouped
// passes over indexed rows of this committee (fed-back findings: finding_fed_back_unit_idx; clues:
// clue_committee_unit_idx; task counters: task_unit_summary; overdue: task_open_due_unit_idx; petitions:
// fieldwork_record_petition_unit_idx), then the six 0–100 factors (formulas: RISK_FORMULA in the contracts),
// the weighted score, its rank among all filtered units, and one sorted page. Nothing per row in Node.
import { RISK_FACTORS, type RiskFactor, type RiskSort, type RiskWeightValues } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db.ts';
import { type ResolvedFilter, unitConditions } from '../analytics/analytics.filter.ts';
import { INSPECTED_PHASES } from '../org/unit.sql.ts';

export interface RankingParams {
  filter: ResolvedFilter;
  today: string;
  weights: RiskWeightValues;
  /** units covered or scheduled in this period (or targeted in the filter's round) are left out */
  uncovered: { from: string; to: string } | null;
  uncoveredOnly: boolean;
  /** clue and petition counts only for users who may count them in the committee as a whole */
  countClues: boolean;
  countPetitions: boolean;
  sort: RiskSort;
}

interface RankingColumns {
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  rank: number;
  score: number;
  total: number;
  last_on: string | null;
  days_since: number | null;
  findings: number;
  key_findings: number;
  clues: number | null;
  tasks: number;
  open_tasks: number;
  overdue_tasks: number;
  returned_tasks: number;
  reopened_tasks: number;
  fund_volume: number | null;
  project_count: number | null;
  has_approval_power: boolean;
  has_enforcement_power: boolean;
  village_class: string | null;
  social_attention: number | null;
  petitions: number | null;
}
/** f_<factor>: the factor's 0–100 value; c_<factor>: its weighted contribution to the score. */
export type RankingRecord = RankingColumns & { [K in `${'f' | 'c'}_${RiskFactor}`]: number };

/** Units the planning page may still propose: nothing (except 回头看) in the term, nothing in the round. */
function uncoveredCondition(p: RankingParams): RawBuilder<unknown>[] {
  if (!p.uncoveredOnly) return [];
  const hits: RawBuilder<unknown>[] = [];
  if (p.uncovered)
    hits.push(
      sql`(i.type <> 'lookback' AND i.start_date BETWEEN ${p.uncovered.from}::date AND ${p.uncovered.to}::date)`,
    );
  if (p.filter.roundId) hits.push(sql`i.round_id = ${p.filter.roundId}`);
  if (hits.length === 0) return [];
  return [sql`NOT EXISTS (SELECT 1 FROM inspection i WHERE i.unit_id = u.id AND (${sql.join(hits, sql` OR `)}))`];
}

/** The ranked units: the committee's active, unmerged units under the filter. */
function unitWhere(p: RankingParams): RawBuilder<unknown> {
  const parts = [sql`u.committee_id = ${p.filter.committeeId}`, sql`u.active`, sql`u.merged_into_id IS NULL`];
  return sql.join([...parts, ...unitConditions(p.filter), ...uncoveredCondition(p)], sql` AND `);
}

/** The six factors, 0–100 each, over the inputs of `inp` (see RISK_FORMULA). */
function factorColumns(today: string): RawBuilder<unknown> {
  return sql`
    CASE WHEN last_on IS NULL THEN 100 ELSE least(100, (${today}::date - last_on) * 100.0 / 1825) END AS f_since,
    least(100, (findings + key_findings) * 10.0) AS f_findings,
    least(100, coalesce(clues, 0) * 20.0) AS f_clues,
    CASE WHEN tasks = 0 THEN 0
      ELSE (0.3 * open_tasks + 0.3 * overdue_tasks + 0.2 * returned_tasks + 0.2 * reopened_tasks) * 100.0 / tasks
    END AS f_rectification,
    least(30, coalesce(fund_volume, 0) * 3 / 1000.0) + least(20, coalesce(project_count, 0) * 2.0)
      + CASE WHEN has_approval_power THEN 15 ELSE 0 END + CASE WHEN has_enforcement_power THEN 15 ELSE 0 END
      + CASE village_class WHEN 'key' THEN 20 WHEN 'attention' THEN 10 ELSE 0 END AS f_integrity,
    coalesce(social_attention, 0) * 12.0 + least(40, coalesce(petitions, 0) * 10.0) AS f_attention`;
}

/** Weighted mean: Σ w·f / Σ w, so the score stays 0–100 whatever the weights add up to. */
function scoreColumns(w: RiskWeightValues): RawBuilder<unknown> {
  const total = RISK_FACTORS.reduce((s, f) => s + w[f], 0);
  const contribution = (f: RiskFactor) => sql`${sql.ref(`f_${f}`)} * ${w[f]} / ${total}::numeric`;
  return sql.join([
    ...RISK_FACTORS.map((f) => sql`round(${contribution(f)}, 1)::float8 AS ${sql.ref(`c_${f}`)}`),
    ...RISK_FACTORS.map((f) => sql`round(${sql.ref(`f_${f}`)}, 1)::float8 AS ${sql.ref(`v_${f}`)}`),
    sql`round(${sql.join(
      RISK_FACTORS.map((f) => contribution(f)),
      sql` + `,
    )}, 1)::float8 AS score`,
  ]);
}

const ORDER: Record<RiskSort, RawBuilder<unknown>> = {
  '-score': sql`score DESC, unit_name, unit_id`,
  score: sql`score, unit_name, unit_id`,
  unitName: sql`unit_name, unit_id`,
  '-since': sql`c_since DESC, score DESC, unit_name, unit_id`,
  '-findings': sql`c_findings DESC, score DESC, unit_name, unit_id`,
  '-clues': sql`c_clues DESC, score DESC, unit_name, unit_id`,
  '-rectification': sql`c_rectification DESC, score DESC, unit_name, unit_id`,
  '-integrity': sql`c_integrity DESC, score DESC, unit_name, unit_id`,
  '-attention': sql`c_attention DESC, score DESC, unit_name, unit_id`,
};

function rankingSql(p: RankingParams, window: { limit: number; offset: number } | null): RawBuilder<RankingRecord> {
  const c = p.filter.committeeId;
  const clues = p.countClues
    ? sql`SELECT cl.unit_id, count(*)::int AS n FROM clue cl WHERE cl.committee_id = ${c} GROUP BY cl.unit_id`
    : sql`SELECT NULL::uuid AS unit_id, 0 AS n WHERE false`;
  const petitions = p.countPetitions
    ? sql`SELECT r.unit_id, count(*)::int AS n FROM fieldwork_record r
        WHERE r.committee_id = ${c} AND r.kind = 'petition' GROUP BY r.unit_id`
    : sql`SELECT NULL::uuid AS unit_id, 0 AS n WHERE false`;
  const page = window ? sql`LIMIT ${window.limit} OFFSET ${window.offset}` : sql``;
  return sql<RankingRecord>`
    WITH base AS MATERIALIZED (
      SELECT u.id, u.name, u.kind, u.fund_volume, u.project_count, u.has_approval_power, u.has_enforcement_power,
        u.village_class, u.social_attention, u.last_inspected_on
      FROM org_unit u WHERE ${unitWhere(p)}),
    insp AS (SELECT i.unit_id, max(i.start_date) AS last_on FROM inspection i
      WHERE i.unit_id IN (SELECT id FROM base) AND i.phase IN (${sql.join([...INSPECTED_PHASES])}) GROUP BY i.unit_id),
    fnd AS (SELECT f.unit_id, count(*)::int AS n,
        count(*) FILTER (WHERE f.eight_rules OR f.discipline = 'integrity' OR f.key_focus)::int AS k
      FROM finding f WHERE f.committee_id = ${c} AND f.status = 'fed_back' GROUP BY f.unit_id),
    clu AS (${clues}),
    tsk AS (SELECT s.unit_id, sum(s.tasks)::int AS tasks, sum(s.tasks - s.closed - s.partly_closed)::int AS open,
        sum(s.returned)::int AS returned, sum(s.reopened)::int AS reopened
      FROM task_unit_summary s WHERE s.committee_id = ${c} GROUP BY s.unit_id),
    ovd AS (SELECT t.unit_id, count(*)::int AS n FROM task t
      WHERE t.committee_id = ${c} AND t.status <> 'closed' AND t.due_date < ${p.today}::date GROUP BY t.unit_id),
    pet AS (${petitions}),
    inp AS (
      SELECT b.id AS unit_id, b.name AS unit_name, b.kind AS unit_kind, b.fund_volume, b.project_count,
        b.has_approval_power, b.has_enforcement_power, b.village_class, b.social_attention,
        greatest(b.last_inspected_on, insp.last_on) AS last_on,
        coalesce(fnd.n, 0) AS findings, coalesce(fnd.k, 0) AS key_findings,
        ${p.countClues ? sql`coalesce(clu.n, 0)` : sql`NULL::int`} AS clues,
        coalesce(tsk.tasks, 0) AS tasks, coalesce(tsk.open, 0) AS open_tasks, coalesce(ovd.n, 0) AS overdue_tasks,
        coalesce(tsk.returned, 0) AS returned_tasks, coalesce(tsk.reopened, 0) AS reopened_tasks,
        ${p.countPetitions ? sql`coalesce(pet.n, 0)` : sql`NULL::int`} AS petitions
      FROM base b
      LEFT JOIN insp ON insp.unit_id = b.id LEFT JOIN fnd ON fnd.unit_id = b.id LEFT JOIN clu ON clu.unit_id = b.id
      LEFT JOIN tsk ON tsk.unit_id = b.id LEFT JOIN ovd ON ovd.unit_id = b.id LEFT JOIN pet ON pet.unit_id = b.id),
    -- materialised: each factor is computed once per unit, not again in every contribution, the score and the sort
    fac AS MATERIALIZED (SELECT inp.*, ${factorColumns(p.today)} FROM inp),
    sc AS (SELECT fac.*, ${scoreColumns(p.weights)} FROM fac),
    rk AS (SELECT sc.*, rank() OVER (ORDER BY score DESC)::int AS rank, count(*) OVER ()::int AS total FROM sc)
    SELECT unit_id, unit_name, unit_kind, rank, score, total, to_char(last_on, 'YYYY-MM-DD') AS last_on,
      (${p.today}::date - last_on) AS days_since, findings, key_findings, clues, tasks, open_tasks, overdue_tasks,
      returned_tasks, reopened_tasks, fund_volume, project_count, has_approval_power, has_enforcement_power,
      village_class, social_attention, petitions,
      ${sql.join(RISK_FACTORS.map((f) => sql`${sql.ref(`v_${f}`)} AS ${sql.ref(`f_${f}`)}, ${sql.ref(`c_${f}`)}`))}
    FROM rk ORDER BY ${ORDER[p.sort]} ${page}`;
}

/**
 * The statement in one process and without JIT compilation (as progress.repository.ts): the joined
 * aggregates' cost estimates switch JIT on, whose compilation costs more than the work it speeds up.
 * set_config(…, true) lasts until the end of this read-only transaction.
 */
function inOneProcess(db: Db, query: RawBuilder<RankingRecord>) {
  return withTransaction(db, async (tx) => {
    await sql`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(
      tx,
    );
    return (await query.execute(tx)).rows;
  });
}

/** One page of the ranking; each row carries the number of ranked units (`total`). */
export function rankingPage(db: Db, p: RankingParams, window: { limit: number; offset: number }) {
  return inOneProcess(db, rankingSql(p, window));
}

/** Every ranked unit in the order of `sort`, for the export (a committee has at most tens of thousands). */
export function rankingAll(db: Db, p: RankingParams) {
  return inOneProcess(db, rankingSql(p, null));
}

/** The page's total when the page is empty (past the last unit): the filtered units alone. */
export async function countUnits(db: Db, p: RankingParams): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit u WHERE ${unitWhere(p)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The term plan given, else the committee's plan whose period contains today (latest start first). */
export async function termOf(db: Db, committeeId: string, termPlanId: string | null, today: string) {
  let q = db
    .selectFrom('term_plan')
    .select(['id', 'name', 'start_date as from', 'end_date as to'])
    .where('committee_id', '=', committeeId);
  q = termPlanId
    ? q.where('id', '=', termPlanId)
    : q.where('start_date', '<=', today).where('end_date', '>=', today).orderBy('start_date', 'desc');
  const row = await q.limit(1).executeTakeFirst();
  return row ? { id: row.id, name: row.name, from: String(row.from), to: String(row.to) } : null;
}
