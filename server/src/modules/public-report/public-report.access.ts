// Need-to-know for 群众举报/意见 (issue 8 §6), as SQL conditions: the team leader of the inspection
// (public_report.read in scope) and the designated readers of that inspection (a live public_report_grant).
// Nobody else: not the 巡察办主任 (who designates readers but reads nothing by role), not the leading group,
// not the inspected unit. Every query touching report rows applies readerWhere, so a user without
// need-to-know gets nothing from lists, counts or exports, and a 404 from any single read.
import type { Permission } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { can, type ScopedRecord, scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';

/** Qualified columns of the row being filtered: a report (`p`) or an inspection (`i`). */
export interface InspectionColumns {
  committeeId: string;
  inspectionId: string;
}

export const REPORT_COLUMNS: InspectionColumns = { committeeId: 'p.committee_id', inspectionId: 'p.inspection_id' };
export const INSPECTION_COLUMNS: InspectionColumns = { committeeId: 'i.committee_id', inspectionId: 'i.id' };

export function readerWhere(user: SessionUser, columns: InspectionColumns): Expression<SqlBool> {
  const byRole = scopeWhere(user, 'public_report.read', columns);
  return sql<SqlBool>`(${byRole} OR EXISTS (SELECT 1 FROM public_report_grant g
    WHERE g.inspection_id = ${sql.ref(columns.inspectionId)} AND g.user_id = ${user.id} AND g.revoked_at IS NULL))`;
}

/** Inspections whose readers this user may designate (组长 of the inspection, 巡察办主任 of the committee). */
export function granterWhere(user: SessionUser, columns: InspectionColumns): Expression<SqlBool> {
  return scopeWhere(user, 'public_report.grant', columns);
}

/** Unit-scoped grants never cover a report: the inspected unit learns nothing of it. */
export function reportScope(row: { committeeId: string; inspectionId: string }): ScopedRecord {
  return { committeeId: row.committeeId, unitPath: null, inspectionId: row.inspectionId, ownerUserId: null };
}

export const mayDo = (user: SessionUser, permission: Permission, row: { committeeId: string; inspectionId: string }) =>
  can(user, permission, reportScope(row));
