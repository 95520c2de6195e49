import { REPORT_EVENTS, REPORT_STATUSES } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { nextReportStatus, reportEditable } from './report.status.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, string> = {
  'draft/submit': 'submitted',
  'submitted/approve': 'approved',
  'submitted/return': 'returned',
  'returned/submit': 'submitted',
};

describe('report state machine', () => {
  for (const from of REPORT_STATUSES) {
    for (const event of REPORT_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextReportStatus(from, event)).toBe(expected);
      });
    }
  }

  it('takes new versions only while the team holds the text (起草, 退回)', () => {
    expect(REPORT_STATUSES.filter(reportEditable)).toEqual(['draft', 'returned']);
  });
});
