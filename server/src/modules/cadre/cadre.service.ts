// Use cases of the talent pool: list and export, create, correct, deactivate/reactivate, the 回避 preview.
import type {
  Cadre,
  CadreAvoidanceQuery,
  CadreCreate,
  CadreDetail,
  CadreFilter,
  CadreListQuery,
  CadreUpdate,
} from '@xuncha/contracts';
import type { z } from 'zod';
import type { SessionUser } from '../../access/session-user.ts';
import { exportBatches } from '../../documents/xlsx/export.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { appraisalsOfCadre } from './appraisal.repository.ts';
import { findAvoidanceConflicts } from './avoidance.ts';
import { mayManage } from './cadre.policy.ts';
import { presentAppraisal, presentCadre } from './cadre.present.ts';
import * as repo from './cadre.repository.ts';
import { listRecords, participationsOf, RECORD_SPECS } from './cadre-records.repository.ts';

function checkRange(filter: CadreFilter) {
  const { availableFrom: from, availableTo: to } = filter;
  if (!from !== !to)
    throw badRequest('可抽调时间需同时填写开始和结束日期', [
      { path: from ? 'availableTo' : 'availableFrom', message: '请填写' },
    ]);
  if (from && to && from > to)
    throw badRequest('结束日期不能早于开始日期', [{ path: 'availableTo', message: '结束日期不能早于开始日期' }]);
}

export async function listCadres(ctx: RequestContext, query: CadreListQuery) {
  checkRange(query);
  const { items, total } = await repo.listCadres(ctx.db, ctx.user, query, query);
  return pageResult(
    items.map((row) => presentCadre(row, ctx.user)),
    total,
    query,
  );
}

/** Every matching cadre for the 人才库名册 export, a thousand at a time. */
export function cadreRows(ctx: RequestContext, filter: CadreFilter) {
  checkRange(filter);
  return exportBatches<Cadre>(async ({ offset, limit }) => {
    const rows = await repo.cadreBatch(ctx.db, ctx.user, filter, offset, limit);
    return rows.map((row) => presentCadre(row, ctx.user));
  });
}

export async function loadCadre(db: Db, user: SessionUser, id: string) {
  const row = await repo.findCadre(db, user, id);
  if (!row) throw notFound('干部不存在');
  return row;
}

export async function getCadre(ctx: RequestContext, id: string): Promise<CadreDetail> {
  const row = await loadCadre(ctx.db, ctx.user, id);
  const [availability, pastPosts, relatives, trainings, commendations, participations, appraisals] = await Promise.all([
    listRecords(ctx.db, RECORD_SPECS.availability, id),
    listRecords(ctx.db, RECORD_SPECS['past-posts'], id),
    listRecords(ctx.db, RECORD_SPECS.relatives, id),
    listRecords(ctx.db, RECORD_SPECS.trainings, id),
    listRecords(ctx.db, RECORD_SPECS.commendations, id),
    participationsOf(ctx.db, id),
    appraisalsOfCadre(ctx.db, ctx.user, id),
  ]);
  return {
    ...presentCadre(row, ctx.user),
    availability: availability as CadreDetail['availability'],
    pastPosts: pastPosts as CadreDetail['pastPosts'],
    relatives: relatives as CadreDetail['relatives'],
    trainings: trainings as CadreDetail['trainings'],
    commendations: commendations as CadreDetail['commendations'],
    participations,
    appraisals: appraisals.map(presentAppraisal),
  };
}

/** A unit of the tree gives its own name; otherwise the typed name is all there is (市审计局, 检察院 …). */
async function homeUnitOf(db: Db, committeeId: string, input: { homeUnitId?: string; homeUnitName?: string }) {
  if (input.homeUnitId) {
    const [unit] = await repo.unitsInCommittee(db, committeeId, [input.homeUnitId]);
    if (!unit) throw badRequest('所在单位不属于本党委', [{ path: 'homeUnitId', message: '所在单位不属于本党委' }]);
    return { homeUnitId: unit.id, homeUnitName: unit.name };
  }
  if (!input.homeUnitName) throw badRequest('请填写所在单位', [{ path: 'homeUnitName', message: '请填写所在单位' }]);
  return { homeUnitId: null, homeUnitName: input.homeUnitName };
}

function valuesOf(input: CadreCreate, home: { homeUnitId: string | null; homeUnitName: string }): repo.CadreValues {
  return {
    name: input.name,
    gender: input.gender ?? null,
    birthYear: input.birthYear ?? null,
    ...home,
    post: input.post,
    rank: input.rank || null,
    phone: input.phone || null,
    skills: input.skills ?? [],
    notes: input.notes || null,
  };
}

export async function createCadre(ctx: RequestContext, input: CadreCreate): Promise<Cadre> {
  return withTransaction(ctx.db, async (tx) => {
    const committeeId = ctx.user.committeeId;
    if (!committeeId || !mayManage(ctx.user, committeeId)) throw forbidden('无权维护人才库');
    const values = valuesOf(input, await homeUnitOf(tx, committeeId, input));
    const id = await repo.insertCadre(tx, committeeId, values);
    await writeAudit(tx, ctx.actor, { action: 'cadre.create', entity: 'cadre', entityId: id, after: values });
    return presentCadre(await loadCadre(tx, ctx.user, id), ctx.user);
  });
}

/** The stored cadre as a full input, so a correction can merge into it. */
function asInput(row: repo.CadreRow): CadreCreate {
  return {
    name: row.name,
    ...(row.gender ? { gender: row.gender as CadreCreate['gender'] & string } : {}),
    ...(row.birthYear ? { birthYear: row.birthYear } : {}),
    ...(row.homeUnitId ? { homeUnitId: row.homeUnitId } : { homeUnitName: row.homeUnitName }),
    post: row.post,
    ...(row.rank ? { rank: row.rank } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    skills: row.skills as CadreCreate['skills'],
    ...(row.notes ? { notes: row.notes } : {}),
  };
}

export async function updateCadre(ctx: RequestContext, id: string, patch: CadreUpdate): Promise<Cadre> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadCadre(tx, ctx.user, id);
    if (!mayManage(ctx.user, row.committeeId)) throw forbidden('无权维护人才库');
    if (!row.active) throw conflict('该干部已停用，请先恢复后再修改');
    const current = asInput(row);
    // a typed unit name without a unit id moves the cadre outside the org tree
    const home = patch.homeUnitName && !patch.homeUnitId ? { homeUnitId: undefined } : {};
    const merged = { ...current, ...home, ...patch };
    const values = valuesOf(merged, await homeUnitOf(tx, row.committeeId, merged));
    await repo.updateCadre(tx, id, values);
    await writeAudit(tx, ctx.actor, {
      action: 'cadre.update',
      entity: 'cadre',
      entityId: id,
      before: current,
      after: values,
    });
    return presentCadre(await loadCadre(tx, ctx.user, id), ctx.user);
  });
}

export async function setCadreActive(ctx: RequestContext, id: string, active: boolean): Promise<Cadre> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadCadre(tx, ctx.user, id);
    if (!mayManage(ctx.user, row.committeeId)) throw forbidden('无权维护人才库');
    if (!(await repo.setActive(tx, id, active))) throw conflict(active ? '该干部已在库，无需恢复' : '该干部已停用');
    await writeAudit(tx, ctx.actor, {
      action: active ? 'cadre.reactivate' : 'cadre.deactivate',
      entity: 'cadre',
      entityId: id,
      before: { active: !active },
      after: { active },
    });
    return presentCadre(await loadCadre(tx, ctx.user, id), ctx.user);
  });
}

/** 回避 preview for the UI: this cadre against units of their committee. */
export async function avoidancePreview(ctx: RequestContext, id: string, query: z.output<typeof CadreAvoidanceQuery>) {
  const row = await loadCadre(ctx.db, ctx.user, id);
  const units = await repo.unitsInCommittee(ctx.db, row.committeeId, query.unitIds);
  if (units.length !== new Set(query.unitIds).size)
    throw badRequest('被巡察单位不存在', [{ path: 'unitIds', message: '包含不属于本党委的单位' }]);
  const asOf = query.asOf ?? shanghaiToday(ctx.clock);
  return { items: await findAvoidanceConflicts(ctx.db, { cadreIds: [id], unitIds: query.unitIds, asOf }) };
}
