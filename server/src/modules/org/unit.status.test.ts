// Every (state, change) pair of the unit life: the allowed ones move, every other one is refused.
import { describe, expect, it } from 'vitest';
import { nextUnitState, UNIT_CHANGES, UNIT_STATES, unitState } from './unit.status.ts';

const allowed: Record<string, string> = {
  'active/update': 'active',
  'active/rename': 'active',
  'active/move': 'active',
  'active/merge': 'merged',
  'active/deactivate': 'inactive',
  'inactive/reactivate': 'active',
};

describe('unit transitions', () => {
  for (const state of UNIT_STATES) {
    for (const change of UNIT_CHANGES) {
      const key = `${state}/${change}`;
      it(`${key} → ${allowed[key] ?? 'refused'}`, () => {
        expect(nextUnitState(state, change)).toBe(allowed[key]);
      });
    }
  }

  it('derives the state from the row', () => {
    expect(unitState({ active: true, mergedIntoId: null })).toBe('active');
    expect(unitState({ active: false, mergedIntoId: null })).toBe('inactive');
    expect(unitState({ active: false, mergedIntoId: 'x' })).toBe('merged');
  });
});
