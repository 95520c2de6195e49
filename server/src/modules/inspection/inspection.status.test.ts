import { INSPECTION_EVENTS, INSPECTION_PHASES, type InspectionEvent, type InspectionPhase } from '@xuncha/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsFindings, nextPhase } from './inspection.status.ts';

// The expected table, written out independently of the implementation: 准备 → 进驻 → 报告 → (反馈) → 整改.
const allowed: Record<string, InspectionPhase> = {
  'preparing/station': 'stationed',
  'stationed/report': 'reporting',
  'reporting/feedback': 'rectifying',
};
const findingPhases: InspectionPhase[] = ['stationed', 'reporting'];

describe('inspection phase machine', () => {
  for (const from of INSPECTION_PHASES) {
    for (const event of INSPECTION_EVENTS) {
      const expected = allowed[`${from}/${event}`];
      it(`${from} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(nextPhase(from, event)).toBe(expected);
      });
    }
    it(`${from} ${findingPhases.includes(from) ? 'accepts' : 'refuses'} new findings`, () => {
      expect(acceptsFindings(from)).toBe(findingPhases.includes(from));
    });
  }

  it('any event sequence only moves forward, one phase at a time, and ends in rectifying at most', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INSPECTION_EVENTS), { maxLength: 20 }), (events: InspectionEvent[]) => {
        let phase: InspectionPhase = 'preparing';
        for (const event of events) {
          const to = nextPhase(phase, event);
          if (!to) continue;
          expect(INSPECTION_PHASES.indexOf(to)).toBe(INSPECTION_PHASES.indexOf(phase) + 1);
          phase = to;
        }
        expect(INSPECTION_PHASES).toContain(phase);
      }),
    );
  });
});
