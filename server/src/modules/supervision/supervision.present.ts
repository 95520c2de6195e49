// Rows as the API shows them: typed codes and this user's abilities (the web shows only these buttons).
import type { SupervisionOrder, SupervisionReason, SupervisionStatus } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { caseRecord } from './rectification-case.ts';
import { supervisionAbilities } from './supervision.policy.ts';
import type { SupervisionRow } from './supervision.repository.ts';

export const recordOf = (row: SupervisionRow) => caseRecord(row);

export function presentOrder(row: SupervisionRow, user: SessionUser): SupervisionOrder {
  const { committeeId: _c, unitPath: _p, ...rest } = row;
  return {
    ...rest,
    reason: row.reason as SupervisionReason,
    status: row.status as SupervisionStatus,
    overdueDays: Number(row.overdueDays),
    abilities: supervisionAbilities(user, recordOf(row), row.status as SupervisionStatus),
  };
}
