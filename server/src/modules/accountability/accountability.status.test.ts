// The 问责 table over every (status, event) pair.
import {
  ACCOUNTABILITY_EVENTS,
  ACCOUNTABILITY_STATUSES,
  type AccountabilityEvent,
  type AccountabilityStatus,
} from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { nextAccountabilityStatus } from './accountability.status.ts';

const expected: Record<AccountabilityStatus, Partial<Record<AccountabilityEvent, AccountabilityStatus>>> = {
  proposed: { decide: 'decided', withdraw: 'withdrawn' },
  decided: {},
  withdrawn: {},
};

describe('accountability transitions', () => {
  for (const from of ACCOUNTABILITY_STATUSES)
    for (const event of ACCOUNTABILITY_EVENTS)
      it(`${from} --${event}--> ${expected[from][event] ?? '(refused)'}`, () => {
        expect(nextAccountabilityStatus(from, event)).toBe(expected[from][event]);
      });
});
