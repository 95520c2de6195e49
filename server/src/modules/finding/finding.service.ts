// Findings (问题) recorded by the team, classified by the taxonomy of DOMAIN.md §5. Each use case: load (scoped)
// → policy → conditional write + audit, one transaction; a 立行立改 finding gets its immediate task in the same one.
import type {
  Finding,
  FindingCreate,
  FindingDetail,
  FindingListQuery,
  FindingStatus,
  FindingUpdate,
  InspectionPhase,
  TaskStatus,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { acceptsFindings } from '../inspection/inspection.status.ts';
import { findingAbilities, findingScope, isEditable, notEditableMessage } from './finding.policy.ts';
import * as repo from './finding.repository.ts';
import { linkCheckedRecords } from './finding-evidence.links.ts';
import { linkedRecords } from './finding-evidence.repository.ts';
import { createImmediateTask } from './finding-immediate.service.ts';

export { findingScope };

type Row = repo.FindingRow;

function present(row: Row, user: SessionUser, today: string): Finding {
  const {
    unitPath: _unitPath,
    committeeId: _committeeId,
    inspectionPhase: _phase,
    immediateTaskId,
    immediateTaskStatus,
    immediateTaskDueDate,
    ...rest
  } = row;
  return {
    ...(rest as Omit<Finding, 'abilities' | 'immediateTask'>),
    immediateTask:
      immediateTaskId && immediateTaskStatus && immediateTaskDueDate
        ? {
            id: immediateTaskId,
            status: immediateTaskStatus as TaskStatus,
            dueDate: immediateTaskDueDate,
            // derived from the date, never stored (as in the task ledger)
            overdue: immediateTaskStatus !== 'closed' && immediateTaskDueDate < today,
          }
        : null,
    abilities: findingAbilities(user, row),
  };
}

export async function listFindings(ctx: RequestContext, query: FindingListQuery) {
  const { items, total } = await repo.listFindings(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  return pageResult(
    items.map((row) => present(row, ctx.user, today)),
    total,
    query,
  );
}

export async function loadFinding(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = await repo.findFinding(db, user, id);
  if (!row) throw notFound('问题不存在');
  return row;
}

export async function detail(db: Db, ctx: RequestContext, id: string): Promise<FindingDetail> {
  const row = await loadFinding(db, ctx.user, id);
  const evidence = await linkedRecords(db, ctx.user, id);
  return {
    ...present(row, ctx.user, shanghaiToday(ctx.clock)),
    evidence: evidence.map((e) => ({ ...e, kind: e.kind as FindingDetail['evidence'][number]['kind'] })),
  };
}

export const getFinding = (ctx: RequestContext, id: string) => detail(ctx.db, ctx, id);

export function isFedBack(row: Row): boolean {
  return (row.status as FindingStatus) === 'fed_back';
}

export async function createFinding(ctx: RequestContext, inspectionId: string, input: FindingCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'finding.create', inspectionScope(inspection))) throw forbidden('无权为该巡察登记问题');
    // Locked after the scope check, so the phase we check and the seq we take cannot change under us.
    const phase = await repo.lockInspection(tx, inspectionId);
    if (!acceptsFindings(phase as InspectionPhase)) throw conflict('只有进驻和报告阶段可以登记问题');
    const { evidenceRecordIds, immediate, ...values } = input;
    const id = await repo.insertFinding(tx, {
      ...values,
      committeeId: inspection.committeeId,
      inspectionId,
      unitId: inspection.unitId,
      createdBy: ctx.user.id,
      at: ctx.clock.now().toISOString(),
    });
    await writeAudit(tx, ctx.actor, {
      action: 'finding.create',
      entity: 'finding',
      entityId: id,
      after: { title: input.title, aspect: input.aspect, eightRules: input.eightRules },
    });
    await linkCheckedRecords(tx, ctx, { id, inspectionId }, evidenceRecordIds, 'evidenceRecordIds');
    if (input.eightRules || immediate) {
      const target = { id, title: input.title, committeeId: inspection.committeeId, inspectionId };
      await createImmediateTask(
        tx,
        ctx,
        { ...target, unitId: inspection.unitId, unitPath: inspection.unitPath },
        immediate,
      );
    }
    return detail(tx, ctx, id);
  });
}

const CLASSIFICATION_FIELDS = [
  'aspect',
  'discipline',
  'majorProblem',
  'focus',
  'powerType',
  'areas',
  'isCommon',
  'eightRules',
] as const;

/** Before/after of the classification fields that change; titles and facts are named, not copied. */
function changesOf(row: Row, input: FindingUpdate) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of CLASSIFICATION_FIELDS) {
    const next = input[field];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(row[field])) {
      before[field] = row[field];
      after[field] = next;
    }
  }
  const texts = (['title', 'facts'] as const).filter((f) => input[f] !== undefined && input[f] !== row[f]);
  return { before, after: texts.length > 0 ? { ...after, textChanged: texts } : after };
}

export async function updateFinding(ctx: RequestContext, id: string, input: FindingUpdate): Promise<FindingDetail> {
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockFinding(tx, id);
    const row = await loadFinding(tx, ctx.user, id);
    if (!can(ctx.user, 'finding.update', findingScope(row))) throw forbidden('无权修改该问题');
    if (!isEditable(row)) throw conflict(notEditableMessage(row));
    const { immediate, ...changes } = input;
    if (!(await repo.updateDraftFinding(tx, id, changes, ctx.clock.now().toISOString())))
      throw conflict('问题已被他人更新，请刷新后重试');
    const { before, after } = changesOf(row, input);
    await writeAudit(tx, ctx.actor, { action: 'finding.update', entity: 'finding', entityId: id, before, after });
    // one immediate task per finding: flagging it again, or editing it later, does not add another
    if (!row.immediate && (input.eightRules === true || immediate)) {
      await createImmediateTask(tx, ctx, { ...row, title: input.title ?? row.title }, immediate);
    }
    return detail(tx, ctx, id);
  });
}
