// The rows behind a dashboard figure: SQL only, the same scope and filters as progress.repository.ts. The
// task ledger cannot filter by days past due or "ever returned", so the charts drill down here; each row
// links to the task itself.
import type { ProgressTaskQuery } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';
import { bucketRange, CLOSED_DAY, taskWhere } from './progress.repository.ts';

function kindCondition(query: ProgressTaskQuery, today: string): RawBuilder<unknown> {
  const overdue = sql`t.status <> 'closed' AND t.due_date < ${today}::date`;
  switch (query.kind) {
    case 'overdue': {
      if (!query.ageing) return overdue;
      const { from, to } = bucketRange(today, query.ageing);
      const upper = sql`${overdue} AND t.due_date <= ${to}::date`;
      return from === null ? upper : sql`${upper} AND t.due_date >= ${from}::date`;
    }
    case 'returned':
      return sql`t.returned_count > 0`;
    case 'reopened':
      return sql`t.reopened_count > 0`;
    case 'closed_late':
      return sql`t.status = 'closed' AND ${CLOSED_DAY} > t.due_date`;
    case 'open':
      return sql`t.status <> 'closed'`;
  }
}

export async function drillTasks(db: Db, user: SessionUser, query: ProgressTaskQuery, today: string) {
  const { limit, offset } = pageWindow(query);
  const where = sql.join(
    [taskWhere(user, query), kindCondition(query, today), ...(query.unitId ? [sql`t.unit_id = ${query.unitId}`] : [])],
    sql` AND `,
  );
  const [rows, count] = await Promise.all([
    sql<{
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
    }>`
      SELECT t.id, t.unit_id AS "unitId", u.name AS "unitName", f.title AS "findingTitle", t.title,
        o.display_name AS "ownerName", t.due_date AS "dueDate", t.status,
        CASE WHEN t.status <> 'closed' AND t.due_date < ${today}::date THEN (${today}::date - t.due_date) ELSE 0 END::int
          AS "overdueDays",
        t.returned_count AS "returnedCount", t.reopened_count AS "reopenedCount"
      FROM (SELECT t.id FROM task t WHERE ${where} ORDER BY t.due_date, t.id LIMIT ${limit} OFFSET ${offset}) p
      JOIN task t ON t.id = p.id
      JOIN org_unit u ON u.id = t.unit_id
      JOIN finding f ON f.id = t.finding_id
      JOIN app_user o ON o.id = t.owner_user_id
      ORDER BY t.due_date, t.id`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM task t WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}
