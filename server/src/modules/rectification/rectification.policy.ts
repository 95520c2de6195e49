// Who may do what on a rectification case. Pure: the services and the abilities sent to the web give
// the same answers. 整改报告 and 履职报告 are the unit's principal's own reports (主要负责人), so they need
// the unit_head role; the liaison (整改联络员) may file the monthly progress reports.
import type { RectificationAbilities, RectificationReportKind, RectificationStatus, RoleCode } from '@xuncha/contracts';
import { can, covers, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { isOpenCase, nextRectificationStatus } from './rectification.status.ts';

export interface CasePlace {
  committeeId: string;
  unitPath: string;
  inspectionId: string;
  status: RectificationStatus;
}

export const caseRecord = (c: CasePlace): ScopedRecord => ({
  committeeId: c.committeeId,
  unitPath: c.unitPath,
  inspectionId: c.inspectionId,
  ownerUserId: null,
});

const REPORT_ROLES: Record<RectificationReportKind, readonly RoleCode[] | null> = {
  progress: null,
  rectification: ['unit_head'],
  duty: ['unit_head'],
};

/** May this user file a report of this kind for the case (whatever its state)? */
export function mayReport(user: SessionUser, c: CasePlace, kind: RectificationReportKind): boolean {
  const roles = REPORT_ROLES[kind];
  return user.grants.some(
    (g) =>
      g.permissions.has('rectification_report.submit') &&
      (roles === null || roles.includes(g.role)) &&
      covers(user, g, caseRecord(c)),
  );
}

export function rectificationAbilities(user: SessionUser, c: CasePlace): RectificationAbilities {
  const open = isOpenCase(c.status);
  const report = (kind: RectificationReportKind) => open && mayReport(user, c, kind);
  return {
    signOff:
      nextRectificationStatus(c.status, 'sign_off') !== undefined && can(user, 'rectification.sign_off', caseRecord(c)),
    submitProgress: report('progress'),
    submitReport: report('rectification'),
    submitDuty: report('duty'),
    evaluate: open && can(user, 'evaluation.manage', caseRecord(c)),
    publish: can(user, 'publication.manage', caseRecord(c)),
  };
}
