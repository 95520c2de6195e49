// 成果运用台账: SQL only. The rows are findings the user may read (finding scope) in a scope where they also
// hold results.read. Filters are conditions on the finding itself (EXISTS over report/handover/task), so
// the count never joins; a page picks its ids in ledger order first, then one statement joins the chain
// (report, live handover, task counts through a lateral aggregate) for those rows only.
import type { HandoverStage, RectificationState, ResultsLedgerFilter, ResultsLedgerQuery } from '@xuncha/contracts';
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { DB } from '../../platform/schema.ts';
import { findingScopeColumns } from '../finding/finding.repository.ts';
import { escapeLike } from '../org/org.repository.ts';

type LedgerFrom = SelectQueryBuilder<DB & { f: DB['finding'] } & { i: DB['inspection'] }, 'f' | 'i', object>;

// A finding's live handovers: its own (a declined one may be sent again: at most one other is live, by
// index) and those of clues handed over as bearing on it.
const LIVE_HANDOVER = sql`SELECT 1 FROM handover h WHERE h.finding_id = f.id AND h.status <> 'declined'`;
const OPEN_HANDOVER = sql`${LIVE_HANDOVER} AND h.status IN ('sent', 'accepted', 'handling')`;
const TASKS = sql`SELECT 1 FROM task t WHERE t.finding_id = f.id`;

function handoverCondition(stage: HandoverStage, today: string): Expression<SqlBool> {
  switch (stage) {
    case 'none':
      return sql<SqlBool>`NOT EXISTS (${LIVE_HANDOVER})`;
    case 'open':
      return sql<SqlBool>`EXISTS (${OPEN_HANDOVER} AND h.due_date >= ${today})`;
    case 'overdue':
      return sql<SqlBool>`EXISTS (${OPEN_HANDOVER} AND h.due_date < ${today})`;
    case 'concluded':
      return sql<SqlBool>`EXISTS (${LIVE_HANDOVER} AND h.status IN ('concluded', 'closed'))`;
  }
}

function rectificationCondition(state: RectificationState, today: string): Expression<SqlBool> {
  const overdueTask = sql`${TASKS} AND t.status <> 'closed' AND t.due_date < ${today}`;
  switch (state) {
    case 'none':
      return sql<SqlBool>`NOT EXISTS (${TASKS})`;
    case 'done':
      return sql<SqlBool>`(EXISTS (${TASKS}) AND NOT EXISTS (${TASKS} AND t.status <> 'closed'))`;
    case 'overdue':
      return sql<SqlBool>`EXISTS (${overdueTask})`;
    case 'in_progress':
      return sql<SqlBool>`(EXISTS (${TASKS} AND t.status <> 'closed') AND NOT EXISTS (${overdueTask}))`;
  }
}

function reportCondition(status: NonNullable<ResultsLedgerFilter['reportStatus']>): Expression<SqlBool> {
  const report = sql`SELECT 1 FROM report rp WHERE rp.inspection_id = f.inspection_id AND rp.kind = 'report'`;
  if (status === 'none') return sql<SqlBool>`NOT EXISTS (${report})`;
  return sql<SqlBool>`EXISTS (${report} AND rp.status = ${status})`;
}

/** The findings of the ledger for this user, filtered; `i` is joined for the ledger order. */
function ledgerFindings(db: Db, user: SessionUser, filter: ResultsLedgerFilter, today: string): LedgerFrom {
  let q = db
    .selectFrom('finding as f')
    .innerJoin('inspection as i', 'i.id', 'f.inspection_id')
    .where(scopeWhere(user, 'finding.read', findingScopeColumns))
    .where(scopeWhere(user, 'results.read', findingScopeColumns));
  if (filter.roundId) q = q.where('i.round_id', '=', filter.roundId);
  if (filter.inspectionId) q = q.where('f.inspection_id', '=', filter.inspectionId);
  if (filter.unitId) q = q.where('f.unit_id', '=', filter.unitId);
  if (filter.aspect) q = q.where('f.aspect', '=', filter.aspect);
  if (filter.discipline) q = q.where('f.discipline', '=', filter.discipline);
  if (filter.fedBack !== undefined) q = q.where('f.status', filter.fedBack ? '=' : '<>', 'fed_back');
  if (filter.reportStatus) q = q.where(reportCondition(filter.reportStatus));
  if (filter.handoverStatus) q = q.where(handoverCondition(filter.handoverStatus, today));
  if (filter.rectification) q = q.where(rectificationCondition(filter.rectification, today));
  if (filter.q) q = q.where('f.title', 'ilike', `%${escapeLike(filter.q)}%`);
  return q;
}

/** Ledger order (also in ledgerRows): the latest inspections first, then each one's findings by number. */
function ordered(query: LedgerFrom): LedgerFrom {
  return query.orderBy('i.start_date', 'desc').orderBy('i.id').orderBy('f.seq');
}

/** The chain of the given findings (a page of ids, already limited), one row each, in ledger order. */
function ledgerRows(db: Db, ids: LedgerFrom, today: string) {
  return (
    db
      .selectFrom('finding as f')
      .innerJoin('inspection as i', 'i.id', 'f.inspection_id')
      .innerJoin('round as r', 'r.id', 'i.round_id')
      .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
      .leftJoin('team as tm', 'tm.id', 'i.team_id')
      .leftJoin('report as rp', (join) =>
        join.onRef('rp.inspection_id', '=', 'f.inspection_id').on('rp.kind', '=', 'report'),
      )
      // the finding's own handover first; otherwise the latest clue handed over as bearing on it
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('handover as hh')
            .whereRef('hh.finding_id', '=', 'f.id')
            .where('hh.status', '<>', 'declined')
            .orderBy(sql`hh.kind = 'clue'`)
            .orderBy('hh.sent_on', 'desc')
            .limit(1)
            .select(['id', 'kind', 'recipient_name', 'status', 'sent_on', 'due_date', 'concluded_on', 'disposition'])
            .as('h'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('task as t')
            .whereRef('t.finding_id', '=', 'f.id')
            .select([
              sql<number>`count(*)::int`.as('total'),
              sql<number>`(count(*) FILTER (WHERE t.status = 'closed'))::int`.as('closed'),
              sql<number>`(count(*) FILTER (WHERE t.status <> 'closed' AND t.due_date < ${today}))::int`.as('overdue'),
              sql<number>`(count(*) FILTER (WHERE t.immediate))::int`.as('immediate'),
            ])
            .as('tc'),
        (join) => join.onTrue(),
      )
      // 督办: the supervision orders on the finding's tasks
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('supervision_order as so')
            .innerJoin('task as st', 'st.id', 'so.task_id')
            .whereRef('st.finding_id', '=', 'f.id')
            .select([
              sql<number>`count(*)::int`.as('total'),
              sql<number>`(count(*) FILTER (WHERE so.status <> 'closed'))::int`.as('open'),
            ])
            .as('sc'),
        (join) => join.onTrue(),
      )
      .where('f.id', 'in', ids.select('f.id'))
      .select([
        'f.id as findingId',
        'r.id as roundId',
        'r.name as roundName',
        'f.inspection_id as inspectionId',
        sql<string | null>`coalesce(tm.name, i.team_name)`.as('teamName'),
        'f.unit_id as unitId',
        'u.name as unitName',
        'f.seq',
        'f.title',
        'f.aspect',
        'f.discipline',
        'f.major_problem as majorProblem',
        'f.areas',
        'f.is_common as isCommon',
        'f.eight_rules as eightRules',
        'f.immediate',
        'f.status as findingStatus',
        'i.feedback_date as feedbackDate',
        'rp.status as reportStatus',
        sql<
          string | null
        >`CASE WHEN rp.status = 'approved' THEN to_char(rp.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END`.as(
          'reportApprovedOn',
        ),
        'h.id as handoverId',
        'h.kind as handoverKind',
        'h.recipient_name as handoverRecipientName',
        'h.status as handoverStatus',
        'h.sent_on as handoverSentOn',
        'h.due_date as handoverDueDate',
        'h.concluded_on as handoverConcludedOn',
        'h.disposition as handoverDisposition',
        sql<number>`tc.total`.as('taskCount'),
        sql<number>`tc.closed`.as('closedTaskCount'),
        sql<number>`tc.overdue`.as('overdueTaskCount'),
        sql<number>`tc.immediate`.as('immediateTaskCount'),
        sql<number>`sc.total`.as('supervisionCount'),
        sql<number>`sc.open`.as('openSupervisionCount'),
      ])
      .orderBy('i.start_date', 'desc')
      .orderBy('i.id')
      .orderBy('f.seq')
  );
}
export type LedgerRecord = Awaited<ReturnType<ReturnType<typeof ledgerRows>['execute']>>[number];

export function listLedger(db: Db, user: SessionUser, query: ResultsLedgerQuery, today: string) {
  const base = ledgerFindings(db, user, query, today);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    ledgerRows(db, ordered(base).limit(limit).offset(offset), today).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One export batch, in ledger order. */
export function ledgerExportBatch(
  db: Db,
  user: SessionUser,
  filter: ResultsLedgerFilter,
  today: string,
  batch: { offset: number; limit: number },
) {
  return ledgerRows(
    db,
    ordered(ledgerFindings(db, user, filter, today))
      .limit(batch.limit)
      .offset(batch.offset),
    today,
  ).execute();
}

const count = (condition: Expression<SqlBool>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;

/** How many of the filtered findings reached each stage. */
export function ledgerSummary(db: Db, user: SessionUser, filter: ResultsLedgerFilter, today: string) {
  return ledgerFindings(db, user, filter, today)
    .select([
      sql<number>`count(*)::int`.as('findings'),
      count(reportCondition('approved')).as('inApprovedReport'),
      count(sql<SqlBool>`f.status = 'fed_back'`).as('fedBack'),
      count(sql<SqlBool>`EXISTS (${LIVE_HANDOVER})`).as('handedOver'),
      count(handoverCondition('concluded', today)).as('handoverConcluded'),
      count(rectificationCondition('done', today)).as('rectified'),
    ])
    .executeTakeFirstOrThrow();
}
