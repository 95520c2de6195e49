// Who may take which step of a handover, given its status. Pure: the service and the abilities sent to
// the web use the same answers. Recipient steps need the receive permission of the kind; 办结 and
// 要求补充 are the sender's (handover.close).
import type { Handover, HandoverEvent, HandoverStatus } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { type HandoverPlace, mayReceive, senderRecord } from './handover.access.ts';
import { nextHandoverStatus } from './handover.status.ts';

export const SENDER_EVENTS: ReadonlySet<HandoverEvent> = new Set(['close', 'request_more']);

export interface HandoverState extends HandoverPlace {
  status: HandoverStatus;
  /** the user passes the clue's need-to-know condition (always false for finding handovers) */
  contentVisible: boolean;
}

export function mayAct(user: SessionUser, h: HandoverState, event: HandoverEvent): boolean {
  return SENDER_EVENTS.has(event) ? can(user, 'handover.close', senderRecord(h)) : mayReceive(user, h);
}

/** The letter (移交函) is the sender's; a clue's letter carries its content, so only for its readers. */
export function mayPrintLetter(user: SessionUser, h: HandoverState): boolean {
  return can(user, 'handover.read', senderRecord(h)) && (h.kind !== 'clue' || h.contentVisible);
}

export function handoverAbilities(user: SessionUser, h: HandoverState): Handover['abilities'] {
  const step = (event: HandoverEvent) => nextHandoverStatus(h.status, event) !== undefined && mayAct(user, h, event);
  return {
    accept: step('accept'),
    decline: step('decline'),
    progress: step('progress'),
    conclude: step('conclude'),
    close: step('close'),
    requestMore: step('request_more'),
    document: mayPrintLetter(user, h),
  };
}
