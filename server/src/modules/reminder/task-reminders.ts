// Reminders for open rectification tasks: one INSERT … SELECT over the task ledger (1,000,000 tasks at
// province scale), never a loop over rows. The per-committee cut-off dates come from thresholds.ts; the
// dedupe key carries the due date, so a task whose deadline is moved is reminded again.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { cutoffsFor, loadCommitteeLimits } from './thresholds.ts';

/** Statuses in which the task owner still has to act (submitted waits for the office's 销号). */
export const REMINDED_TASK_STATUSES = ['open', 'in_progress', 'returned'] as const;

export async function remindTasks(tx: Db, asOf: string): Promise<number> {
  const [{ committeeIds, limitOf }, isWorkday] = await Promise.all([loadCommitteeLimits(tx), loadWorkCalendar(tx)]);
  if (committeeIds.length === 0) return 0;
  const limits = committeeIds.map((id) => {
    const c = cutoffsFor(asOf, (code) => limitOf(id, code), isWorkday);
    return sql`(${id}::uuid, ${c.first}::date, ${c.second}::date)`;
  });
  const result = await sql<{ n: number }>`
    WITH limits (committee_id, first_cutoff, second_cutoff) AS (VALUES ${sql.join(limits)}),
    due AS (
      SELECT t.id, t.title, t.unit_id, t.owner_user_id, to_char(t.due_date, 'YYYY-MM-DD') AS due,
        CASE WHEN t.due_date < ${asOf}::date THEN 'overdue'
             WHEN t.due_date <= l.second_cutoff THEN 'second' ELSE 'first' END AS threshold
      FROM task t JOIN limits l ON l.committee_id = t.committee_id
      WHERE t.status IN (${sql.join([...REMINDED_TASK_STATUSES])}) AND t.due_date <= l.first_cutoff
    ),
    recipient AS (
      SELECT d.*, d.owner_user_id AS user_id FROM due d
      UNION
      -- an overdue task is also the unit's business: its 整改联络员 is told
      SELECT d.*, ur.user_id FROM due d
      JOIN user_role ur ON ur.scope_kind = 'unit' AND ur.scope_id = d.unit_id AND ur.role_code = 'unit_liaison'
      WHERE d.threshold = 'overdue'
    ),
    inserted AS (
      INSERT INTO notification (user_id, kind, title, body, link, subject_type, subject_id, dedupe_key)
      SELECT r.user_id,
        CASE WHEN r.threshold = 'overdue' THEN 'task_overdue' ELSE 'task_due_soon' END,
        CASE WHEN r.threshold = 'overdue' THEN '整改任务「' || r.title || '」已逾期'
             ELSE '整改任务「' || r.title || '」将于 ' || r.due || ' 到期' END,
        CASE WHEN r.threshold = 'overdue' THEN '该任务应于 ' || r.due || ' 完成，请尽快整改并报送销号材料。'
             ELSE '请在 ' || r.due || ' 前完成整改并报送销号材料。' END,
        '/tasks/' || r.id, 'task', r.id,
        'task:' || r.id || ':' || r.due || ':' || r.threshold
      FROM recipient r JOIN app_user u ON u.id = r.user_id AND u.active
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(tx);
  return Number(result.rows[0]?.n ?? 0);
}
