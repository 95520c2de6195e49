// Findings (问题) recorded by the team, classified by the taxonomy of DOMAIN.md §5.
import type { Finding, FindingCreate, FindingListQuery, FindingStatus, InspectionPhase } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { acceptsFindings } from '../inspection/inspection.status.ts';
import * as repo from './finding.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findFinding>>>;

export function findingScope(row: Row): ScopedRecord {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.inspectionId,
    ownerUserId: null,
    visibleToUnit: row.status === 'fed_back',
  };
}

function present(row: Row, user: SessionUser): Finding {
  const { unitPath: _unitPath, ...rest } = row;
  return {
    ...(rest as Omit<Finding, 'abilities'>),
    abilities: { createTask: row.status === 'fed_back' && can(user, 'task.create', findingScope(row)) },
  };
}

export async function listFindings(ctx: RequestContext, query: z.output<typeof FindingListQuery>) {
  const { items, total } = await repo.listFindings(ctx.db, ctx.user, query);
  return pageResult(
    items.map((row) => present(row, ctx.user)),
    total,
    query,
  );
}

export async function loadFinding(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = await repo.findFinding(db, user, id);
  if (!row) throw notFound('问题不存在');
  return row;
}

export async function getFinding(ctx: RequestContext, id: string) {
  return present(await loadFinding(ctx.db, ctx.user, id), ctx.user);
}

export function isFedBack(row: Row): boolean {
  return (row.status as FindingStatus) === 'fed_back';
}

export async function createFinding(ctx: RequestContext, inspectionId: string, input: FindingCreate): Promise<Finding> {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'finding.create', inspectionScope(inspection))) throw forbidden('无权为该巡察登记问题');
    // Locked after the scope check, so the phase we check and the seq we take cannot change under us.
    const phase = await repo.lockInspection(tx, inspectionId);
    if (!acceptsFindings(phase as InspectionPhase)) throw conflict('只有进驻和报告阶段可以登记问题');
    const id = await repo.insertFinding(tx, {
      ...input,
      committeeId: inspection.committeeId,
      inspectionId,
      unitId: inspection.unitId,
      createdBy: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'finding.create',
      entity: 'finding',
      entityId: id,
      after: { title: input.title },
    });
    return present(await loadFinding(tx, ctx.user, id), ctx.user);
  });
}
