// 问责: propose against a person (linked to tasks and findings of the same case), decide, withdraw; the
// 问责清单 is the list filtered by unit. Each step: load → policy → conditional update + event + audit.
import {
  type Accountability,
  type AccountabilityDecide,
  type AccountabilityDetail,
  type AccountabilityEvent,
  type AccountabilityGround,
  type AccountabilityListQuery,
  type AccountabilityMeasure,
  type AccountabilityPropose,
  type AccountabilityStatus,
  accountabilityEventLabel,
  accountabilityStatusLabel,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { caseRecord, loadCase, tasksOfCase } from '../supervision/rectification-case.ts';
import { accountabilityAbilities, mayAct } from './accountability.policy.ts';
import * as repo from './accountability.repository.ts';
import { nextAccountabilityStatus } from './accountability.status.ts';

const stateOf = (row: repo.AccountabilityRow) => ({
  record: caseRecord(row),
  status: row.status as AccountabilityStatus,
  proposedBy: row.proposedBy,
});

export function presentAccountability(row: repo.AccountabilityRow, user: SessionUser): Accountability {
  const { committeeId: _c, unitPath: _p, proposedBy: _b, ...rest } = row;
  return {
    ...rest,
    ground: row.ground as AccountabilityGround,
    proposedMeasure: row.proposedMeasure as AccountabilityMeasure,
    decidedMeasure: row.decidedMeasure as AccountabilityMeasure | null,
    status: row.status as AccountabilityStatus,
    abilities: accountabilityAbilities(user, stateOf(row)),
  };
}

export async function loadAccountability(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.findAccountability(db, ctx.user, id);
  if (!row) throw notFound('问责事项不存在');
  return row;
}

export async function accountabilityRows(
  ctx: RequestContext,
  query: repo.AccountabilityFilter & { page: number; pageSize: number },
) {
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.listAccountability(ctx.db, ctx.user, filter, { page, pageSize });
  return { items: items.map((row) => presentAccountability(row, ctx.user)), total };
}

export async function listAccountability(ctx: RequestContext, query: AccountabilityListQuery) {
  const { items, total } = await accountabilityRows(ctx, query);
  return pageResult(items, total, query);
}

export async function getAccountability(ctx: RequestContext, id: string): Promise<AccountabilityDetail> {
  const row = await loadAccountability(ctx.db, ctx, id);
  const [tasks, findings, history] = await Promise.all([
    repo.titlesOf(ctx.db, 'task', row.taskIds),
    repo.titlesOf(ctx.db, 'finding', row.findingIds),
    repo.accountabilityHistory(ctx.db, id),
  ]);
  return {
    ...presentAccountability(row, ctx.user),
    tasks,
    findings,
    history: history.map((e) => ({
      ...e,
      event: e.event as AccountabilityDetail['history'][number]['event'],
      fromStatus: e.fromStatus as AccountabilityStatus | null,
      toStatus: e.toStatus as AccountabilityStatus,
    })),
  };
}

async function findingsOfCase(db: Db, inspectionId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('finding')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .where('id', 'in', ids)
    .execute();
}

export async function proposeAccountability(
  ctx: RequestContext,
  rectificationId: string,
  input: AccountabilityPropose,
) {
  const taskIds = [...new Set(input.taskIds ?? [])];
  const findingIds = [...new Set(input.findingIds ?? [])];
  return withTransaction(ctx.db, async (tx) => {
    const rc = await loadCase(tx, ctx.user, 'accountability.read', rectificationId);
    if (!can(ctx.user, 'accountability.propose', caseRecord(rc))) throw forbidden('无权提出问责建议');
    if ((await tasksOfCase(tx, rc.inspectionId, taskIds)).length !== taskIds.length)
      throw badRequest('关联的任务须属于该单位的整改', [{ path: 'taskIds', message: '关联的任务须属于该单位的整改' }]);
    if ((await findingsOfCase(tx, rc.inspectionId, findingIds)).length !== findingIds.length)
      throw badRequest('关联的问题须属于该单位的巡察', [
        { path: 'findingIds', message: '关联的问题须属于该单位的巡察' },
      ]);
    const created = await tx
      .insertInto('accountability')
      .values({
        committee_id: rc.committeeId,
        rectification_id: rc.id,
        unit_id: rc.unitId,
        person_name: input.personName,
        person_post: input.personPost,
        ground: input.ground,
        facts: input.facts,
        proposed_measure: input.proposedMeasure,
        task_ids: taskIds,
        finding_ids: findingIds,
        proposed_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.insertEvent(tx, {
      id: created.id,
      event: 'propose',
      from: null,
      to: 'proposed',
      comment: null,
      actorId: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'accountability.propose',
      entity: 'accountability',
      entityId: created.id,
      after: { rectificationId, ground: input.ground, proposedMeasure: input.proposedMeasure, taskIds, findingIds },
    });
    return presentAccountability(await loadAccountability(tx, ctx, created.id), ctx.user);
  });
}

async function step(
  ctx: RequestContext,
  id: string,
  event: AccountabilityEvent,
  comment: string | null,
  changes: Parameters<typeof repo.moveAccountability>[4],
) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadAccountability(tx, ctx, id);
    if (!mayAct(ctx.user, stateOf(row), event))
      throw forbidden(event === 'decide' ? '无权作出问责决定' : '只有提出人或巡察办可以撤回问责建议');
    const from = row.status as AccountabilityStatus;
    const to = nextAccountabilityStatus(from, event);
    if (!to)
      throw conflict(`问责当前状态为“${accountabilityStatusLabel[from]}”，不能${accountabilityEventLabel[event]}`);
    if (!(await repo.moveAccountability(tx, id, from, to, changes)))
      throw conflict('问责状态已被他人更新，请刷新后重试');
    await repo.insertEvent(tx, { id, event, from, to, comment, actorId: ctx.user.id });
    await writeAudit(tx, ctx.actor, {
      action: `accountability.${event}`,
      entity: 'accountability',
      entityId: id,
      before: from,
      after: { status: to, ...changes },
    });
    return presentAccountability(await loadAccountability(tx, ctx, id), ctx.user);
  });
}

export function decideAccountability(ctx: RequestContext, id: string, input: AccountabilityDecide) {
  if (input.decidedOn > shanghaiToday(ctx.clock))
    throw badRequest('决定日期不能晚于今天', [{ path: 'decidedOn', message: '决定日期不能晚于今天' }]);
  return step(ctx, id, 'decide', input.comment || null, {
    decided_measure: input.measure,
    decision_doc_no: input.docNo,
    decided_on: input.decidedOn,
    decision_comment: input.comment || null,
  });
}

export function withdrawAccountability(ctx: RequestContext, id: string, reason: string) {
  return step(ctx, id, 'withdraw', reason, {});
}
