// The handover table over every (status, event) pair, and what each step does to the handed clue.
import {
  CLUE_STATUSES,
  type ClueStatus,
  HANDOVER_EVENTS,
  HANDOVER_STATUSES,
  type HandoverEvent,
  type HandoverStatus,
} from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { nextClueStatus } from '../clue/clue.status.ts';
import { clueEventOf, nextHandoverStatus, OPEN_HANDOVER_STATUSES } from './handover.status.ts';

const expected: Record<HandoverStatus, Partial<Record<HandoverEvent, HandoverStatus>>> = {
  sent: { accept: 'accepted', decline: 'declined' },
  accepted: { progress: 'handling', conclude: 'concluded' },
  handling: { progress: 'handling', conclude: 'concluded' },
  concluded: { close: 'closed', request_more: 'handling' },
  closed: {},
  declined: {},
};

/** The clue's status while its handover is in each status (declined: back with the team). */
const clueWhile: Record<HandoverStatus, ClueStatus> = {
  sent: 'handed_over',
  accepted: 'accepted',
  handling: 'handling',
  concluded: 'concluded',
  closed: 'concluded',
  declined: 'preliminary',
};

describe('handover transitions', () => {
  for (const from of HANDOVER_STATUSES)
    for (const event of HANDOVER_EVENTS)
      it(`${from} --${event}--> ${expected[from][event] ?? '(refused)'}`, () => {
        expect(nextHandoverStatus(from, event)).toBe(expected[from][event]);
      });

  it('reaches closed only from concluded (件件有着落)', () => {
    const into = HANDOVER_STATUSES.filter((from) =>
      HANDOVER_EVENTS.some((e) => nextHandoverStatus(from, e) === 'closed'),
    );
    expect(into).toEqual(['concluded']);
  });

  it('counts sent, accepted and handling as open', () => {
    expect([...OPEN_HANDOVER_STATUSES].sort()).toEqual(['accepted', 'handling', 'sent']);
  });
});

describe('the clue follows its handover', () => {
  for (const from of HANDOVER_STATUSES)
    for (const event of HANDOVER_EVENTS) {
      const to = nextHandoverStatus(from, event);
      if (!to) continue;
      it(`${from} --${event}--> ${to}: clue ${clueWhile[from]} → ${clueWhile[to]}`, () => {
        const clueEvent = clueEventOf(event, from);
        const clueTo = clueEvent ? nextClueStatus(clueWhile[from], clueEvent) : clueWhile[from];
        expect(clueTo).toBe(clueWhile[to]);
      });
    }

  it('sends only clue events the clue table knows', () => {
    for (const from of HANDOVER_STATUSES)
      for (const event of HANDOVER_EVENTS) {
        const clueEvent = clueEventOf(event, from);
        if (clueEvent) expect(CLUE_STATUSES.some((s) => nextClueStatus(s, clueEvent) !== undefined)).toBe(true);
      }
  });
});
