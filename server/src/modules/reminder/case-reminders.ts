// Reminders for a rectification case's two deadlines (DOMAIN.md §6): the 整改方案 (plan_submit from the
// feedback date, in working days) to the unit head and liaison while the plan is not submitted, and the
// 整改报告 at the end of the 集中整改期 (rectification_period) to the unit head while none is filed.
// Cases are few (one per inspection), so their deadlines are computed here and then written with one
// INSERT … SELECT per kind; the dedupe key carries the due date.
import { addTimeLimit, type TimeLimitCode } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { cutoffsFor, loadCommitteeLimits, type Threshold, thresholdOf } from './thresholds.ts';

interface CaseRow {
  id: string;
  committee_id: string;
  unit_id: string;
  feedback_date: string;
}

interface CaseReminder {
  kind: 'plan_due' | 'report_due';
  /** dedupe key prefix and link */
  subject: 'plan' | 'report';
  code: TimeLimitCode;
  roles: readonly string[];
  title: (due: string, threshold: Threshold) => string;
  open: (tx: Db) => Promise<CaseRow[]>;
}

const dueText = (what: string) => (due: string, threshold: Threshold) =>
  threshold === 'overdue' ? `${what}已逾期（应于 ${due} 前报送）` : `${what}应于 ${due} 前报送`;

const rectifying = (tx: Db) =>
  tx
    .selectFrom('rectification as r')
    .select(['r.id', 'r.committee_id', 'r.unit_id', 'r.feedback_date'])
    .where('r.status', '=', 'rectifying');

const PLAN: CaseReminder = {
  kind: 'plan_due',
  subject: 'plan',
  code: 'plan_submit',
  roles: ['unit_head', 'unit_liaison'],
  title: dueText('整改方案'),
  open: (tx) =>
    rectifying(tx)
      .innerJoin('rectification_plan as p', 'p.rectification_id', 'r.id')
      .where('p.status', 'in', ['draft', 'returned'])
      .execute(),
};

const REPORT: CaseReminder = {
  kind: 'report_due',
  subject: 'report',
  code: 'rectification_period',
  roles: ['unit_head'],
  title: dueText('整改情况报告'),
  open: (tx) =>
    rectifying(tx)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('rectification_report as rr')
              .select('rr.id')
              .whereRef('rr.rectification_id', '=', 'r.id')
              .where('rr.kind', '=', 'rectification')
              .where('rr.superseded_at', 'is', null),
          ),
        ),
      )
      .execute(),
};

async function remindCases(tx: Db, asOf: string, reminder: CaseReminder): Promise<number> {
  const cases = await reminder.open(tx);
  if (cases.length === 0) return 0;
  const [{ limitOf }, isWorkday] = await Promise.all([loadCommitteeLimits(tx), loadWorkCalendar(tx)]);
  const due = cases.flatMap((c) => {
    const deadline = addTimeLimit(c.feedback_date, limitOf(c.committee_id, reminder.code), isWorkday);
    const threshold = thresholdOf(
      deadline,
      cutoffsFor(asOf, (code) => limitOf(c.committee_id, code), isWorkday),
    );
    if (!threshold) return [];
    const key = `${reminder.subject}:${c.id}:${deadline}:${threshold}`;
    return [sql`(${c.id}::uuid, ${c.unit_id}::uuid, ${reminder.title(deadline, threshold)}, ${key})`];
  });
  if (due.length === 0) return 0;
  const result = await sql<{ n: number }>`
    WITH due (case_id, unit_id, title, dedupe_key) AS (VALUES ${sql.join(due)}),
    inserted AS (
      INSERT INTO notification (user_id, kind, title, body, link, subject_type, subject_id, dedupe_key)
      SELECT DISTINCT ur.user_id, ${reminder.kind}, d.title, '', '/rectifications/' || d.case_id,
        'rectification', d.case_id, d.dedupe_key
      FROM due d
      JOIN user_role ur ON ur.scope_kind = 'unit' AND ur.scope_id = d.unit_id AND ur.role_code IN (${sql.join([...reminder.roles])})
      JOIN app_user u ON u.id = ur.user_id AND u.active
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(tx);
  return Number(result.rows[0]?.n ?? 0);
}

export const remindPlans = (tx: Db, asOf: string) => remindCases(tx, asOf, PLAN);
export const remindReports = (tx: Db, asOf: string) => remindCases(tx, asOf, REPORT);
