// What a user may do with a finding now: permission in a covering grant × the finding's stage. Pure.
import type { Finding, FindingStatus, InspectionPhase } from '@xuncha/contracts';
import { findingStatusLabel, inspectionPhaseLabel } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { acceptsFindings } from '../inspection/inspection.status.ts';

export interface FindingState {
  committeeId: string;
  unitPath: string;
  inspectionId: string;
  inspectionPhase: string;
  status: string;
  sensitivity: string;
  immediate: boolean;
}

export function findingScope(row: FindingState): ScopedRecord {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.inspectionId,
    ownerUserId: null,
    // the same rule as findingScopeColumns.unitCondition in SQL
    visibleToUnit: (row.status === 'fed_back' || row.immediate) && row.sensitivity !== 'sensitive',
  };
}

/**
 * A finding is edited (classification, evidence) while it is a draft and the team is still on site or
 * writing the report; once fed back it is what the unit was told, and changes go through the report.
 */
export function isEditable(row: FindingState): boolean {
  return (row.status as FindingStatus) === 'draft' && acceptsFindings(row.inspectionPhase as InspectionPhase);
}

export function findingAbilities(user: SessionUser, row: FindingState): Finding['abilities'] {
  const scope = findingScope(row);
  return {
    createTask: row.status === 'fed_back' && can(user, 'task.create', scope),
    update: isEditable(row) && can(user, 'finding.update', scope),
  };
}

/** Why a finding cannot be edited now, naming its state. */
export function notEditableMessage(row: FindingState): string {
  if (row.status !== 'draft') return `问题状态为“${findingStatusLabel[row.status as FindingStatus]}”，不能再修改`;
  const phase = inspectionPhaseLabel[row.inspectionPhase as InspectionPhase];
  return `巡察处于“${phase}”阶段，只有进驻和报告阶段可以修改问题`;
}
