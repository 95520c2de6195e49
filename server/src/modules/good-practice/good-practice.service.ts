// 经验做法 use cases: record, edit and list what a team found worth spreading. Each write: load (scoped)
// → policy → conditional write + audit, one transaction.
import type {
  GoodPractice,
  GoodPracticeCreate,
  GoodPracticeListQuery,
  GoodPracticeUpdate,
  InspectionPhase,
} from '@xuncha/contracts';
import { inspectionPhaseLabel } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { lockInspection } from '../finding/finding.repository.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { acceptsFindings } from '../inspection/inspection.status.ts';
import { practiceAbilities, practiceScope } from './good-practice.policy.ts';
import * as repo from './good-practice.repository.ts';

function present(row: repo.PracticeRow, user: SessionUser): GoodPractice {
  const { committeeId: _c, unitPath: _u, inspectionPhase: _p, feedbackDate: _f, ...rest } = row;
  return {
    ...(rest as Omit<GoodPractice, 'abilities'>),
    abilities: practiceAbilities(user, row),
  };
}

const phaseConflict = (phase: string) =>
  conflict(`巡察处于“${inspectionPhaseLabel[phase as InspectionPhase]}”阶段，只有进驻和报告阶段可以记录经验做法`);

export async function listPractices(ctx: RequestContext, query: GoodPracticeListQuery) {
  const { items, total } = await repo.listPractices(ctx.db, ctx.user, query);
  return pageResult(
    items.map((row) => present(row, ctx.user)),
    total,
    query,
  );
}

export async function listInspectionPractices(ctx: RequestContext, inspectionId: string, query: GoodPracticeListQuery) {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  return listPractices(ctx, { ...query, inspectionId });
}

async function loadPractice(db: Db, user: SessionUser, id: string) {
  const row = await repo.findPractice(db, user, id);
  if (!row) throw notFound('经验做法不存在');
  return row;
}

export async function createPractice(ctx: RequestContext, inspectionId: string, input: GoodPracticeCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'finding.create', inspectionScope(inspection))) throw forbidden('无权为该巡察记录经验做法');
    const phase = await lockInspection(tx, inspectionId);
    if (!acceptsFindings(phase as InspectionPhase)) throw phaseConflict(phase);
    const id = await repo.insertPractice(tx, {
      ...input,
      committeeId: inspection.committeeId,
      inspectionId,
      unitId: inspection.unitId,
      createdBy: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'good_practice.create',
      entity: 'good_practice',
      entityId: id,
      after: { inspectionId, promote: input.promote, areas: input.areas },
    });
    return present(await loadPractice(tx, ctx.user, id), ctx.user);
  });
}

export async function updatePractice(ctx: RequestContext, id: string, input: GoodPracticeUpdate) {
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockPractice(tx, id);
    const row = await loadPractice(tx, ctx.user, id);
    if (!can(ctx.user, 'finding.update', practiceScope(row))) throw forbidden('无权修改该经验做法');
    if (!(await repo.updatePractice(tx, id, input))) throw phaseConflict(row.inspectionPhase);
    const changed = (Object.keys(input) as (keyof GoodPracticeUpdate)[]).filter(
      (key) => input[key] !== undefined && JSON.stringify(input[key]) !== JSON.stringify(row[key]),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'good_practice.update',
      entity: 'good_practice',
      entityId: id,
      before: { promote: row.promote, areas: row.areas },
      after: { promote: input.promote ?? row.promote, areas: input.areas ?? row.areas, changed },
    });
    return present(await loadPractice(tx, ctx.user, id), ctx.user);
  });
}
