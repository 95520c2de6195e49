// 整改成效: SQL only. The figures come from the 整改进度 dashboard's statement (progress.repository.ts: the
// maintained task_unit_summary, the open tasks past due, the fed-back findings) with the analytics filter's
// selection instead of the user's rectification scope; the drill-down lists the tasks behind each figure.

import type { RectificationTaskKind, RectificationTaskQuery } from '@xuncha/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';
import { bucketRange, CLOSED_DAY, OVERDUE, type PartWheres } from '../rectification-dashboard/progress.repository.ts';
import { inspectionConditions, type ResolvedFilter } from './analytics.filter.ts';

/**
 * The committee's rows (alias.committee_id), narrowed to the filter's inspections when the filter names a term,
 * round, unit kind or area. Unfiltered, the committee column alone lets the committee indexes answer.
 */
export function selectionOf(f: ResolvedFilter, alias: 's' | 't' | 'f' | 'h'): RawBuilder<SqlBool> {
  const committee = sql<SqlBool>`${sql.ref(`${alias}.committee_id`)} = ${f.committeeId}`;
  if (!f.term && !f.roundId && !f.unitKind && !f.areaPath) return committee;
  // = ANY(ARRAY(…)): the inspections become an index condition on (inspection_id), as in progress.repository.ts
  return sql<SqlBool>`${committee} AND ${sql.ref(`${alias}.inspection_id`)} = ANY(ARRAY(
    SELECT i.id FROM inspection i JOIN org_unit u ON u.id = i.unit_id WHERE ${inspectionConditions(f)}))`;
}

export function rateWheres(f: ResolvedFilter, today: string): PartWheres {
  return {
    summary: sql<SqlBool>`${selectionOf(f, 's')} AND s.tasks > 0`,
    overdue: sql<SqlBool>`${selectionOf(f, 't')} AND ${OVERDUE(today)}`,
    findings: sql<SqlBool>`${selectionOf(f, 'f')} AND f.status = 'fed_back'`,
  };
}

/** The same definitions as task_unit_summary (0010) and the overdue counts, one per figure. */
function kindCondition(kind: RectificationTaskKind, today: string): RawBuilder<unknown> {
  switch (kind) {
    case 'all':
      return sql`true`;
    case 'closed':
      return sql`t.status = 'closed'`;
    case 'closed_on_time':
      return sql`t.status = 'closed' AND ${CLOSED_DAY} <= t.due_date`;
    case 'closed_late':
      return sql`t.status = 'closed' AND ${CLOSED_DAY} > t.due_date`;
    case 'open':
      return sql`t.status <> 'closed'`;
    case 'overdue':
      return OVERDUE(today);
    case 'returned':
      return sql`t.returned_count > 0`;
    case 'reopened':
      return sql`t.reopened_count > 0`;
    case 'ever_closed':
      return sql`(t.status IN ('closed', 'partly_closed') OR t.reopened_count > 0)`;
  }
}

export function taskDrillWhere(f: ResolvedFilter, q: Omit<RectificationTaskQuery, 'page' | 'pageSize'>, today: string) {
  const parts: RawBuilder<unknown>[] = [selectionOf(f, 't'), kindCondition(q.ageing ? 'overdue' : q.kind, today)];
  if (q.ageing) {
    const { from, to } = bucketRange(today, q.ageing);
    parts.push(sql`t.due_date <= ${to}::date`);
    if (from !== null) parts.push(sql`t.due_date >= ${from}::date`);
  }
  if (q.unitId) parts.push(sql`t.unit_id = ${q.unitId}`);
  return sql.join(parts, sql` AND `);
}

export interface DrillTaskRow {
  id: string;
  unitId: string;
  unitName: string;
  findingTitle: string;
  title: string;
  ownerName: string;
  dueDate: string;
  status: string;
  overdueDays: number;
  returnedCount: number;
  reopenedCount: number;
}

/** One page of tasks by due date: by offset for the drawer, after the last row (keyset) for the export. */
export async function drillRows(
  db: Db,
  where: RawBuilder<unknown>,
  today: string,
  page: { limit: number; offset?: number; after?: { dueDate: string; id: string } },
) {
  const after = page.after
    ? sql`AND (t.due_date, t.id) > (${page.after.dueDate}::date, ${page.after.id}::uuid)`
    : sql``;
  const result = await sql<DrillTaskRow>`
    SELECT t.id, t.unit_id AS "unitId", u.name AS "unitName", f.title AS "findingTitle", t.title,
      o.display_name AS "ownerName", t.due_date AS "dueDate", t.status,
      CASE WHEN t.status <> 'closed' AND t.due_date < ${today}::date THEN (${today}::date - t.due_date) ELSE 0 END::int
        AS "overdueDays",
      t.returned_count AS "returnedCount", t.reopened_count AS "reopenedCount"
    FROM (SELECT t.id FROM task t WHERE ${where} ${after} ORDER BY t.due_date, t.id
      LIMIT ${page.limit} OFFSET ${page.offset ?? 0}) p
    JOIN task t ON t.id = p.id
    JOIN org_unit u ON u.id = t.unit_id
    JOIN finding f ON f.id = t.finding_id
    JOIN app_user o ON o.id = t.owner_user_id
    ORDER BY t.due_date, t.id`.execute(db);
  return result.rows;
}

export async function drillPage(db: Db, f: ResolvedFilter, q: RectificationTaskQuery, today: string) {
  const where = taskDrillWhere(f, q, today);
  const { limit, offset } = pageWindow(q);
  const [items, count] = await Promise.all([
    drillRows(db, where, today, { limit, offset }),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM task t WHERE ${where}`.execute(db),
  ]);
  return { items, total: Number(count.rows[0]?.n ?? 0) };
}
