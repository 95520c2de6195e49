// What a user may do with a good practice now: permission in a covering grant × the inspection's phase. Pure.
import type { GoodPractice, InspectionPhase } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { acceptsFindings } from '../inspection/inspection.status.ts';

export interface PracticeState {
  committeeId: string;
  unitPath: string;
  inspectionId: string;
  inspectionPhase: string;
  feedbackDate: string | null;
}

export function practiceScope(row: PracticeState): ScopedRecord {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.inspectionId,
    ownerUserId: null,
    // the same rule as the SQL unit condition: once the feedback has been issued
    visibleToUnit: row.feedbackDate !== null,
  };
}

/** Good practices are recorded and edited with the findings: while the team is on site or reporting. */
export function practiceAbilities(user: SessionUser, row: PracticeState): GoodPractice['abilities'] {
  return {
    update: acceptsFindings(row.inspectionPhase as InspectionPhase) && can(user, 'finding.update', practiceScope(row)),
  };
}
