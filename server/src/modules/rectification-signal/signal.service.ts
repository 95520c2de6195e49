// 整改不实预警 use cases. Reading needs rectification_signal.read over the committee as a whole (resolveFilter,
// 404 otherwise); running a scan and deciding on a signal is the office's work, the same people who issue
// 督办单 (supervision.issue): a confirmed signal is followed by a 督办单 or a 问责 proposal on the task.
import type {
  SignalHandleInput,
  SignalListQuery,
  SignalPage,
  SignalScanInput,
  SignalScanResult,
  SignalSummary,
  SignalSummaryQuery,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { resolveFilter } from '../analytics/analytics.filter.ts';
import { presentSignal } from './signal.present.ts';
import * as repo from './signal.repository.ts';
import { scanCommittee } from './signal.scan.repository.ts';

const READ = 'rectification_signal.read' as const;
const HANDLE = 'supervision.issue' as const;

const canHandle = (ctx: RequestContext, committeeId: string) => can(ctx.user, HANDLE, committeeRecord(committeeId));

export async function listSignals(ctx: RequestContext, query: SignalListQuery): Promise<SignalPage> {
  const f = await resolveFilter(ctx.db, ctx.user, query, READ);
  const { items, total } = await repo.listSignals(ctx.db, f, query);
  const handle = canHandle(ctx, f.committeeId);
  return pageResult(
    items.map((r) => presentSignal(r, handle)),
    total,
    query,
  );
}

export async function* exportSignals(ctx: RequestContext, query: Omit<SignalListQuery, 'page' | 'pageSize'>) {
  const f = await resolveFilter(ctx.db, ctx.user, query, READ);
  for await (const r of repo.allSignals(ctx.db, f, query)) yield presentSignal(r, false);
}

export async function signalSummary(ctx: RequestContext, query: SignalSummaryQuery): Promise<SignalSummary> {
  const f = await resolveFilter(ctx.db, ctx.user, query, READ);
  const [totals, units, scan] = await Promise.all([
    repo.signalTotals(ctx.db, f),
    repo.unitCounts(ctx.db, f, query),
    repo.lastScan(ctx.db, f.committeeId),
  ]);
  return {
    committeeId: f.committeeId,
    totals,
    units: pageResult(
      units.map(({ units: _units, ...row }) => row),
      units[0]?.units ?? 0,
      query,
    ),
    lastScan: scan ?? null,
    canScan: canHandle(ctx, f.committeeId),
  };
}

export async function scanSignals(ctx: RequestContext, input: SignalScanInput): Promise<SignalScanResult> {
  const f = await resolveFilter(ctx.db, ctx.user, { committeeId: input.committeeId }, READ);
  if (!canHandle(ctx, f.committeeId)) throw forbidden('无权检测整改不实预警');
  const now = ctx.clock.now().toISOString();
  const result = await withTransaction(ctx.db, async (tx) => {
    const scan = await scanCommittee(tx, f.committeeId, ctx.user.id, now);
    await writeAudit(tx, ctx.actor, {
      action: 'rectification_signal.scan',
      entity: 'committee',
      entityId: f.committeeId,
      after: scan,
    });
    return scan;
  });
  return { scannedAt: now, flagged: result.flagged, cleared: result.cleared };
}

export async function handleSignal(ctx: RequestContext, taskId: string, input: SignalHandleInput) {
  const at = ctx.clock.now().toISOString();
  await withTransaction(ctx.db, async (tx) => {
    const signal = await repo.findSignal(tx, taskId);
    if (!signal || !can(ctx.user, READ, committeeRecord(signal.committeeId))) throw notFound('预警不存在');
    if (!canHandle(ctx, signal.committeeId)) throw forbidden('无权核实整改不实预警');
    const updated = await repo.handleSignal(tx, taskId, {
      status: input.decision,
      note: input.note,
      userId: ctx.user.id,
      at,
    });
    if (updated === 0)
      throw conflict(signal.status === 'cleared' ? '该预警已自动消除，无需处理' : '该预警已处理过，不能重复处理');
    await writeAudit(tx, ctx.actor, {
      action: `rectification_signal.${input.decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
      entity: 'task',
      entityId: taskId,
      before: { status: signal.status },
      after: { status: input.decision, note: input.note },
    });
  });
  return { taskId, status: input.decision, note: input.note, handledAt: at };
}
