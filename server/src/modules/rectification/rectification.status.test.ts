import { RECTIFICATION_EVENTS, RECTIFICATION_STATUSES } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import { isOpenCase, nextRectificationStatus } from './rectification.status.ts';

const allowed: Record<string, string> = { 'rectifying:sign_off': 'signed_off' };

describe('rectification transitions', () => {
  for (const from of RECTIFICATION_STATUSES) {
    for (const event of RECTIFICATION_EVENTS) {
      const to = allowed[`${from}:${event}`];
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        expect(nextRectificationStatus(from, event)).toBe(to);
      });
    }
  }

  it('only a rectifying case takes reports and evaluations', () => {
    expect(RECTIFICATION_STATUSES.filter(isOpenCase)).toEqual(['rectifying']);
  });
});
