// Rows as the API shows them: typed codes and the abilities of this user (the web shows only these buttons).
import type {
  ClueCategory,
  Disposition,
  Handover,
  HandoverKind,
  HandoverRecipient,
  HandoverStatus,
} from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { type HandoverState, handoverAbilities } from './handover.policy.ts';
import type { HandoverRow } from './handover.repository.ts';

export function stateOf(row: HandoverRow): HandoverState {
  return {
    committeeId: row.committeeId,
    inspectionId: row.inspectionId,
    kind: row.kind as HandoverKind,
    recipientUnitPath: row.recipientUnitPath,
    status: row.status as HandoverStatus,
    contentVisible: row.contentVisible,
  };
}

export function presentHandover(row: HandoverRow, user: SessionUser): Handover {
  const { committeeId: _c, recipientUnitPath: _p, contentVisible: _v, ...rest } = row;
  return {
    ...rest,
    kind: row.kind as HandoverKind,
    recipient: row.recipient as HandoverRecipient,
    status: row.status as HandoverStatus,
    clueCategory: row.clueCategory as ClueCategory | null,
    disposition: row.disposition as Disposition | null,
    overdueDays: Number(row.overdueDays),
    abilities: handoverAbilities(user, stateOf(row)),
  };
}
