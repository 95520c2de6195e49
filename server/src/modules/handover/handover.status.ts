// Handover states as a transition table (件件有着落、事事有回音): the only way to 办结 (closed) is through
// concluded, which needs a reported result; a recipient may decline (退回) only before accepting.
import type { ClueEvent, HandoverEvent, HandoverStatus } from '@xuncha/contracts';

export const handoverTransitions = {
  sent: { accept: 'accepted', decline: 'declined' },
  accepted: { progress: 'handling', conclude: 'concluded' },
  // a further progress report keeps it in handling
  handling: { progress: 'handling', conclude: 'concluded' },
  concluded: { close: 'closed', request_more: 'handling' },
  closed: {},
  declined: {},
} as const satisfies Record<HandoverStatus, Partial<Record<HandoverEvent, HandoverStatus>>>;

export function nextHandoverStatus(from: HandoverStatus, event: HandoverEvent): HandoverStatus | undefined {
  return (handoverTransitions[from] as Partial<Record<HandoverEvent, HandoverStatus>>)[event];
}

/** What a clue handover's step does to the clue; undefined → the clue stays as it is. */
export function clueEventOf(event: HandoverEvent, from: HandoverStatus): ClueEvent | undefined {
  switch (event) {
    case 'accept':
      return 'accept';
    case 'progress':
      return from === 'accepted' ? 'handle' : undefined;
    case 'conclude':
      return 'conclude';
    case 'request_more':
      return 'handle';
    case 'decline':
      return 'decline';
    case 'close':
      return undefined;
  }
}

/** Still waiting for a result: counts towards overdue when past the due date. */
export const OPEN_HANDOVER_STATUSES: readonly HandoverStatus[] = ['sent', 'accepted', 'handling'];
