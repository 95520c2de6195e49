// 整改方案审核: the office's list of plans in its scope, filtered by status, overdue, unit and keyword,
// with the derived due date, overdue and due-soon; the same rows feed the .xlsx export.
import type { PlanListItem, PlanListQuery, PlanStatus } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { countRows, pageResult, pageWindow } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';
import { type PlanClock, planClock, planTimeliness } from './plan.deadline.ts';
import { overdueCondition, visiblePlans } from './plan.repository.ts';

type Filter = Omit<PlanListQuery, 'page' | 'pageSize'>;

async function filtered(db: Db, user: SessionUser, filter: Filter, today: string) {
  let query = visiblePlans(db, user);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.unitId) query = query.where('p.unit_id', '=', filter.unitId);
  if (filter.q) query = query.where('u.name', 'like', `%${escapeLike(filter.q)}%`);
  // a few committees at most: the limits and the calendar are loaded once for the whole list
  const committees = await query.select('p.committee_id').distinct().execute();
  const clock = await planClock(
    db,
    committees.map((c) => c.committee_id),
    today,
  );
  if (filter.overdue !== undefined) {
    const cutoffs = new Map(committees.map((c) => [c.committee_id, clock.overdueCutoff(c.committee_id)]));
    const condition = overdueCondition(cutoffs);
    query = filter.overdue ? query.where(condition) : query.where((eb) => eb.not(condition));
  }
  return { query, clock };
}

type Query = Awaited<ReturnType<typeof filtered>>['query'];

function selectPage(query: Query, window: { limit: number; offset: number }) {
  return query
    .innerJoin('inspection as i', 'i.id', 'p.inspection_id')
    .innerJoin('round as rd', 'rd.id', 'i.round_id')
    .select([
      'p.id',
      'p.committee_id as committeeId',
      'p.inspection_id as inspectionId',
      'p.unit_id as unitId',
      'u.name as unitName',
      'rd.name as roundName',
      'r.feedback_date as feedbackDate',
      'p.status',
      'p.current_version as currentVersion',
      'p.returned_count as returnedCount',
      'p.updated_at as updatedAt',
    ])
    .orderBy('r.feedback_date')
    .orderBy('p.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}
type Row = Awaited<ReturnType<typeof selectPage>>[number];

function presentRow(row: Row, clock: PlanClock, today: string): PlanListItem {
  const { committeeId, ...rest } = row;
  const dueDate = clock.dueDate(committeeId, row.feedbackDate);
  const status = row.status as PlanStatus;
  return { ...rest, status, dueDate, ...planTimeliness(status, dueDate, today) };
}

export async function listPlans(ctx: RequestContext, query: PlanListQuery) {
  const today = shanghaiToday(ctx.clock);
  const { query: base, clock } = await filtered(ctx.db, ctx.user, query, today);
  const [rows, total] = await Promise.all([
    selectPage(base, pageWindow(query)),
    base.select(countRows).executeTakeFirstOrThrow(),
  ]);
  return pageResult(
    rows.map((r) => presentRow(r, clock, today)),
    total.n,
    query,
  );
}

/** Every matching row in list order, a batch at a time (plans are one per inspection: few thousand at most). */
export async function* planExportRows(ctx: RequestContext, filter: Filter, batch = 500): AsyncGenerator<PlanListItem> {
  const today = shanghaiToday(ctx.clock);
  const { query, clock } = await filtered(ctx.db, ctx.user, filter, today);
  for (let offset = 0; ; offset += batch) {
    const rows = await selectPage(query, { limit: batch, offset });
    for (const row of rows) yield presentRow(row, clock, today);
    if (rows.length < batch) return;
  }
}
