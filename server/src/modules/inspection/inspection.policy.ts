// Who may do what to an inspection, given its phase. Pure.
import type { Inspection, InspectionPhase } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { acceptsFindings, nextPhase } from './inspection.status.ts';

export interface InspectionScope extends ScopedRecord {
  phase: InspectionPhase;
}

export function inspectionAbilities(user: SessionUser, record: InspectionScope): Inspection['abilities'] {
  return {
    station: can(user, 'inspection.create', record) && nextPhase(record.phase, 'station') !== undefined,
    report: can(user, 'inspection.create', record) && nextPhase(record.phase, 'report') !== undefined,
    createFinding: can(user, 'finding.create', record) && acceptsFindings(record.phase),
    issueFeedback: can(user, 'feedback.issue', record) && nextPhase(record.phase, 'feedback') !== undefined,
  };
}
