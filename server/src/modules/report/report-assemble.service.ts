// GET …/report/assemble and …/feedback-draft/assemble: the suggested text from the records, for the
// team to edit and save as a version. Nothing is written.
import { type InspectionType, inspectionType, type ReportKind } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type AssembleSources, assembleFeedback, assembleReport } from './report.assemble.ts';
import { FEEDBACK_NEEDS_APPROVAL } from './report.policy.ts';
import { loadReport } from './report.service.ts';
import * as sources from './report-sources.repository.ts';

export async function assembleText(ctx: RequestContext, inspectionId: string, kind: ReportKind) {
  const { inspection, scope, state } = await loadReport(ctx.db, ctx.user, inspectionId, kind);
  if (!can(ctx.user, 'report.write', scope)) throw forbidden('无权起草巡察报告和反馈意见');
  if (kind === 'feedback' && state.reportStatus !== 'approved') throw conflict(FEEDBACK_NEEDS_APPROVAL);
  const [committeeName, findings, fieldwork, clueCount, goodPractices] = await Promise.all([
    sources.committeeName(ctx.db, inspection.committeeId),
    sources.reportFindings(ctx.db, ctx.user, inspectionId),
    sources.fieldworkCounts(ctx.db, ctx.user, inspectionId),
    sources.clueCount(ctx.db, ctx.user, inspectionId),
    sources.goodPractices(ctx.db, ctx.user, inspectionId),
  ]);
  const input: AssembleSources = {
    committeeName,
    teamName: inspection.teamName,
    unitName: inspection.unitName,
    typeLabel: inspectionType.labels[inspection.type as InspectionType],
    startDate: inspection.startDate,
    endDate: inspection.endDate,
    findings,
    fieldwork,
    clueCount,
    goodPractices,
  };
  return { content: kind === 'report' ? assembleReport(input) : assembleFeedback(input) };
}
