// 回访 states as a transition table: planned, then conducted (outcomes recorded) or cancelled; both final.
import type { RevisitEvent, RevisitStatus } from '@xuncha/contracts';

export const revisitTransitions = {
  planned: { conduct: 'done', cancel: 'cancelled' },
  done: {},
  cancelled: {},
} as const satisfies Record<RevisitStatus, Partial<Record<RevisitEvent, RevisitStatus>>>;

export function nextRevisitStatus(from: RevisitStatus, event: RevisitEvent): RevisitStatus | undefined {
  return (revisitTransitions[from] as Partial<Record<RevisitEvent, RevisitStatus>>)[event];
}
