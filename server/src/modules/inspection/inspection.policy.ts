// Who may do what to an inspection, given its phase. Pure.
import type { Inspection, InspectionEvent, InspectionPhase, Permission } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { acceptsFindings, nextPhase } from './inspection.status.ts';

export interface InspectionScope extends ScopedRecord {
  phase: InspectionPhase;
}

/** The permission each phase step needs: feedback is issued by its own authority, the rest is 推进. */
export function eventPermission(event: InspectionEvent): Permission {
  return event === 'feedback' ? 'feedback.issue' : 'inspection.advance';
}

export function mayTakeStep(user: SessionUser, record: InspectionScope, event: InspectionEvent): boolean {
  return can(user, eventPermission(event), record) && nextPhase(record.phase, event) !== undefined;
}

/** Dates, reason and team can change only while the inspection is being prepared. */
export function mayUpdate(user: SessionUser, record: InspectionScope): boolean {
  return can(user, 'inspection.update', record) && record.phase === 'preparing';
}

export function inspectionAbilities(user: SessionUser, record: InspectionScope): Inspection['abilities'] {
  const step = (event: InspectionEvent) => mayTakeStep(user, record, event);
  return {
    station: step('station'),
    investigate: step('investigate'),
    report: step('report'),
    issueFeedback: step('feedback'),
    rectify: step('rectify'),
    evaluate: step('evaluate'),
    archive: step('archive'),
    createFinding: can(user, 'finding.create', record) && acceptsFindings(record.phase),
    update: mayUpdate(user, record),
  };
}
