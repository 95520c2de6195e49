// Structural changes of the org tree, each with a reason, a history event and an audit entry:
// rename, move (a whole subtree), merge into another unit, deactivate (撤销) and reactivate.
import type { UnitDetail, UnitMerge, UnitMove, UnitRename } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { findUnitInCommittee } from './org.repository.ts';
import { insertUnitEvents, type UnitEventInput, type UnitRow } from './unit.repository.ts';
import { loadForChange, unitDetail } from './unit.service.ts';
import type { UnitChange } from './unit.status.ts';
import * as changes from './unit-change.repository.ts';

const STALE = '单位已被他人修改，请刷新后重试';

type EventPart = Pick<UnitEventInput, 'before' | 'after'> & { reason: string };
/** What a change did: the changed unit's event, and events of other units it touched (merge). */
interface Done {
  own: EventPart;
  related?: (EventPart & { unitId: string; event: 'merge' | 'move' })[];
}

/** The common frame: load for the change, do it, record history and audit, return the new detail. */
async function change(
  ctx: RequestContext,
  id: string,
  kind: UnitChange,
  work: (tx: Tx, unit: UnitRow) => Promise<Done>,
): Promise<UnitDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const unit = await loadForChange(tx, ctx, id, kind);
    const { own, related = [] } = await work(tx, unit);
    const actor = { actorId: ctx.actor.userId, actorName: ctx.actor.userName };
    await insertUnitEvents(tx, [
      { unitId: id, event: kind, ...own, ...actor },
      ...related.map((e) => ({ ...e, ...actor })),
    ]);
    await writeAudit(tx, ctx.actor, {
      action: `unit.${kind}`,
      entity: 'org_unit',
      entityId: id,
      before: own.before,
      after: { ...own.after, reason: own.reason },
    });
    return unitDetail(tx, ctx, id);
  });
}

export function renameUnit(ctx: RequestContext, id: string, input: UnitRename) {
  return change(ctx, id, 'rename', async (tx, unit) => {
    if (input.name === unit.name)
      throw badRequest('新名称与原名称相同', [{ path: 'name', message: '新名称与原名称相同' }]);
    if (!(await changes.renameUnit(tx, id, input.name))) throw conflict(STALE);
    return { own: { before: { name: unit.name }, after: { name: input.name }, reason: input.reason } };
  });
}

async function loadTarget(tx: Tx, unit: UnitRow, targetId: string, field: string, what: string) {
  const target = await findUnitInCommittee(tx, unit.committeeId, targetId);
  if (!target)
    throw badRequest(`${what}不存在或不属于该党委`, [{ path: field, message: `${what}不存在或不属于该党委` }]);
  if (target.path.startsWith(unit.path)) {
    const message = `${what}不能是本单位或其下级单位`;
    throw badRequest(message, [{ path: field, message }]);
  }
  if (!target.active) throw conflict(`${what}“${target.name}”已撤销`);
  return target;
}

export function moveUnit(ctx: RequestContext, id: string, input: UnitMove) {
  return change(ctx, id, 'move', async (tx, unit) => {
    if (input.parentId === unit.parentId) {
      throw badRequest('单位已在该上级单位之下', [{ path: 'parentId', message: '单位已在该上级单位之下' }]);
    }
    const parent = input.parentId ? await loadTarget(tx, unit, input.parentId, 'parentId', '上级单位') : null;
    const toPath = `${parent?.path ?? '/'}${id}/`;
    const moved = await changes.moveSubtree(tx, { id, fromPath: unit.path, toPath, parentId: parent?.id ?? null });
    if (!moved) throw conflict(STALE);
    return {
      own: {
        before: { parentId: unit.parentId, parentName: unit.parentName },
        after: { parentId: parent?.id ?? null, parentName: parent?.name ?? null },
        reason: input.reason,
      },
    };
  });
}

async function refuseWhileInspected(tx: Tx, unit: UnitRow, what: string) {
  if ((await changes.openInspectionCount(tx, unit.id)) > 0) {
    throw conflict(`“${unit.name}”有尚未归档的巡察，不能${what}`);
  }
}

export function mergeUnit(ctx: RequestContext, id: string, input: UnitMerge) {
  return change(ctx, id, 'merge', async (tx, unit) => {
    const target = await loadTarget(tx, unit, input.targetId, 'targetId', '合并目标单位');
    await refuseWhileInspected(tx, unit, '合并');
    const children = await changes.childrenOf(tx, id);
    const deactivated = await changes.deactivateUnit(tx, id, {
      on: shanghaiToday(ctx.clock),
      reason: input.reason,
      mergedIntoId: target.id,
    });
    if (!deactivated) throw conflict(STALE);
    await changes.moveDescendants(tx, unit, target);
    const reason = input.reason;
    return {
      own: { before: { active: true }, after: { mergedIntoId: target.id, mergedIntoName: target.name }, reason },
      // the target's history records what it absorbed; each child records its new parent
      related: [
        { unitId: target.id, event: 'merge', after: { mergedFromId: id, mergedFromName: unit.name }, reason },
        ...children.map((child) => ({
          unitId: child.id,
          event: 'move' as const,
          before: { parentId: id, parentName: unit.name },
          after: { parentId: target.id, parentName: target.name },
          reason,
        })),
      ],
    };
  });
}

export function deactivateUnit(ctx: RequestContext, id: string, reason: string) {
  return change(ctx, id, 'deactivate', async (tx, unit) => {
    const activeChildren = (await changes.childrenOf(tx, id)).filter((c) => c.active).length;
    if (activeChildren > 0) {
      throw conflict(`“${unit.name}”还有 ${activeChildren} 个正常的下级单位，请先撤销或调整隶属`);
    }
    await refuseWhileInspected(tx, unit, '撤销');
    const on = shanghaiToday(ctx.clock);
    if (!(await changes.deactivateUnit(tx, id, { on, reason, mergedIntoId: null }))) throw conflict(STALE);
    return { own: { before: { active: true }, after: { active: false, deactivatedOn: on }, reason } };
  });
}

export function reactivateUnit(ctx: RequestContext, id: string, reason: string) {
  return change(ctx, id, 'reactivate', async (tx, unit) => {
    if (unit.parentId) {
      const parent = await findUnitInCommittee(tx, unit.committeeId, unit.parentId);
      if (parent && !parent.active) throw conflict(`上级单位“${parent.name}”已撤销，请先恢复上级单位`);
    }
    if (!(await changes.reactivateUnit(tx, id))) throw conflict(STALE);
    return {
      own: {
        before: { active: false, deactivatedOn: unit.deactivatedOn, deactivationReason: unit.deactivationReason },
        after: { active: true },
        reason,
      },
    };
  });
}
