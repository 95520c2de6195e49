// 整改方案 states as a transition table: 起草 → 报送 (主要负责人) → 审核通过, or 退回重来 → 报送 again.
import type { PlanEvent, PlanStatus } from '@xuncha/contracts';

export const planTransitions = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted' },
  approved: {},
} as const satisfies Record<PlanStatus, Partial<Record<PlanEvent, PlanStatus>>>;

export function nextPlanStatus(from: PlanStatus, event: PlanEvent): PlanStatus | undefined {
  return (planTransitions[from] as Partial<Record<PlanEvent, PlanStatus>>)[event];
}

/** The unit may save new versions while the plan is with it (起草中, 退回重来), never while under review. */
export function planEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}
