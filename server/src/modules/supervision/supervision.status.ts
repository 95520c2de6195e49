// 督办单 states as a transition table. The unit answers (also after escalation); the office closes a
// satisfactory answer or sends it back (reject → issued, with a new response date); an order still waiting
// for its answer may be escalated to the 领导小组 by the office or by the sweep.
import type { SupervisionEvent, SupervisionStatus } from '@xuncha/contracts';

export const supervisionTransitions = {
  issued: { answer: 'answered', escalate: 'escalated' },
  escalated: { answer: 'answered' },
  answered: { reject: 'issued', close: 'closed' },
  closed: {},
} as const satisfies Record<SupervisionStatus, Partial<Record<SupervisionEvent, SupervisionStatus>>>;

export function nextSupervisionStatus(from: SupervisionStatus, event: SupervisionEvent): SupervisionStatus | undefined {
  return (supervisionTransitions[from] as Partial<Record<SupervisionEvent, SupervisionStatus>>)[event];
}

/** Waiting for the unit's answer: counts as answer-overdue once the response date has passed. */
export const AWAITING_ANSWER: readonly SupervisionStatus[] = ['issued', 'escalated'];
/** Not closed yet: a task with such an order is not suggested again. */
export const OPEN_SUPERVISION: readonly SupervisionStatus[] = ['issued', 'escalated', 'answered'];
