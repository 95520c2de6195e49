// Adding and correcting a cadre's records. Nothing is deleted: a wrong record is corrected, and the
// audit log keeps what it said before.
import type { CadreRecordKind } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { mayManage } from './cadre.policy.ts';
import { unitsInCommittee } from './cadre.repository.ts';
import { loadCadre } from './cadre.service.ts';
import {
  findRecord,
  insertRecord,
  RECORD_SPECS,
  type RecordSpec,
  type RecordValues,
  updateRecord,
} from './cadre-records.repository.ts';

function checkSpan(spec: RecordSpec, values: RecordValues) {
  if (!spec.span) return;
  const [start, end] = spec.span.map((field) => values[field]);
  if (typeof start === 'string' && typeof end === 'string' && start > end)
    throw badRequest('结束日期不能早于开始日期', [{ path: spec.span[1], message: '结束日期不能早于开始日期' }]);
}

/** A unit of the committee's tree (回避 can then match it) gives its name; otherwise a typed name is required. */
async function withUnit(db: Db, spec: RecordSpec, committeeId: string, values: RecordValues): Promise<RecordValues> {
  if (!spec.hasUnit) return values;
  if (typeof values.unitId === 'string') {
    const [unit] = await unitsInCommittee(db, committeeId, [values.unitId]);
    if (!unit) throw badRequest('单位不属于本党委', [{ path: 'unitId', message: '单位不属于本党委' }]);
    return { ...values, unitName: unit.name };
  }
  if (!values.unitName) throw badRequest('请填写单位', [{ path: 'unitName', message: '请填写单位' }]);
  return { ...values, unitId: null };
}

async function presentRecord(db: Db, ctx: RequestContext, spec: RecordSpec, id: string) {
  const record = await findRecord(db, ctx.user, spec, id);
  if (!record) throw notFound('记录不存在');
  const { cadreId: _cadreId, committeeId: _committeeId, cadreActive: _active, ...rest } = record;
  return rest;
}

export async function addRecord(ctx: RequestContext, kind: CadreRecordKind, cadreId: string, input: RecordValues) {
  const spec = RECORD_SPECS[kind];
  return withTransaction(ctx.db, async (tx) => {
    const cadre = await loadCadre(tx, ctx.user, cadreId);
    if (!mayManage(ctx.user, cadre.committeeId)) throw forbidden('无权维护人才库');
    if (!cadre.active) throw conflict('该干部已停用，请先恢复后再登记');
    const values = await withUnit(tx, spec, cadre.committeeId, { ...spec.defaults, ...input });
    checkSpan(spec, values);
    const id = await insertRecord(tx, spec, cadreId, values);
    await writeAudit(tx, ctx.actor, { action: `cadre.${kind}.add`, entity: spec.table, entityId: id, after: values });
    return presentRecord(tx, ctx, spec, id);
  });
}

export async function correctRecord(ctx: RequestContext, kind: CadreRecordKind, id: string, patch: RecordValues) {
  const spec = RECORD_SPECS[kind];
  return withTransaction(ctx.db, async (tx) => {
    const stored = await findRecord(tx, ctx.user, spec, id);
    if (!stored) throw notFound(`${spec.label}记录不存在`);
    if (!mayManage(ctx.user, stored.committeeId)) throw forbidden('无权维护人才库');
    if (Object.keys(patch).length === 0) throw badRequest('没有要修改的内容');
    if (!stored.cadreActive) throw conflict('该干部已停用，请先恢复后再更正');
    const { cadreId: _cadreId, committeeId, cadreActive: _active, id: _id, ...before } = stored;
    // a typed unit name without a unit id means the unit is outside the tree
    const unitReset = spec.hasUnit && patch.unitName && !patch.unitId ? { unitId: undefined } : {};
    const values = await withUnit(tx, spec, committeeId, { ...before, ...unitReset, ...patch });
    checkSpan(spec, values);
    await updateRecord(tx, spec, id, values);
    await writeAudit(tx, ctx.actor, {
      action: `cadre.${kind}.correct`,
      entity: spec.table,
      entityId: id,
      before,
      after: values,
    });
    return presentRecord(tx, ctx, spec, id);
  });
}
