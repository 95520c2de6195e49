// Who may do what with a 回访: planning, recording and cancelling need revisit.manage in the case's scope.
import type { Revisit, RevisitEvent, RevisitStatus } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextRevisitStatus } from './revisit.status.ts';

export function revisitAbilities(user: SessionUser, record: ScopedRecord, status: RevisitStatus): Revisit['abilities'] {
  const step = (event: RevisitEvent) =>
    nextRevisitStatus(status, event) !== undefined && can(user, 'revisit.manage', record);
  return { conduct: step('conduct'), cancel: step('cancel'), document: can(user, 'revisit.read', record) };
}
