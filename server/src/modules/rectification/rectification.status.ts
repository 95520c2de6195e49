// The rectification case as a transition table: rectifying until the office signs it off (见底清零);
// a signed-off case is final (a 回访 that finds 反弹 reopens tasks, not the case).
import type { RectificationEvent, RectificationStatus } from '@xuncha/contracts';

export const rectificationTransitions = {
  rectifying: { sign_off: 'signed_off' },
  signed_off: {},
} as const satisfies Record<RectificationStatus, Partial<Record<RectificationEvent, RectificationStatus>>>;

export function nextRectificationStatus(
  from: RectificationStatus,
  event: RectificationEvent,
): RectificationStatus | undefined {
  return (rectificationTransitions[from] as Partial<Record<RectificationEvent, RectificationStatus>>)[event];
}

/** Reports, evaluations are taken only while the case is open. */
export const isOpenCase = (status: RectificationStatus) => status === 'rectifying';
