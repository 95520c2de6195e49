// Who sees which handover, as ONE SQL condition over `handover as h` (applied by every read) and the same
// rule in memory for a loaded row. Senders (handover.read: 巡察办 and 领导小组 in the committee, the team
// leader in the inspection) see their whole scope; recipients see exactly what was handed to them:
//  - handover.receive_clue  → clue handovers of their committee (纪委监委),
//  - handover.receive_cadre → 选人用人 handovers of their committee (组织部),
//  - handover.receive_other → other handovers whose recipient unit is in their unit subtree (主管部门).
import { type HandoverKind, handoverKind, type Permission, receivePermissionOfKind } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { can, type ScopedRecord, scopeWhere } from '../../access/scope.ts';
import { holdsPermission, type SessionUser } from '../../access/session-user.ts';
import { forbidden } from '../../platform/errors.ts';

const SENDER_COLUMNS = { committeeId: 'h.committee_id', inspectionId: 'h.inspection_id' };
// Only 'other' handovers go to a unit; for clue and cadre a unit grant must never match.
const RECIPIENT_COLUMNS = {
  clue: { committeeId: 'h.committee_id' },
  cadre: { committeeId: 'h.committee_id' },
  other: { committeeId: 'h.committee_id', unitId: 'h.recipient_unit_id' },
} as const;

export function handoverVisibleWhere(user: SessionUser): Expression<SqlBool> {
  const asRecipient = handoverKind.codes.map(
    (kind) => sql`(h.kind = ${kind} AND ${scopeWhere(user, receivePermissionOfKind[kind], RECIPIENT_COLUMNS[kind])})`,
  );
  return sql<SqlBool>`(${scopeWhere(user, 'handover.read', SENDER_COLUMNS)} OR ${sql.join(asRecipient, sql` OR `)})`;
}

const HANDOVER_PERMISSIONS: Permission[] = ['handover.read', ...Object.values(receivePermissionOfKind)];

/** The handover pages are for senders and recipients; anybody else is refused outright (403). */
export function requireHandoverAccess(user: SessionUser): void {
  if (!HANDOVER_PERMISSIONS.some((p) => holdsPermission(user, p))) throw forbidden('无权查看移交事项');
}

export interface HandoverPlace {
  committeeId: string;
  inspectionId: string;
  kind: HandoverKind;
  recipientUnitPath: string | null;
}

export const senderRecord = (h: HandoverPlace): ScopedRecord => ({
  committeeId: h.committeeId,
  unitPath: null,
  inspectionId: h.inspectionId,
  ownerUserId: null,
});

const recipientRecord = (h: HandoverPlace): ScopedRecord => ({
  committeeId: h.committeeId,
  unitPath: h.kind === 'other' ? h.recipientUnitPath : null,
  inspectionId: null,
  ownerUserId: null,
});

/** May this user answer the handover as its recipient? */
export function mayReceive(user: SessionUser, h: HandoverPlace): boolean {
  return can(user, receivePermissionOfKind[h.kind], recipientRecord(h));
}
