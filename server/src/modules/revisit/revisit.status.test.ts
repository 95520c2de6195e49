// The 回访 table over every (status, event) pair.
import { REVISIT_EVENTS, REVISIT_STATUSES, type RevisitEvent, type RevisitStatus } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { nextRevisitStatus } from './revisit.status.ts';

const expected: Record<RevisitStatus, Partial<Record<RevisitEvent, RevisitStatus>>> = {
  planned: { conduct: 'done', cancel: 'cancelled' },
  done: {},
  cancelled: {},
};

describe('revisit transitions', () => {
  for (const from of REVISIT_STATUSES)
    for (const event of REVISIT_EVENTS)
      it(`${from} --${event}--> ${expected[from][event] ?? '(refused)'}`, () => {
        expect(nextRevisitStatus(from, event)).toBe(expected[from][event]);
      });
});
