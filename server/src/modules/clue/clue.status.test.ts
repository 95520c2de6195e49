import { CLUE_EVENTS, CLUE_STATUSES, INSPECTION_PHASES } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { acceptsClues } from './clue.policy.ts';
import { CLUE_STATUSES_HANDED_OVER, nextClueStatus, TEAM_CLUE_EVENTS } from './clue.status.ts';

// The expected table, written out independently of the implementation.
const allowed: Record<string, string> = {
  'registered/verify': 'preliminary',
  'registered/shelve': 'shelved',
  'registered/hand_over': 'handed_over',
  'preliminary/shelve': 'shelved',
  'preliminary/hand_over': 'handed_over',
  'shelved/reopen': 'preliminary',
  'handed_over/accept': 'accepted',
  'handed_over/decline': 'preliminary',
  'accepted/handle': 'handling',
  'accepted/conclude': 'concluded',
  'handling/conclude': 'concluded',
  'concluded/handle': 'handling',
};

describe('clue state machine', () => {
  for (const from of CLUE_STATUSES) {
    for (const event of CLUE_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextClueStatus(from, event)).toBe(expected);
      });
    }
  }

  it('lets the team send only its own steps; the rest belong to the handover', () => {
    expect([...TEAM_CLUE_EVENTS].sort()).toEqual(['reopen', 'shelve', 'verify']);
  });

  it('counts as handed over every status a handover can reach', () => {
    const reachedByHandover = new Set(
      Object.entries(allowed)
        .filter(([pair]) => !TEAM_CLUE_EVENTS.has(pair.split('/')[1] as never) && !pair.endsWith('/decline'))
        .map(([, to]) => to),
    );
    expect([...CLUE_STATUSES_HANDED_OVER].sort()).toEqual([...reachedByHandover].sort());
  });

  it('registers clues while the team is on site and writing its report', () => {
    expect(INSPECTION_PHASES.filter(acceptsClues)).toEqual(['stationed', 'investigating', 'reporting']);
  });
});
