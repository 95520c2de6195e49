import { TASK_EVENTS, TASK_STATUSES, type TaskEvent, type TaskStatus } from '@xuncha/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStatus } from './task.status.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, TaskStatus> = {
  'open/start': 'in_progress',
  'in_progress/submit': 'submitted',
  'submitted/verify': 'closed',
  'submitted/return': 'returned',
  'submitted/verifyPartly': 'partly_closed',
  'returned/start': 'in_progress',
  'partly_closed/submit': 'submitted',
  'partly_closed/reopen': 'in_progress',
  'closed/reopen': 'in_progress',
};

describe('task state machine', () => {
  for (const from of TASK_STATUSES) {
    for (const event of TASK_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus(from, event)).toBe(expected);
      });
    }
  }

  it('any event sequence only visits known states, and closed is reached only through verify', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TASK_EVENTS), { maxLength: 30 }), (events: TaskEvent[]) => {
        let status: TaskStatus = 'open';
        for (const event of events) {
          const to = nextStatus(status, event);
          if (!to) continue;
          if (to === 'closed') expect(event).toBe('verify');
          expect(TASK_STATUSES).toContain(to);
          status = to;
        }
      }),
    );
  });
});
