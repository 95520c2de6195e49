// Use cases of an inspection: create with its team, move through phases, issue the feedback.
import type {
  FeedbackIssue,
  Inspection,
  InspectionCreate,
  InspectionEvent,
  InspectionListQuery,
  InspectionPhase,
} from '@xuncha/contracts';
import { inspectionPhaseLabel } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { countFindings, markFedBack } from '../finding/finding.repository.ts';
import { findUnitInCommittee, peopleOfCommittee } from '../org/org.repository.ts';
import { findRound } from '../round/round.repository.ts';
import { type InspectionScope, inspectionAbilities } from './inspection.policy.ts';
import * as repo from './inspection.repository.ts';
import { nextPhase } from './inspection.status.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findInspection>>>;

export function inspectionScope(row: Row): InspectionScope {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.id,
    ownerUserId: null,
    phase: row.phase as InspectionPhase,
  };
}

export function presentInspection(row: Row, user: SessionUser): Inspection {
  const { unitPath: _unitPath, ...rest } = row;
  return {
    ...rest,
    type: rest.type as Inspection['type'],
    phase: rest.phase as InspectionPhase,
    abilities: inspectionAbilities(user, inspectionScope(row)),
  };
}

export async function listInspections(ctx: RequestContext, query: z.output<typeof InspectionListQuery>) {
  const { items, total } = await repo.listInspections(ctx.db, ctx.user, query);
  return pageResult(
    items.map((row) => presentInspection(row, ctx.user)),
    total,
    query,
  );
}

export async function loadInspection(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = await repo.findInspection(db, user, id);
  if (!row) throw notFound('巡察不存在');
  return row;
}

export async function getInspection(ctx: RequestContext, id: string) {
  return presentInspection(await loadInspection(ctx.db, ctx.user, id), ctx.user);
}

export async function createInspection(ctx: RequestContext, input: InspectionCreate): Promise<Inspection> {
  return withTransaction(ctx.db, async (tx) => {
    const round = await findRound(tx, ctx.user, input.roundId);
    if (!round) throw notFound('巡察轮次不存在');
    if (!can(ctx.user, 'inspection.create', committeeRecord(round.committeeId)))
      throw forbidden('无权在该轮次安排巡察');
    const unit = await findUnitInCommittee(tx, round.committeeId, input.unitId);
    if (!unit) throw badRequest('被巡察单位不属于该党委', [{ path: 'unitId', message: '被巡察单位不属于该党委' }]);
    const staff = new Set((await peopleOfCommittee(tx, round.committeeId)).map((p) => p.id));
    const outsider = [input.teamLeaderId, ...input.teamMemberIds].find((id) => !staff.has(id));
    if (outsider)
      throw badRequest('巡察组成员必须是本党委的巡察干部', [
        { path: 'teamMemberIds', message: '包含非本党委巡察干部' },
      ]);
    const duplicate = '该单位在本轮次中已安排巡察';
    if (await repo.inspectionOfRoundAndUnit(tx, round.id, unit.id)) throw conflict(duplicate);
    const id = await insertOrConflict(
      () => repo.insertInspection(tx, { ...input, committeeId: round.committeeId }),
      duplicate,
    );
    await repo.grantTeamRoles(tx, id, input.teamLeaderId, input.teamMemberIds);
    await writeAudit(tx, ctx.actor, { action: 'inspection.create', entity: 'inspection', entityId: id, after: input });
    return presentInspection(await loadInspection(tx, ctx.user, id), ctx.user);
  });
}

async function transition(
  ctx: RequestContext,
  id: string,
  event: InspectionEvent,
  permission: 'inspection.create' | 'feedback.issue',
  feedback?: FeedbackIssue,
) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadInspection(tx, ctx.user, id);
    if (!can(ctx.user, permission, inspectionScope(row))) throw forbidden();
    const from = row.phase as InspectionPhase;
    const to = nextPhase(from, event);
    if (!to) throw conflict(`巡察当前处于“${inspectionPhaseLabel[from]}”阶段，不能执行此操作`);
    if (event === 'feedback' && (await countFindings(tx, id)) === 0) throw conflict('尚未登记任何问题，不能反馈');
    const moved = await repo.updatePhase(
      tx,
      id,
      from,
      to,
      feedback && { date: feedback.issuedOn, content: feedback.content },
    );
    if (!moved) throw conflict('巡察状态已被他人更新，请刷新后重试');
    if (event === 'feedback') await markFedBack(tx, id);
    await writeAudit(tx, ctx.actor, {
      action: `inspection.${event}`,
      entity: 'inspection',
      entityId: id,
      before: from,
      after: to,
    });
    return presentInspection(await loadInspection(tx, ctx.user, id), ctx.user);
  });
}

export const advanceInspection = (ctx: RequestContext, id: string, event: 'station' | 'report') =>
  transition(ctx, id, event, 'inspection.create');

export const issueFeedback = (ctx: RequestContext, id: string, input: FeedbackIssue) =>
  transition(ctx, id, 'feedback', 'feedback.issue', input);
