// Org unit use cases: list, detail, create, attribute changes and history.
// Each write: load (scoped) → policy → conditional write + history event + audit, one transaction.
import { randomUUID } from 'node:crypto';
import type { Unit, UnitAttributes, UnitCreate, UnitDetail, UnitListQuery, UnitPatch } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type PageRequest, pageResult, pageWindow } from '../../platform/http/paging.ts';
import { findCommittee, findUnitInCommittee } from './org.repository.ts';
import { canChangeUnit, unitAbilities } from './unit.policy.ts';
import * as repo from './unit.repository.ts';
import { type UnitChange, unitChangeLabel, unitState, unitStateLabel } from './unit.status.ts';

export function presentUnit(row: repo.UnitRow): Unit {
  const { path: _path, ...unit } = row;
  return { ...unit, kind: unit.kind as Unit['kind'], villageClass: unit.villageClass as Unit['villageClass'] };
}

/** The filter with `under` resolved to a path; an invisible `under` unit yields no rows. */
async function resolveFilter(ctx: RequestContext, query: UnitListQuery): Promise<repo.UnitFilter> {
  if (!query.under) return query;
  const under = await repo.findUnit(ctx.db, ctx.user, query.under);
  return { ...query, underPath: under?.path ?? '/none/' };
}

export async function listUnits(ctx: RequestContext, query: UnitListQuery) {
  const { items, total } = await repo.listUnits(ctx.db, ctx.user, await resolveFilter(ctx, query));
  return pageResult(items.map(presentUnit), total, query);
}

/** Every visible unit matching the list filters, a batch at a time (for the export). Batches are large
 * because each one sorts the whole filtered tree: 25,000 units export in a handful of queries. */
export async function* unitsForExport(ctx: RequestContext, query: UnitListQuery) {
  const filter = await resolveFilter(ctx, query);
  const batch = 5000;
  for (let offset = 0; ; offset += batch) {
    const rows = await repo.unitWindow(ctx.db, ctx.user, filter, batch, offset);
    yield* rows.map(presentUnit);
    if (rows.length < batch) return;
  }
}

export async function loadUnit(db: Db, ctx: RequestContext, id: string): Promise<repo.UnitRow> {
  const row = await repo.findUnit(db, ctx.user, id);
  if (!row) throw notFound('单位不存在');
  return row;
}

/** Load for a change: 404 out of scope, 403 without unit.update, 409 when the state refuses it. */
export async function loadForChange(tx: Tx, ctx: RequestContext, id: string, change: UnitChange) {
  const unit = await loadUnit(tx, ctx, id);
  if (!canChangeUnit(ctx.user, unit, change)) {
    if (!canChangeUnit(ctx.user, { ...unit, active: true, mergedIntoId: null }, 'update')) {
      throw forbidden('无权维护该单位');
    }
    throw conflict(`单位当前状态为“${unitStateLabel[unitState(unit)]}”，不能${unitChangeLabel[change]}`);
  }
  return unit;
}

export async function unitDetail(db: Db, ctx: RequestContext, id: string): Promise<UnitDetail> {
  const row = await loadUnit(db, ctx, id);
  const ancestorIds = row.path.split('/').filter(Boolean).slice(0, -1);
  const [ancestors, mergedInto] = await Promise.all([
    repo.unitsOnPath(db, ancestorIds),
    row.mergedIntoId ? repo.unitName(db, row.mergedIntoId) : undefined,
  ]);
  return {
    ...presentUnit(row),
    ancestors,
    mergedIntoName: mergedInto?.name ?? null,
    abilities: unitAbilities(ctx.user, row),
  };
}

export const getUnit = (ctx: RequestContext, id: string) => unitDetail(ctx.db, ctx, id);

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value || null);

/** Attribute input (camelCase, only the given keys) → column values. */
export function attributeColumns(input: UnitAttributes) {
  const columns = {
    kind: input.kind,
    code: blankToNull(input.code),
    head_name: blankToNull(input.headName),
    secretary_name: blankToNull(input.secretaryName),
    social_attention: input.socialAttention,
    fund_volume: input.fundVolume,
    project_count: input.projectCount,
    has_approval_power: input.hasApprovalPower,
    has_enforcement_power: input.hasEnforcementPower,
    last_inspected_on: input.lastInspectedOn,
    village_class: input.villageClass,
    sort_order: input.sortOrder,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<typeof columns>;
}

/** 重点/关注/一般 classify villages only (the database checks it too; this gives the Chinese message). */
export function villageClassError(kind: string, villageClass: string | null | undefined): string | null {
  return villageClass && kind !== 'village' ? '只有村/社区可以设置村居分类' : null;
}

function checkVillageClass(kind: string, villageClass: string | null | undefined) {
  const error = villageClassError(kind, villageClass);
  if (error) throw badRequest(error, [{ path: 'villageClass', message: error }]);
}

const DUPLICATE_CODE = '单位代码已被本党委的其他单位使用';

export async function createUnit(ctx: RequestContext, input: UnitCreate): Promise<Unit> {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await findCommittee(tx, ctx.user, input.committeeId);
    if (!committee) throw notFound('派出党委不存在');
    if (!can(ctx.user, 'unit.create', committeeRecord(committee.id))) throw forbidden('无权在该党委下新建单位');
    checkVillageClass(input.kind, input.villageClass);
    let parentPath = '/';
    if (input.parentId) {
      const parent = await findUnitInCommittee(tx, committee.id, input.parentId);
      if (!parent) {
        throw badRequest('上级单位不存在或不属于该党委', [
          { path: 'parentId', message: '上级单位不存在或不属于该党委' },
        ]);
      }
      if (!parent.active) throw conflict('上级单位已撤销，不能在其下新建单位');
      parentPath = parent.path;
    }
    const id = randomUUID();
    const { committeeId: _c, parentId: _p, name, ...attributes } = input;
    await insertOrConflict(
      () =>
        repo.insertUnit(tx, {
          ...attributeColumns(attributes),
          id,
          committee_id: committee.id,
          parent_id: input.parentId ?? null,
          path: `${parentPath}${id}/`,
          name,
          kind: input.kind,
        }),
      DUPLICATE_CODE,
    );
    await repo.insertUnitEvents(tx, [
      { unitId: id, event: 'create', after: input, actorId: ctx.actor.userId, actorName: ctx.actor.userName },
    ]);
    await writeAudit(tx, ctx.actor, { action: 'unit.create', entity: 'org_unit', entityId: id, after: input });
    return presentUnit(await loadUnit(tx, ctx, id));
  });
}

/** The given attributes that differ from the unit's current values, as before/after pairs. */
function changedAttributes(unit: repo.UnitRow, input: UnitAttributes) {
  const current: Record<string, unknown> = { ...unit, lastInspectedOn: unit.manualLastInspectedOn };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const normalised = typeof value === 'string' && value === '' ? null : value;
    if (normalised === undefined || current[key] === normalised) continue;
    before[key] = current[key];
    after[key] = normalised;
  }
  return { before, after };
}

export async function updateUnit(ctx: RequestContext, id: string, input: UnitPatch): Promise<UnitDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const unit = await loadForChange(tx, ctx, id, 'update');
    const { reason, ...attributes } = input;
    const kind = attributes.kind ?? unit.kind;
    checkVillageClass(kind, attributes.villageClass === undefined ? unit.villageClass : attributes.villageClass);
    const { before, after } = changedAttributes(unit, attributes);
    if (Object.keys(after).length === 0) return unitDetail(tx, ctx, id);
    const updated = await insertOrConflict(
      () => repo.updateActiveUnit(tx, id, attributeColumns(after as UnitAttributes)),
      DUPLICATE_CODE,
    );
    if (!updated) throw conflict('单位已被他人撤销或合并，请刷新后重试');
    const actor = { actorId: ctx.actor.userId, actorName: ctx.actor.userName };
    await repo.insertUnitEvents(tx, [{ unitId: id, event: 'update', before, after, reason, ...actor }]);
    await writeAudit(tx, ctx.actor, { action: 'unit.update', entity: 'org_unit', entityId: id, before, after });
    return unitDetail(tx, ctx, id);
  });
}

export async function unitHistory(ctx: RequestContext, id: string, page: PageRequest) {
  await loadUnit(ctx.db, ctx, id);
  const { limit, offset } = pageWindow(page);
  const { items, total } = await repo.unitHistory(ctx.db, id, limit, offset);
  const events = items.map((e) => ({
    ...e,
    event: e.event as 'create',
    before: e.before as Record<string, unknown> | null,
    after: e.after as Record<string, unknown> | null,
  }));
  return pageResult(events, total, page);
}
