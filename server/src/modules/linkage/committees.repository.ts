// 上下联动 figures: SQL only. One statement per request: the committees below the one looked from (a prefix of
// its materialised path) are paged first, then every figure is computed for the committees of that page only. A row counts what that committee itself runs (its term plan, rounds,
// inspections, findings, tasks, handovers), never its children's, so a parent and a child are not added twice.
import { INSPECTION_PHASES } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db.ts';

const ASPECTS = ['party_leadership', 'party_building', 'strict_governance', 'anti_corruption'] as const;

export interface CommitteeFigures {
  committee_id: string;
  name: string;
  level: string;
  parent_id: string | null;
  depth: number;
  term_plan_name: string | null;
  to_cover: number;
  covered: number;
  rounds: number;
  current_round_name: string | null;
  current_phase_index: number | null;
  inspections: number;
  findings: number;
  party_leadership: number;
  party_building: number;
  strict_governance: number;
  anti_corruption: number;
  tasks: number;
  closed: number;
  closed_on_time: number;
  overdue: number;
  handovers_sent: number;
  handovers_with_result: number;
  handovers_overdue: number;
  lower_total: number;
}

const PHASES = sql`ARRAY[${sql.join(INSPECTION_PHASES.map((p) => sql.lit(p)))}]::text[]`;

/**
 * The small figures of the committees in `sel` as CTEs: the term plan running today and its coverage (one hash
 * join of the plans' units with the inspections in the terms, by unit: a 提级 inspection by the upper committee
 * covers the lower committee's unit too), the rounds and the current one's least advanced phase.
 */
function planAndRounds(today: string): RawBuilder<unknown> {
  return sql`
    plan AS (
      SELECT DISTINCT ON (tp.committee_id) tp.committee_id, tp.id, tp.name, tp.start_date, tp.end_date
      FROM term_plan tp JOIN sel ON sel.id = tp.committee_id
      WHERE tp.start_date <= ${today}::date AND tp.end_date >= ${today}::date
      ORDER BY tp.committee_id, tp.start_date DESC),
    cov AS (
      SELECT p.committee_id, count(DISTINCT i.unit_id)::int AS covered
      FROM plan p JOIN term_plan_unit tpu ON tpu.term_plan_id = p.id AND tpu.included
        JOIN inspection i ON i.unit_id = tpu.unit_id AND i.type <> 'lookback' AND i.phase <> 'preparing'
          AND i.start_date BETWEEN p.start_date AND p.end_date
      GROUP BY p.committee_id),
    rnd AS (
      SELECT r.committee_id, count(*)::int AS rounds,
        (array_agg(r.id ORDER BY r.start_date DESC, r.id) FILTER (WHERE r.start_date <= ${today}::date))[1] AS current_id
      FROM round r JOIN sel ON sel.id = r.committee_id GROUP BY r.committee_id),
    cur AS (
      SELECT rnd.committee_id, r.name,
        (SELECT min(array_position(${PHASES}, i.phase)) - 1 FROM inspection i WHERE i.round_id = r.id) AS phase_index
      FROM rnd JOIN round r ON r.id = rnd.current_id)`;
}

/**
 * The large counts, one LATERAL per committee of the page, so that each is an index-only count of that
 * committee's entries (inspection_committee_idx, finding_committee_status_idx, task_unit_summary's key,
 * task_open_due_unit_idx, handover_committee_idx). Grouping all committees at once instead hash-joined every
 * row of the tables (bench of 10 committees × 2,500 units, 300,000 tasks: 1.0–2.4 s → ≈0.6 s on a loaded host).
 */
function counts(today: string): RawBuilder<unknown> {
  const byAspect = ASPECTS.map((a) => sql`count(*) FILTER (WHERE f.aspect = ${sql.lit(a)})::int AS ${sql.ref(a)}`);
  return sql`
    LEFT JOIN LATERAL (SELECT count(*)::int AS inspections FROM inspection i WHERE i.committee_id = sel.id) insp ON true
    LEFT JOIN LATERAL (SELECT count(*)::int AS findings, ${sql.join(byAspect)}
      FROM finding f WHERE f.committee_id = sel.id AND f.status = 'fed_back') fnd ON true
    LEFT JOIN LATERAL (SELECT sum(s.tasks)::int AS tasks, sum(s.closed)::int AS closed,
        sum(s.closed_on_time)::int AS closed_on_time
      FROM task_unit_summary s WHERE s.committee_id = sel.id) tsk ON true
    LEFT JOIN LATERAL (SELECT count(*)::int AS overdue FROM task t
      WHERE t.committee_id = sel.id AND t.status <> 'closed' AND t.due_date < ${today}::date) ovd ON true
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE h.status <> 'declined')::int AS sent,
        count(*) FILTER (WHERE h.status IN ('concluded', 'closed'))::int AS with_result,
        count(*) FILTER (WHERE h.status IN ('sent', 'accepted', 'handling') AND h.due_date < ${today}::date)::int
          AS overdue
      FROM handover h WHERE h.committee_id = sel.id) hnd ON true`;
}

const zero = (column: string) => sql`coalesce(${sql.ref(column)}, 0)::int`;

const SELECT_FIGURES = sql`sel.id AS committee_id, sel.name, sel.level, sel.parent_id, sel.depth,
  plan.name AS term_plan_name,
  (SELECT count(*)::int FROM term_plan_unit tpu WHERE tpu.term_plan_id = plan.id AND tpu.included) AS to_cover,
  ${zero('cov.covered')} AS covered, ${zero('rnd.rounds')} AS rounds, cur.name AS current_round_name,
  cur.phase_index AS current_phase_index, ${zero('insp.inspections')} AS inspections,
  ${zero('fnd.findings')} AS findings, ${sql.join(ASPECTS.map((a) => sql`${zero(`fnd.${a}`)} AS ${sql.ref(a)}`))},
  ${zero('tsk.tasks')} AS tasks, ${zero('tsk.closed')} AS closed, ${zero('tsk.closed_on_time')} AS closed_on_time,
  ${zero('ovd.overdue')} AS overdue, ${zero('hnd.sent')} AS handovers_sent,
  ${zero('hnd.with_result')} AS handovers_with_result, ${zero('hnd.overdue')} AS handovers_overdue`;

const JOIN_PLAN_AND_ROUNDS = sql`LEFT JOIN plan ON plan.committee_id = sel.id
  LEFT JOIN cov ON cov.committee_id = sel.id LEFT JOIN rnd ON rnd.committee_id = sel.id
  LEFT JOIN cur ON cur.committee_id = sel.id`;

/** The committee and every active committee below it, with the depth below it (a path segment is a uuid and '/'). */
const TREE = (committeeId: string) => sql`
  tree AS MATERIALIZED (
    SELECT c.id, c.name, c.level, c.parent_id, (length(c.path) - length(root.path)) / 37 AS depth
    FROM committee c JOIN committee root ON root.id = ${committeeId}
    WHERE c.path LIKE root.path || '%' AND (c.active OR c.id = root.id))`;

/**
 * The committee looked from and one page of those below it (or all of them: window null), ordered by depth and
 * name. Every row carries the number of committees below (lower_total).
 */
export function figuresStatement(
  committeeId: string,
  today: string,
  window: { limit: number; offset: number } | null,
): RawBuilder<CommitteeFigures> {
  const page = window ? sql`LIMIT ${window.limit} OFFSET ${window.offset}` : sql``;
  return sql<CommitteeFigures>`
    WITH ${TREE(committeeId)},
    sel AS MATERIALIZED (
      (SELECT * FROM tree WHERE depth = 0)
      UNION ALL
      (SELECT * FROM tree WHERE depth > 0 ORDER BY depth, name, id ${page})),
    ${planAndRounds(today)}
    SELECT ${SELECT_FIGURES}, (SELECT count(*)::int FROM tree WHERE depth > 0) AS lower_total
    FROM sel ${JOIN_PLAN_AND_ROUNDS} ${counts(today)}
    ORDER BY sel.depth, sel.name, sel.id`;
}

export async function committeeFigures(
  db: Db,
  committeeId: string,
  today: string,
  window: { limit: number; offset: number } | null,
): Promise<CommitteeFigures[]> {
  // planner settings as in rectification-dashboard: small aggregates joined, no parallel workers or JIT
  return withTransaction(db, async (tx) => {
    await sql`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(
      tx,
    );
    return (await figuresStatement(committeeId, today, window).execute(tx)).rows;
  });
}

/** Is `lowerId` strictly below one of `upperIds` in the committee tree? */
export async function isBelowAny(db: Db, upperIds: readonly string[], lowerId: string): Promise<boolean> {
  if (upperIds.length === 0) return false;
  const result = await sql<{ below: boolean }>`
    SELECT EXISTS (SELECT 1 FROM committee c JOIN committee u ON u.id IN (${sql.join(upperIds)})
      WHERE c.id = ${lowerId} AND c.id <> u.id AND c.path LIKE u.path || '%') AS below`.execute(db);
  return result.rows[0]?.below === true;
}
