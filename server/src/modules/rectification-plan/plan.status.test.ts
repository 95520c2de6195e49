import { PLAN_EVENTS, PLAN_STATUSES } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { nextPlanStatus, planEditable } from './plan.status.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, string> = {
  'draft/submit': 'submitted',
  'submitted/approve': 'approved',
  'submitted/return': 'returned',
  'returned/submit': 'submitted',
};

describe('rectification plan state machine', () => {
  for (const from of PLAN_STATUSES) {
    for (const event of PLAN_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextPlanStatus(from, event)).toBe(expected);
      });
    }
  }

  it('takes new versions only while the unit holds the plan (起草中, 退回重来)', () => {
    expect(PLAN_STATUSES.filter(planEditable)).toEqual(['draft', 'returned']);
  });
});
