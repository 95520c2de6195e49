// The 督办单 table over every (status, event) pair.
import {
  SUPERVISION_EVENTS,
  SUPERVISION_STATUSES,
  type SupervisionEvent,
  type SupervisionStatus,
} from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { AWAITING_ANSWER, nextSupervisionStatus, OPEN_SUPERVISION } from './supervision.status.ts';

const expected: Record<SupervisionStatus, Partial<Record<SupervisionEvent, SupervisionStatus>>> = {
  issued: { answer: 'answered', escalate: 'escalated' },
  escalated: { answer: 'answered' },
  answered: { reject: 'issued', close: 'closed' },
  closed: {},
};

describe('supervision transitions', () => {
  for (const from of SUPERVISION_STATUSES)
    for (const event of SUPERVISION_EVENTS)
      it(`${from} --${event}--> ${expected[from][event] ?? '(refused)'}`, () => {
        expect(nextSupervisionStatus(from, event)).toBe(expected[from][event]);
      });

  it('closes only an answered order', () => {
    const into = SUPERVISION_STATUSES.filter((s) =>
      SUPERVISION_EVENTS.some((e) => nextSupervisionStatus(s, e) === 'closed'),
    );
    expect(into).toEqual(['answered']);
  });

  it('waits for an answer while issued or escalated; open until closed', () => {
    expect([...AWAITING_ANSWER].sort()).toEqual(['escalated', 'issued']);
    expect([...OPEN_SUPERVISION].sort()).toEqual(['answered', 'escalated', 'issued']);
  });
});
