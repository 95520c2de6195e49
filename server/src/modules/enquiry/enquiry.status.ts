// 函询 as a transition table: sent → answered | withdrawn. Both ends are final (nothing is deleted).
import type { EnquiryEvent, EnquiryStatus, InspectionPhase } from '@xuncha/contracts';

export const enquiryTransitions = {
  sent: { answer: 'answered', withdraw: 'withdrawn' },
  answered: {},
  withdrawn: {},
} as const satisfies Record<EnquiryStatus, Partial<Record<EnquiryEvent, EnquiryStatus>>>;

export function nextEnquiryStatus(from: EnquiryStatus, event: EnquiryEvent): EnquiryStatus | undefined {
  return (enquiryTransitions[from] as Partial<Record<EnquiryEvent, EnquiryStatus>>)[event];
}

/**
 * Enquiries are sent and withdrawn only before 进驻, when the team still prepares. A late answer is still
 * accepted after 进驻: the team reads it during fieldwork, and refusing it would lose the information.
 */
export function acceptsEnquiries(phase: InspectionPhase): boolean {
  return phase === 'preparing';
}
