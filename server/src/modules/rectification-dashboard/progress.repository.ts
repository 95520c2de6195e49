// 整改进度: SQL only. One statement per request: the counters that do not depend on today come from
// task_unit_summary (one row per unit and inspection, refreshed by a trigger in the same statement as every
// task write, 0010), overdue and its ageing from the open tasks past due (task_open_due_unit_idx), the
// fed-back findings per unit from finding_fed_back_unit_idx; the per-unit rows are summed into the totals and
// one sorted page is picked. Overdue is counted from today's date, never stored.
import { addTimeLimit, ageingBucketDays, type ProgressFilter, type ProgressQuery } from '@xuncha/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { type PageRequest, pageWindow } from '../../platform/http/paging.ts';
import { taskScopeColumns } from '../task/task.repository.ts';

// calendar days (negative: back), the contracts' day arithmetic
const addDays = (date: string, days: number) => addTimeLimit(date, { amount: days, unit: 'day' });

const findingScopeColumns = { committeeId: 'f.committee_id', unitId: 'f.unit_id', inspectionId: 'f.inspection_id' };

/** The counters of one unit (or of all); `findings` comes from its own table, the ageing buckets from open tasks. */
export const COUNT_COLUMNS = [
  'tasks',
  'closed',
  'partly_closed',
  'closed_on_time',
  'overdue',
  'returned',
  'reopened',
  'ever_closed',
  'd1_7',
  'd8_30',
  'd31_90',
  'd90_plus',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number] | 'findings' | 'max_overdue_days';
export type CountRecord = Record<CountColumn, number>;

/** Overdue as in the task ledger (GET /api/tasks?overdue=true): not closed and past due. */
export const OVERDUE = (today: string) => sql`(t.status <> 'closed' AND t.due_date < ${today}::date)`;

/**
 * A task closed before issue 6 has no closed_at; its last update is the verification (a closed task
 * cannot change any more), so updated_at stands in. The date is the Shanghai calendar day.
 */
export const CLOSED_DAY = sql`(coalesce(t.closed_at, t.updated_at) AT TIME ZONE 'Asia/Shanghai')::date`;

/** An ageing bucket as a due-date range: plain comparisons per row, no date arithmetic (bench: 100,000 rows). */
export function bucketRange(today: string, bucket: keyof typeof ageingBucketDays): { from: string | null; to: string } {
  const { min, max } = ageingBucketDays[bucket];
  return { from: max === null ? null : addDays(today, -max), to: addDays(today, -min) };
}

/** Over the open tasks past due only (overdueWhere): the due date alone, so the index answers without the table. */
function bucketCondition(today: string, bucket: keyof typeof ageingBucketDays): RawBuilder<unknown> {
  const { from, to } = bucketRange(today, bucket);
  const upper = sql`t.due_date <= ${to}::date`;
  return from === null ? upper : sql`${upper} AND t.due_date >= ${from}::date`;
}

/** Counters kept in task_unit_summary (`s`): summed over the user's rows of one unit. */
const SUMMARY_COLUMNS: readonly string[] = [
  'tasks',
  'closed',
  'partly_closed',
  'closed_on_time',
  'returned',
  'reopened',
  'ever_closed',
];

/** Counters of the open tasks past due (`t`): they depend on today, so they are counted per request. */
function overdueCounts(today: string): RawBuilder<unknown> {
  const n = (condition: RawBuilder<unknown>) => sql`(count(*) FILTER (WHERE ${condition}))::int`;
  return sql.join([
    sql`count(*)::int AS overdue`,
    sql`${n(bucketCondition(today, 'd1_7'))} AS d1_7`,
    sql`${n(bucketCondition(today, 'd8_30'))} AS d8_30`,
    sql`${n(bucketCondition(today, 'd31_90'))} AS d31_90`,
    sql`${n(bucketCondition(today, 'd90_plus'))} AS d90_plus`,
    sql`${today}::date - min(t.due_date) AS max_overdue_days`,
  ]);
}

/** The filter conditions shared by tasks (`t`) and findings (`f`): committee, round, unit kind. */
function filterConditions(alias: 't' | 'f' | 's', filter: ProgressFilter): RawBuilder<unknown>[] {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const parts: RawBuilder<unknown>[] = [];
  if (filter.committeeId) parts.push(sql`${col('committee_id')} = ${filter.committeeId}`);
  // = ANY(ARRAY(…)): the round's inspections become an index condition on (inspection_id); an IN (subquery)
  // was planned as a hash join over a sequential scan of every task (bench: 110 ms → see the report)
  if (filter.roundId)
    parts.push(
      sql`${col('inspection_id')} = ANY(ARRAY(SELECT i.id FROM inspection i WHERE i.round_id = ${filter.roundId}))`,
    );
  if (filter.unitKind)
    parts.push(sql`${col('unit_id')} IN (SELECT u.id FROM org_unit u WHERE u.kind = ${filter.unitKind})`);
  return parts;
}

/** The visible tasks under the filter: the WHERE of every query here. */
export function taskWhere(user: SessionUser, filter: ProgressFilter): RawBuilder<SqlBool> {
  const scope: Expression<SqlBool> = scopeWhere(user, 'rectification.read', taskScopeColumns);
  return sql<SqlBool>`${sql.join([sql`${scope}`, ...filterConditions('t', filter)], sql` AND `)}`;
}

// The summary has no owner column: no role reads rectification by a `self` grant, so the dashboard scopes
// tasks by committee, unit and inspection only, the same on both sides.
const summaryScopeColumns = { committeeId: 's.committee_id', unitId: 's.unit_id', inspectionId: 's.inspection_id' };
const openTaskScopeColumns = { committeeId: 't.committee_id', unitId: 't.unit_id', inspectionId: 't.inspection_id' };

function summaryWhere(user: SessionUser, filter: ProgressFilter): RawBuilder<SqlBool> {
  const scope = scopeWhere(user, 'rectification.read', summaryScopeColumns);
  return sql<SqlBool>`${sql.join([sql`${scope}`, sql`s.tasks > 0`, ...filterConditions('s', filter)], sql` AND `)}`;
}

function overdueWhere(user: SessionUser, filter: ProgressFilter, today: string): RawBuilder<SqlBool> {
  const scope = scopeWhere(user, 'rectification.read', openTaskScopeColumns);
  const parts = [sql`${scope}`, OVERDUE(today), ...filterConditions('t', filter)];
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

function findingWhere(user: SessionUser, filter: ProgressFilter): RawBuilder<SqlBool> {
  const scope = scopeWhere(user, 'rectification.read', findingScopeColumns);
  const parts = [sql`${scope}`, sql`f.status = 'fed_back'`, ...filterConditions('f', filter)];
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

const ORDER: Record<ProgressQuery['sort'], RawBuilder<unknown>> = {
  '-overdue': sql`pu.overdue DESC, pu.max_overdue_days DESC, pu.unit_name, pu.unit_id`,
  overdue: sql`pu.overdue, pu.max_overdue_days, pu.unit_name, pu.unit_id`,
  '-rate': sql`pu.rate DESC NULLS LAST, pu.tasks DESC, pu.unit_name, pu.unit_id`,
  rate: sql`pu.rate NULLS LAST, pu.tasks DESC, pu.unit_name, pu.unit_id`,
  '-tasks': sql`pu.tasks DESC, pu.unit_name, pu.unit_id`,
  unitName: sql`pu.unit_name, pu.unit_id`,
};

/** The WHERE of each part of perUnit: the summary rows (`s`), the open tasks past due (`t`), the findings (`f`). */
export interface PartWheres {
  summary: RawBuilder<SqlBool>;
  overdue: RawBuilder<SqlBool>;
  findings: RawBuilder<SqlBool>;
}

function progressWheres(user: SessionUser, filter: ProgressFilter, today: string): PartWheres {
  return {
    summary: summaryWhere(user, filter),
    overdue: overdueWhere(user, filter, today),
    findings: findingWhere(user, filter),
  };
}

/**
 * Per-unit rows from three parts stacked with UNION ALL and summed per unit: the summary counters, the overdue
 * counts, the fed-back findings (a unit may have findings and no tasks yet). Not joined to each other: the
 * planner multiplies the group estimates of joined aggregates (2,500 units were estimated at 18 million rows),
 * and such a cost switched on JIT compilation, which alone took 40–900 ms a request (bench, PostgreSQL 15).
 */
function perUnit(where: PartWheres, today: string) {
  const zero = (columns: readonly string[]) => columns.map((c) => sql`0 AS ${sql.ref(c)}`);
  const overdueColumns = COUNT_COLUMNS.filter((c) => !SUMMARY_COLUMNS.includes(c));
  // int throughout: sum(bigint) would be numeric arithmetic over every part row
  const su = SUMMARY_COLUMNS.map((c) => sql`sum(s.${sql.ref(c)})::int AS ${sql.ref(c)}`);
  const sums = COUNT_COLUMNS.map((c) => sql`sum(p.${sql.ref(c)})::int AS ${sql.ref(c)}`);
  return sql`
    parts AS (
      SELECT s.unit_id, ${sql.join([...su, ...zero(overdueColumns)])}, NULL::int AS max_overdue_days, 0 AS findings
        FROM task_unit_summary s WHERE ${where.summary} GROUP BY s.unit_id
      UNION ALL
      SELECT t.unit_id, ${sql.join([...zero(SUMMARY_COLUMNS), overdueCounts(today)])}, 0 AS findings
        FROM task t WHERE ${where.overdue} GROUP BY t.unit_id
      UNION ALL
      SELECT f.unit_id, ${sql.join(zero([...SUMMARY_COLUMNS, ...overdueColumns]))}, NULL::int AS max_overdue_days,
          count(*)::int AS findings
        FROM finding f WHERE ${where.findings} GROUP BY f.unit_id),
    pu AS MATERIALIZED (
      SELECT u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, ${sql.join(sums)},
        sum(p.findings)::int AS findings, coalesce(max(p.max_overdue_days), 0)::int AS max_overdue_days,
        sum(p.closed)::numeric / nullif(sum(p.tasks), 0) AS rate
      FROM parts p JOIN org_unit u ON u.id = p.unit_id
      GROUP BY u.id)`;
}

/**
 * The statement in one process and without JIT compilation: over ~7,500 part rows, parallel workers each
 * rebuilt the hash of all units, and JIT (switched on by cost estimates, not by the work) took 40–900 ms
 * (bench, PostgreSQL 15, 2 cores). set_config(…, true) lasts until the end of this read-only transaction.
 */
function inOneProcess<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await sql`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(
      tx,
    );
    return run(tx);
  });
}

export type UnitCounts = CountRecord & { unit_id: string; unit_name: string; unit_kind: string };
export interface DashboardRows {
  totals: CountRecord;
  units: number;
  page: UnitCounts[];
  /** the counters per unit kind, most tasks first */
  kinds: (CountRecord & { unit_kind: string })[];
}

const countsOf = (r: Record<string, unknown>, prefix = '') =>
  Object.fromEntries(
    [...COUNT_COLUMNS, 'findings', 'max_overdue_days'].map((c) => [c, Number(r[`${prefix}${c}`] ?? 0)]),
  ) as CountRecord;

const unitOf = (r: Record<string, unknown>): UnitCounts => ({
  ...countsOf(r),
  unit_id: String(r.unit_id),
  unit_name: String(r.unit_name),
  unit_kind: String(r.unit_kind),
});

/** Totals, ageing and one page of units in a single statement (one pass over the tasks). */
export function dashboard(db: Db, user: SessionUser, query: ProgressQuery, today: string): Promise<DashboardRows> {
  return dashboardOver(db, progressWheres(user, query, today), query, today);
}

/** The dashboard over any selection of tasks (the analytics filter builds its own PartWheres). */
export async function dashboardOver(
  db: Db,
  where: PartWheres,
  query: PageRequest & { sort: ProgressQuery['sort'] },
  today: string,
): Promise<DashboardRows> {
  const { limit, offset } = pageWindow(query);
  const columns = [...COUNT_COLUMNS, 'findings' as const];
  const totalColumns = columns.map((c) => sql`coalesce(sum(pu.${sql.ref(c)}), 0)::int AS ${sql.ref(`total_${c}`)}`);
  const kindColumns = columns.map((c) => sql`sum(pu.${sql.ref(c)})::int AS ${sql.ref(c)}`);
  const result = await inOneProcess(db, (tx) =>
    sql<Record<string, unknown>>`
    WITH ${perUnit(where, today)},
    tot AS (SELECT count(*)::int AS total_units, coalesce(max(pu.max_overdue_days), 0)::int AS total_max_overdue_days,
      ${sql.join(totalColumns)},
      (SELECT coalesce(json_agg(k ORDER BY k.tasks DESC, k.unit_kind), '[]'::json) FROM
        (SELECT pu.unit_kind, ${sql.join(kindColumns)} FROM pu GROUP BY pu.unit_kind) k) AS total_kinds FROM pu)
    SELECT tot.*, page.* FROM tot
    LEFT JOIN LATERAL (SELECT pu.* FROM pu ORDER BY ${ORDER[query.sort]} LIMIT ${limit} OFFSET ${offset}) page ON true`.execute(
      tx,
    ),
  );
  const first = result.rows[0] ?? {};
  const kinds = (first.total_kinds ?? []) as Record<string, unknown>[];
  return {
    totals: countsOf(first, 'total_'),
    units: Number(first.total_units ?? 0),
    page: result.rows.filter((r) => r.unit_id !== null && r.unit_id !== undefined).map(unitOf),
    kinds: kinds.map((k) => ({ ...countsOf(k), unit_kind: String(k.unit_kind) })),
  };
}

/** Every unit row in the order of `sort`, for the export (a committee has at most tens of thousands of units). */
export function allUnits(db: Db, user: SessionUser, query: Omit<ProgressQuery, 'page' | 'pageSize'>, today: string) {
  return allUnitsOver(db, progressWheres(user, query, today), query.sort, today);
}

export async function allUnitsOver(db: Db, where: PartWheres, sort: ProgressQuery['sort'], today: string) {
  const result = await inOneProcess(db, (tx) =>
    sql<Record<string, unknown>>`
    WITH ${perUnit(where, today)} SELECT pu.* FROM pu ORDER BY ${ORDER[sort]}`.execute(tx),
  );
  return result.rows.map(unitOf);
}

/** The committee of a round, or null when there is no such round. */
export async function roundCommittee(db: Db, roundId: string): Promise<string | null> {
  const row = await db.selectFrom('round').select('committee_id').where('id', '=', roundId).executeTakeFirst();
  return row?.committee_id ?? null;
}

/** Does the user read rectification anywhere in this committee (a committee grant, or a unit/inspection in it)? */
export async function committeeVisible(db: Db, user: SessionUser, committeeId: string): Promise<boolean> {
  const unitScope = scopeWhere(user, 'rectification.read', { committeeId: 'u.committee_id', unitId: 'u.id' });
  const inspectionScope = scopeWhere(user, 'rectification.read', {
    committeeId: 'i.committee_id',
    unitId: 'i.unit_id',
    inspectionId: 'i.id',
  });
  const result = await sql<{ visible: boolean }>`SELECT
    EXISTS (SELECT 1 FROM org_unit u WHERE u.committee_id = ${committeeId} AND ${unitScope})
    OR EXISTS (SELECT 1 FROM inspection i WHERE i.committee_id = ${committeeId} AND ${inspectionScope}) AS visible`.execute(
    db,
  );
  return result.rows[0]?.visible === true;
}
