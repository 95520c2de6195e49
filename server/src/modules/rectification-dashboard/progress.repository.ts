// 整改进度: SQL only. One statement aggregates the user's visible tasks per unit (and the fed-back findings per
// unit), then sums the per-unit rows into the totals and picks one sorted page of them, so the task table is
// read once per request. Every count is a FILTER over columns of task_progress_idx (tasks) and
// finding_fed_back_unit_idx (findings), so a committee's 100,000 tasks are read from the index alone, in unit
// order (0010). Nothing is stored.
import { addTimeLimit, ageingBucketDays, type ProgressFilter, type ProgressQuery } from '@xuncha/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';
import { taskScopeColumns } from '../task/task.repository.ts';

// calendar days (negative: back), the contracts' day arithmetic
const addDays = (date: string, days: number) => addTimeLimit(date, { amount: days, unit: 'day' });

const findingScopeColumns = { committeeId: 'f.committee_id', unitId: 'f.unit_id', inspectionId: 'f.inspection_id' };

/** The counters of one unit (or of all), in the order of the SQL below; `findings` comes from its own table. */
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
const OVERDUE = (today: string) => sql`(t.status <> 'closed' AND t.due_date < ${today}::date)`;

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

function bucketCondition(today: string, bucket: keyof typeof ageingBucketDays): RawBuilder<unknown> {
  const { from, to } = bucketRange(today, bucket);
  const upper = sql`t.status <> 'closed' AND t.due_date <= ${to}::date`;
  return from === null ? upper : sql`${upper} AND t.due_date >= ${from}::date`;
}

/** The count expressions of COUNT_COLUMNS over `task t`. */
function taskCounts(today: string): RawBuilder<unknown> {
  const n = (condition: RawBuilder<unknown>) => sql`count(*) FILTER (WHERE ${condition})`;
  return sql.join([
    sql`count(*) AS tasks`,
    sql`${n(sql`t.status = 'closed'`)} AS closed`,
    sql`${n(sql`t.status = 'partly_closed'`)} AS partly_closed`,
    sql`${n(sql`t.status = 'closed' AND ${CLOSED_DAY} <= t.due_date`)} AS closed_on_time`,
    sql`${n(OVERDUE(today))} AS overdue`,
    sql`${n(sql`t.returned_count > 0`)} AS returned`,
    sql`${n(sql`t.reopened_count > 0`)} AS reopened`,
    sql`${n(sql`t.status IN ('closed', 'partly_closed') OR t.reopened_count > 0`)} AS ever_closed`,
    sql`${n(bucketCondition(today, 'd1_7'))} AS d1_7`,
    sql`${n(bucketCondition(today, 'd8_30'))} AS d8_30`,
    sql`${n(bucketCondition(today, 'd31_90'))} AS d31_90`,
    sql`${n(bucketCondition(today, 'd90_plus'))} AS d90_plus`,
    sql`coalesce(${today}::date - min(t.due_date) FILTER (WHERE ${OVERDUE(today)}), 0) AS max_overdue_days`,
  ]);
}

/** The filter conditions shared by tasks (`t`) and findings (`f`): committee, round, unit kind. */
function filterConditions(alias: 't' | 'f', filter: ProgressFilter): RawBuilder<unknown>[] {
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

/** Per-unit rows (tasks and fed-back findings, full join: a unit may not have split its findings yet). */
function perUnit(user: SessionUser, filter: ProgressFilter, today: string) {
  const sums = COUNT_COLUMNS.map((c) => sql`coalesce(tu.${sql.ref(c)}, 0)::int AS ${sql.ref(c)}`);
  return sql`
    tu AS (SELECT t.unit_id, ${taskCounts(today)} FROM task t WHERE ${taskWhere(user, filter)} GROUP BY t.unit_id),
    fu AS (SELECT f.unit_id, count(*) AS findings FROM finding f WHERE ${findingWhere(user, filter)} GROUP BY f.unit_id),
    pu AS MATERIALIZED (
      SELECT u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, ${sql.join(sums)},
        coalesce(fu.findings, 0)::int AS findings, coalesce(tu.max_overdue_days, 0)::int AS max_overdue_days,
        tu.closed::numeric / nullif(tu.tasks, 0) AS rate
      FROM tu FULL JOIN fu ON fu.unit_id = tu.unit_id
      JOIN org_unit u ON u.id = coalesce(tu.unit_id, fu.unit_id))`;
}

export interface DashboardRows {
  totals: CountRecord;
  units: number;
  page: (CountRecord & { unit_id: string; unit_name: string; unit_kind: string })[];
}

/** Totals, ageing and one page of units in a single statement (one pass over the tasks). */
export async function dashboard(
  db: Db,
  user: SessionUser,
  query: ProgressQuery,
  today: string,
): Promise<DashboardRows> {
  const { limit, offset } = pageWindow(query);
  const totalColumns = [...COUNT_COLUMNS, 'findings' as const].map(
    (c) => sql`coalesce(sum(pu.${sql.ref(c)}), 0)::int AS ${sql.ref(`total_${c}`)}`,
  );
  const result = await sql<Record<string, unknown>>`
    WITH ${perUnit(user, query, today)},
    tot AS (SELECT count(*)::int AS total_units, coalesce(max(pu.max_overdue_days), 0)::int AS total_max_overdue_days,
      ${sql.join(totalColumns)} FROM pu)
    SELECT tot.*, page.* FROM tot
    LEFT JOIN LATERAL (SELECT pu.* FROM pu ORDER BY ${ORDER[query.sort]} LIMIT ${limit} OFFSET ${offset}) page ON true`.execute(
    db,
  );
  const first = result.rows[0] ?? {};
  const totals = Object.fromEntries(
    [...COUNT_COLUMNS, 'findings', 'max_overdue_days'].map((c) => [c, Number(first[`total_${c}`] ?? 0)]),
  ) as CountRecord;
  const page = result.rows
    .filter((r) => r.unit_id !== null && r.unit_id !== undefined)
    .map((r) => ({
      ...(Object.fromEntries(
        [...COUNT_COLUMNS, 'findings', 'max_overdue_days'].map((c) => [c, Number(r[c] ?? 0)]),
      ) as CountRecord),
      unit_id: String(r.unit_id),
      unit_name: String(r.unit_name),
      unit_kind: String(r.unit_kind),
    }));
  return { totals, units: Number(first.total_units ?? 0), page };
}

/** Every unit row in the order of `sort`, for the export (a committee has at most tens of thousands of units). */
export async function allUnits(
  db: Db,
  user: SessionUser,
  query: Omit<ProgressQuery, 'page' | 'pageSize'>,
  today: string,
) {
  const result = await sql<Record<string, unknown>>`
    WITH ${perUnit(user, query, today)} SELECT pu.* FROM pu ORDER BY ${ORDER[query.sort]}`.execute(db);
  return result.rows.map((r) => ({
    ...(Object.fromEntries(
      [...COUNT_COLUMNS, 'findings', 'max_overdue_days'].map((c) => [c, Number(r[c] ?? 0)]),
    ) as CountRecord),
    unit_id: String(r.unit_id),
    unit_name: String(r.unit_name),
    unit_kind: String(r.unit_kind),
  }));
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
