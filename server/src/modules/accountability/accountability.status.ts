// 问责 states as a transition table: a proposal is decided or withdrawn; both are final (a wrong decision is
// corrected by the deciding body's own procedure, not by editing the record).
import type { AccountabilityEvent, AccountabilityStatus } from '@xuncha/contracts';

export const accountabilityTransitions = {
  proposed: { decide: 'decided', withdraw: 'withdrawn' },
  decided: {},
  withdrawn: {},
} as const satisfies Record<AccountabilityStatus, Partial<Record<AccountabilityEvent, AccountabilityStatus>>>;

export function nextAccountabilityStatus(
  from: AccountabilityStatus,
  event: AccountabilityEvent,
): AccountabilityStatus | undefined {
  return (accountabilityTransitions[from] as Partial<Record<AccountabilityEvent, AccountabilityStatus>>)[event];
}
