import { ENQUIRY_EVENTS, ENQUIRY_STATUSES, INSPECTION_PHASES } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { acceptsEnquiries, nextEnquiryStatus } from './enquiry.status.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, string> = {
  'sent/answer': 'answered',
  'sent/withdraw': 'withdrawn',
};

describe('enquiry state machine', () => {
  for (const from of ENQUIRY_STATUSES) {
    for (const event of ENQUIRY_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextEnquiryStatus(from, event)).toBe(expected);
      });
    }
  }

  it('sends and withdraws only while the inspection prepares', () => {
    expect(INSPECTION_PHASES.filter(acceptsEnquiries)).toEqual(['preparing']);
  });
});
