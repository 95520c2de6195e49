// Who may take which step of a 督办单: the unit answers (supervision.answer in the unit's subtree), the
// office rejects, closes and escalates (supervision.close). Pure: the service and the abilities agree.
import type { SupervisionEvent, SupervisionOrder, SupervisionStatus } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextSupervisionStatus } from './supervision.status.ts';

export function mayStep(user: SessionUser, record: ScopedRecord, event: SupervisionEvent): boolean {
  return can(user, event === 'answer' ? 'supervision.answer' : 'supervision.close', record);
}

export function supervisionAbilities(
  user: SessionUser,
  record: ScopedRecord,
  status: SupervisionStatus,
): SupervisionOrder['abilities'] {
  const step = (event: SupervisionEvent) =>
    nextSupervisionStatus(status, event) !== undefined && mayStep(user, record, event);
  return {
    answer: step('answer'),
    reject: step('reject'),
    close: step('close'),
    escalate: step('escalate'),
    document: can(user, 'supervision.read', record),
  };
}
