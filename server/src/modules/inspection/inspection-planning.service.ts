// Planning an inspection: one target (with its type's rules and the reason it was chosen), a batch of
// targets for one team (一托N, all or nothing), and changes while it is still being prepared. A team
// taking a target runs the 回避 check for all its members; pledged members are granted access at once.
import type {
  FieldError,
  Inspection,
  InspectionBatchCreate,
  InspectionCreate,
  InspectionUpdate,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { findRound } from '../round/round.repository.ts';
import { type ApprovedOverride, checkTeamForTargets } from '../team/team.avoidance.ts';
import { grantPledgedMembers, revokeTeamOnInspection } from '../team/team.grants.ts';
import { mayUpdate } from './inspection.policy.ts';
import * as repo from './inspection.repository.ts';
import { previousInspectionError, targetErrors } from './inspection.rules.ts';
import { inspectionScope, loadInspection, presentInspection } from './inspection.service.ts';
import { recordPhaseEvent } from './inspection-history.repository.ts';

const DUPLICATE = '该单位在本轮次中已安排巡察';

async function roundForPlanning(tx: Tx, ctx: RequestContext, roundId: string) {
  const round = await findRound(tx, ctx.user, roundId);
  if (!round) throw notFound('巡察轮次不存在');
  if (!can(ctx.user, 'inspection.create', committeeRecord(round.committeeId))) throw forbidden('无权在该轮次安排巡察');
  return round;
}

function refuse(errors: FieldError[]): never {
  throw badRequest(errors[0]?.message ?? '输入不正确', errors);
}

const overrideOf = (approved: ApprovedOverride | null) =>
  approved ? { reason: approved.reason, by: approved.by } : null;
const auditedOverride = (approved: ApprovedOverride | null) =>
  approved ? { reason: approved.reason, conflicts: approved.conflicts } : undefined;

async function insertPlanned(tx: Tx, ctx: RequestContext, values: repo.NewInspection, after: object) {
  const id = await insertOrConflict(() => repo.insertInspection(tx, values), DUPLICATE);
  await recordPhaseEvent(tx, {
    inspectionId: id,
    event: 'create',
    from: null,
    to: 'preparing',
    actorId: ctx.actor.userId,
    actorName: ctx.actor.userName,
  });
  await writeAudit(tx, ctx.actor, { action: 'inspection.create', entity: 'inspection', entityId: id, after });
  return id;
}

export function createInspection(ctx: RequestContext, input: InspectionCreate): Promise<Inspection> {
  return withTransaction(ctx.db, (tx) => createInspectionIn(tx, ctx, input));
}

/** The same use case inside a caller's transaction (上下联动 notifies the lower committee in the same one). */
export async function createInspectionIn(tx: Tx, ctx: RequestContext, input: InspectionCreate): Promise<Inspection> {
  const round = await roundForPlanning(tx, ctx, input.roundId);
  const { errors } = await targetErrors(tx, {
    roundCommitteeId: round.committeeId,
    type: input.type,
    unitIds: [input.unitId],
    path: 'unitId',
  });
  const previousInspectionId = input.type === 'lookback' ? (input.previousInspectionId ?? null) : null;
  if (previousInspectionId) {
    const reason = await previousInspectionError(tx, {
      ...input,
      previousInspectionId,
      committeeId: round.committeeId,
    });
    if (reason) errors.push({ path: 'previousInspectionId', message: reason });
  }
  if (errors.length) refuse(errors);
  if ((await repo.inspectionsOfRoundAndUnits(tx, round.id, [input.unitId])).length) throw conflict(DUPLICATE);
  const checked = input.teamId
    ? await checkTeamForTargets(tx, ctx, {
        ...input,
        teamId: input.teamId,
        unitIds: [input.unitId],
        cross: input.type === 'cross',
      })
    : null;
  const approved = checked?.approved ?? null;
  const id = await insertPlanned(
    tx,
    ctx,
    {
      ...input,
      committeeId: round.committeeId,
      teamId: input.teamId ?? null,
      previousInspectionId,
      override: overrideOf(approved),
    },
    { ...input, override: auditedOverride(approved) },
  );
  if (input.teamId) await grantPledgedMembers(tx, input.teamId, [id]);
  return presentInspection(await loadInspection(tx, ctx.user, id), ctx.user);
}

/** 一托N: every unit is checked first and every refused unit is listed; nothing is written unless all pass. */
export async function createBatch(ctx: RequestContext, roundId: string, input: InspectionBatchCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const round = await roundForPlanning(tx, ctx, roundId);
    const unitIds = [...new Set(input.unitIds)];
    const { errors, units } = await targetErrors(tx, {
      roundCommitteeId: round.committeeId,
      type: input.type,
      unitIds,
      path: 'unitIds',
    });
    const scheduled = new Set((await repo.inspectionsOfRoundAndUnits(tx, round.id, unitIds)).map((r) => r.unitId));
    for (const unit of units.filter((u) => scheduled.has(u.id)))
      errors.push({ path: 'unitIds', message: `${unit.name}：${DUPLICATE}` });
    if (errors.length) refuse(errors);
    const { approved } = await checkTeamForTargets(tx, ctx, { ...input, roundId, unitIds, cross: false });
    const ids: string[] = [];
    for (const unitId of unitIds) {
      const values = { ...input, roundId, unitId, committeeId: round.committeeId, previousInspectionId: null };
      const after = { ...values, override: auditedOverride(approved) };
      ids.push(await insertPlanned(tx, ctx, { ...values, override: overrideOf(approved) }, after));
    }
    await grantPledgedMembers(tx, input.teamId, ids);
    const items = await Promise.all(ids.map((id) => loadInspection(tx, ctx.user, id)));
    return { items: items.map((row) => presentInspection(row, ctx.user)) };
  });
}

export async function updateInspection(ctx: RequestContext, id: string, input: InspectionUpdate): Promise<Inspection> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadInspection(tx, ctx.user, id);
    const scope = inspectionScope(row);
    if (!can(ctx.user, 'inspection.update', scope)) throw forbidden('无权修改该巡察');
    if (!mayUpdate(ctx.user, scope)) throw conflict('只有准备阶段的巡察可以修改');
    const next = {
      startDate: input.startDate ?? row.startDate,
      endDate: input.endDate ?? row.endDate,
      selectionReason: input.selectionReason ?? row.selectionReason,
      teamId: input.teamId === undefined ? row.teamId : input.teamId,
    };
    if (next.startDate > next.endDate) refuse([{ path: 'endDate', message: '结束日期不能早于开始日期' }]);
    const teamChanged = next.teamId !== row.teamId;
    const checked =
      teamChanged && next.teamId
        ? await checkTeamForTargets(tx, ctx, {
            teamId: next.teamId,
            roundId: row.roundId,
            unitIds: [row.unitId],
            cross: row.type === 'cross',
            override: input.override,
          })
        : null;
    const approved = checked?.approved ?? null;
    if (!(await repo.updatePreparing(tx, id, { ...next, override: overrideOf(approved) })))
      throw conflict('巡察状态已被他人更新，请刷新后重试');
    if (teamChanged && row.teamId) await revokeTeamOnInspection(tx, row.teamId, id);
    if (teamChanged && next.teamId) await grantPledgedMembers(tx, next.teamId, [id]);
    const before = {
      startDate: row.startDate,
      endDate: row.endDate,
      selectionReason: row.selectionReason,
      teamId: row.teamId,
    };
    await writeAudit(tx, ctx.actor, {
      action: 'inspection.update',
      entity: 'inspection',
      entityId: id,
      before,
      after: { ...next, override: auditedOverride(approved) },
    });
    return presentInspection(await loadInspection(tx, ctx.user, id), ctx.user);
  });
}
