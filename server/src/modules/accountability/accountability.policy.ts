// Who may decide or withdraw a 问责 proposal. Deciding needs accountability.decide (领导小组, 纪委监委) in
// scope; withdrawing is for the proposer, or for 巡察办 — those who run 督办 (supervision.close) in scope.
import type { Accountability, AccountabilityEvent, AccountabilityStatus } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextAccountabilityStatus } from './accountability.status.ts';

export interface AccountabilityState {
  record: ScopedRecord;
  status: AccountabilityStatus;
  proposedBy: string;
}

export function mayAct(user: SessionUser, a: AccountabilityState, event: AccountabilityEvent): boolean {
  if (event === 'decide') return can(user, 'accountability.decide', a.record);
  const proposer = a.proposedBy === user.id && can(user, 'accountability.propose', a.record);
  return proposer || can(user, 'supervision.close', a.record);
}

export function accountabilityAbilities(user: SessionUser, a: AccountabilityState): Accountability['abilities'] {
  const step = (event: AccountabilityEvent) =>
    nextAccountabilityStatus(a.status, event) !== undefined && mayAct(user, a, event);
  return { decide: step('decide'), withdraw: step('withdraw'), document: can(user, 'accountability.read', a.record) };
}
