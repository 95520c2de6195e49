import { INSPECTION_EVENTS, INSPECTION_PHASES, type InspectionEvent, type InspectionPhase } from '@xuncha/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsFindings, nextPhase } from './inspection.status.ts';

// The expected table, written out independently of the implementation:
// 准备 → 进驻 → 了解 → 报告 → 反馈 → 整改 → 评估 → 归档.
const allowed: Record<string, InspectionPhase> = {
  'preparing/station': 'stationed',
  'stationed/investigate': 'investigating',
  'investigating/report': 'reporting',
  'reporting/feedback': 'feedback',
  'feedback/rectify': 'rectifying',
  'rectifying/evaluate': 'evaluating',
  'evaluating/archive': 'archived',
};
const findingPhases: InspectionPhase[] = ['stationed', 'investigating', 'reporting'];

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

  it('any event sequence only moves forward, one phase at a time', () => {
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

  it('reaches 归档 by the events in order, and nothing moves an archived inspection', () => {
    let phase: InspectionPhase = 'preparing';
    for (const event of INSPECTION_EVENTS) phase = nextPhase(phase, event) ?? phase;
    expect(phase).toBe('archived');
    expect(INSPECTION_EVENTS.map((e) => nextPhase('archived', e))).toEqual(INSPECTION_EVENTS.map(() => undefined));
  });
});
