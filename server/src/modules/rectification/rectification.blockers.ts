// 见底清零 (DOMAIN.md §6): what still stands between a case and its sign-off. The sign-off counts every
// handover of the inspection; the overview shows only the handovers this user may see, because a clue
// handed to 纪委监委 is need-to-know (the inspected unit must not learn of it from this page).
import {
  type PlanStatus,
  planStatusLabel,
  type RectificationBlocker,
  type RectificationBlockerCode,
  type RectificationReportKind,
  rectificationReportKind,
} from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { handoverVisibleWhere } from '../handover/handover.access.ts';
import { OPEN_HANDOVER_STATUSES } from '../handover/handover.status.ts';

const SHOWN = 5;

export interface BlockerSource {
  id: string;
  inspectionId: string;
  planStatus: PlanStatus;
  evaluationResult: string | null;
  remedialDue: string | null;
}

async function openTasks(db: Db, inspectionId: string) {
  const base = db.selectFrom('task as t').where('t.inspection_id', '=', inspectionId).where('t.status', '<>', 'closed');
  const [rows, count] = await Promise.all([
    base.select(['t.id', 't.title']).orderBy('t.due_date').orderBy('t.seq').limit(SHOWN).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { count: Number(count.n), items: rows.map((t) => ({ title: t.title, link: `/tasks/${t.id}` })) };
}

async function openHandovers(db: Db, inspectionId: string, visible: Expression<SqlBool>) {
  const base = db
    .selectFrom('handover as h')
    .where('h.inspection_id', '=', inspectionId)
    .where('h.status', 'in', OPEN_HANDOVER_STATUSES)
    .where(visible);
  const [rows, count] = await Promise.all([
    base
      .select([sql<string>`'移交〔' || h.year || '〕' || h.seq || '号 ' || h.recipient_name`.as('title')])
      .orderBy('h.due_date')
      .limit(SHOWN)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const link = `/handovers?inspectionId=${inspectionId}`;
  return { count: Number(count.n), items: rows.map((h) => ({ title: h.title, link })) };
}

async function currentReportKinds(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('rectification_report')
    .select('kind')
    .distinct()
    .where('rectification_id', '=', caseId)
    .where('superseded_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.kind));
}

const blocker = (
  code: RectificationBlockerCode,
  message: string,
  count = 1,
  items: RectificationBlocker['items'] = [],
): RectificationBlocker => ({ code, message, count, items });

/**
 * The blockers of a case. `viewer` limits the handovers to those the viewer may see (overview);
 * without it every handover counts (the sign-off itself).
 */
export async function blockersOf(db: Db, c: BlockerSource, viewer?: SessionUser): Promise<RectificationBlocker[]> {
  const visible = viewer ? handoverVisibleWhere(viewer) : sql<SqlBool>`true`;
  const [tasks, handovers, reports] = await Promise.all([
    openTasks(db, c.inspectionId),
    openHandovers(db, c.inspectionId, visible),
    currentReportKinds(db, c.id),
  ]);
  const result: RectificationBlocker[] = [];
  if (tasks.count > 0)
    result.push(blocker('tasks_open', `还有 ${tasks.count} 项整改任务未销号`, tasks.count, tasks.items));
  if (handovers.count > 0)
    result.push(
      blocker('handovers_open', `还有 ${handovers.count} 件移交事项尚无办理结果`, handovers.count, handovers.items),
    );
  if (c.planStatus !== 'approved')
    result.push(blocker('plan_not_approved', `整改方案尚未审核通过（当前：${planStatusLabel[c.planStatus]}）`));
  const missing = (kind: RectificationReportKind, code: RectificationBlockerCode) => {
    if (!reports.has(kind)) result.push(blocker(code, `尚未报送${rectificationReportKind.labels[kind]}`));
  };
  missing('rectification', 'report_missing');
  missing('duty', 'duty_missing');
  if (c.evaluationResult === 'fail')
    result.push(blocker('evaluation_failed', `整改评估不合格，补课（期限 ${c.remedialDue ?? '—'}）后尚未重新评估`));
  return result;
}
