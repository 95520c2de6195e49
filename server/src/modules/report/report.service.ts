// Use cases of the 巡察报告 and the 反馈意见 draft: read, save a new version, submit, approve or return.
// load (scoped: 404) → policy (403, 409) → conditional write + report_event + audit, one transaction each.
import type { Report, ReportApprove, ReportKind, ReportStatus, ReportWrite } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { decisionAbout } from '../meeting/meeting.repository.ts';
import { decideRefusal, type ReportState, reportAbilities, submitRefusal, writeRefusal } from './report.policy.ts';
import * as repo from './report.repository.ts';
import { nextReportStatus } from './report.status.ts';
import { appendVersion, STALE } from './report.versioning.ts';

const what = (kind: ReportKind) => (kind === 'report' ? '巡察报告' : '反馈意见');

/** The inspection (visible, else 404), the report.read check (403), and the report's state. */
export async function loadReport(db: Db, user: SessionUser, inspectionId: string, kind: ReportKind) {
  const inspection = await loadInspection(db, user, inspectionId);
  const scope = inspectionScope(inspection);
  if (!can(user, 'report.read', scope)) throw forbidden(`无权查看${what(kind)}`);
  const row = await repo.findReport(db, user, inspectionId, kind);
  const status = (row?.status as ReportStatus | undefined) ?? null;
  const reportStatus =
    kind === 'report'
      ? status
      : (((await repo.unscopedReport(db, inspectionId, 'report'))?.status as ReportStatus) ?? null);
  const state: ReportState = { kind, status, currentVersion: row?.currentVersion ?? 0, reportStatus };
  return { inspection, scope, row, state };
}
type Loaded = Awaited<ReturnType<typeof loadReport>>;

async function present(db: Db, user: SessionUser, loaded: Loaded): Promise<Report> {
  const { inspection, scope, row, state } = loaded;
  const history = row ? await repo.reportHistory(db, row.id) : [];
  return {
    inspectionId: inspection.id,
    kind: state.kind,
    unitName: inspection.unitName,
    inspectionPhase: scope.phase,
    status: state.status,
    currentVersion: state.currentVersion,
    content: row?.content ?? null,
    submittedAt: row?.submittedAt ?? null,
    decidedAt: row?.decidedAt ?? null,
    decidedByName: row?.decidedByName ?? null,
    decisionComment: row?.decisionComment ?? null,
    issuedVersion: row?.issuedVersion ?? null,
    blockedReason: writeRefusal(scope.phase, state),
    history: history.map((e) => ({
      ...e,
      event: e.event as Report['history'][number]['event'],
      fromStatus: e.fromStatus as ReportStatus | null,
      toStatus: e.toStatus as ReportStatus,
    })),
    abilities: reportAbilities(user, scope, state),
  };
}

export async function getReport(ctx: RequestContext, inspectionId: string, kind: ReportKind) {
  return present(ctx.db, ctx.user, await loadReport(ctx.db, ctx.user, inspectionId, kind));
}

/** Saves the text as a new version (never overwrites one); the first save creates the draft. */
export async function writeReport(ctx: RequestContext, inspectionId: string, kind: ReportKind, input: ReportWrite) {
  return withTransaction(ctx.db, async (tx) => {
    const loaded = await loadReport(tx, ctx.user, inspectionId, kind);
    if (!can(ctx.user, 'report.write', loaded.scope)) throw forbidden(`无权起草${what(kind)}`);
    const refusal = writeRefusal(loaded.scope.phase, loaded.state);
    if (refusal) throw conflict(refusal);
    await appendVersion(tx, ctx, { inspectionId, kind, expectedVersion: loaded.state.currentVersion }, input);
    return present(tx, ctx.user, await loadReport(tx, ctx.user, inspectionId, kind));
  });
}

export async function submitReport(ctx: RequestContext, inspectionId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const loaded = await loadReport(tx, ctx.user, inspectionId, 'report');
    if (!can(ctx.user, 'report.write', loaded.scope)) throw forbidden('无权报送巡察报告');
    const refusal = submitRefusal(loaded.scope.phase, loaded.state);
    if (refusal || !loaded.row || !loaded.state.status) throw conflict(refusal ?? STALE);
    await move(tx, ctx, loaded.row.id, {
      from: loaded.state.status,
      event: 'submit',
      version: loaded.state.currentVersion,
      comment: null,
      decisionId: null,
    });
    return present(tx, ctx.user, await loadReport(tx, ctx.user, inspectionId, 'report'));
  });
}

interface Move {
  from: ReportStatus;
  event: 'submit' | 'approve' | 'return';
  version: number;
  comment: string | null;
  decisionId: string | null;
}

async function move(tx: Tx, ctx: RequestContext, reportId: string, step: Move) {
  const to = nextReportStatus(step.from, step.event);
  if (!to) throw conflict(STALE);
  const change = { from: step.from, to, by: ctx.user.id, comment: step.comment, decisionId: step.decisionId };
  if (!(await repo.updateStatus(tx, reportId, change))) throw conflict(STALE);
  await repo.insertEvent(tx, { reportId, event: step.event, ...change, actorId: ctx.user.id, version: step.version });
  await writeAudit(tx, ctx.actor, {
    action: `report.${step.event}`,
    entity: 'report',
    entityId: reportId,
    before: step.from,
    after: { status: to, version: step.version, decisionId: step.decisionId },
  });
}

/** A decision given with the approval must be that kind of decision about this inspection. */
async function checkDecision(db: Db, decisionId: string | undefined, inspectionId: string, kind: string) {
  if (!decisionId) return null;
  const decision = await decisionAbout(db, decisionId, inspectionId);
  if (decision?.kind !== kind)
    throw badRequest('所选会议决定不是本次巡察的相应决定', [
      { path: 'decisionId', message: '请选择本次巡察的相应会议决定' },
    ]);
  return decisionId;
}

export async function decideReport(
  ctx: RequestContext,
  inspectionId: string,
  event: 'approve' | 'return',
  input: ReportApprove,
) {
  return withTransaction(ctx.db, async (tx) => {
    const loaded = await loadReport(tx, ctx.user, inspectionId, 'report');
    if (!can(ctx.user, 'report.approve', loaded.scope)) throw forbidden('无权审定巡察报告');
    const refusal = decideRefusal(loaded.state.status, event);
    if (refusal || !loaded.row || !loaded.state.status) throw conflict(refusal ?? STALE);
    const kind = event === 'approve' ? 'approve_report' : 'return_report';
    const decisionId = await checkDecision(tx, input.decisionId, inspectionId, kind);
    await move(tx, ctx, loaded.row.id, {
      from: loaded.state.status,
      event,
      version: loaded.state.currentVersion,
      comment: input.comment || null,
      decisionId,
    });
    return present(tx, ctx.user, await loadReport(tx, ctx.user, inspectionId, 'report'));
  });
}

/**
 * A 领导小组 decision recorded with its meeting applies the step to the report, inside the meeting's
 * transaction: the meeting's permission (meeting.manage) stands for the leading group's authority.
 */
export async function applyMeetingDecision(
  tx: Tx,
  ctx: RequestContext,
  decision: { id: string; inspectionId: string; event: 'approve' | 'return'; content: string },
) {
  const report = await repo.unscopedReport(tx, decision.inspectionId, 'report');
  const status = (report?.status as ReportStatus | undefined) ?? null;
  const refusal = decideRefusal(status, decision.event);
  if (refusal || !report || !status) throw conflict(refusal ?? STALE);
  await move(tx, ctx, report.id, {
    from: status,
    event: decision.event,
    version: report.currentVersion,
    comment: decision.content,
    decisionId: decision.id,
  });
}
