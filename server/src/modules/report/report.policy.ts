// Who may do what to a report or feedback draft, and why not. Pure: the state is loaded by the service.
import {
  type InspectionPhase,
  inspectionPhaseLabel,
  type Report,
  type ReportKind,
  type ReportStatus,
  reportStatusLabel,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { InspectionScope } from '../inspection/inspection.policy.ts';
import { nextReportStatus, reportEditable } from './report.status.ts';

/** The team writes while it investigates and reports; after the feedback the texts are history. */
const WRITING_PHASES: ReadonlySet<InspectionPhase> = new Set(['investigating', 'reporting']);

export interface ReportState {
  kind: ReportKind;
  /** null: nothing written yet */
  status: ReportStatus | null;
  currentVersion: number;
  /** the status of the inspection's 巡察报告 (for a feedback draft: has it been approved?) */
  reportStatus: ReportStatus | null;
}

export const FEEDBACK_NEEDS_APPROVAL = '巡察报告尚未审定，不能起草反馈意见';

/** Why no new version may be saved now (Chinese, for a 409 and for the page), or null when it may. */
export function writeRefusal(phase: InspectionPhase, state: ReportState): string | null {
  const what = state.kind === 'report' ? '巡察报告' : '反馈意见';
  if (state.kind === 'feedback' && state.reportStatus !== 'approved') return FEEDBACK_NEEDS_APPROVAL;
  if (!WRITING_PHASES.has(phase)) return `巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，不能起草${what}`;
  if (state.status && !reportEditable(state.status))
    return `${what}当前状态为“${reportStatusLabel[state.status]}”，不能修改`;
  return null;
}

/** Why the report may not be submitted now, or null. */
export function submitRefusal(phase: InspectionPhase, state: ReportState): string | null {
  if (!state.status || state.currentVersion === 0) return '巡察报告尚未保存任何版本，不能报送';
  if (!nextReportStatus(state.status, 'submit'))
    return `巡察报告当前状态为“${reportStatusLabel[state.status]}”，不能报送`;
  if (!WRITING_PHASES.has(phase)) return `巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，不能报送巡察报告`;
  return null;
}

/** Why the report may not be approved or returned now, or null. */
export function decideRefusal(status: ReportStatus | null, event: 'approve' | 'return'): string | null {
  const verb = event === 'approve' ? '审定' : '退回';
  if (!status) return `巡察报告尚未起草，不能${verb}`;
  if (!nextReportStatus(status, event)) return `巡察报告当前状态为“${reportStatusLabel[status]}”，不能${verb}`;
  return null;
}

export function reportAbilities(user: SessionUser, scope: InspectionScope, state: ReportState): Report['abilities'] {
  const writer = can(user, 'report.write', scope);
  const approver = state.kind === 'report' && can(user, 'report.approve', scope);
  return {
    write: writer && writeRefusal(scope.phase, state) === null,
    submit: writer && state.kind === 'report' && submitRefusal(scope.phase, state) === null,
    approve: approver && decideRefusal(state.status, 'approve') === null,
    return: approver && decideRefusal(state.status, 'return') === null,
    issue:
      state.kind === 'feedback' &&
      state.reportStatus === 'approved' &&
      scope.phase === 'reporting' &&
      can(user, 'feedback.issue', scope),
  };
}
