// The policy over every inspection phase: the team registers while on site and writing the report, the
// unit submits its self-check only while the team is on site; nobody else registers anything.
import { INSPECTION_PHASES, type Permission } from '@xuncha/contracts';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../access/session-user.ts';
import { creatableKinds, decideChange, decideCreate, type FieldworkPlace } from './fieldwork.policy.ts';

const INSPECTION = 'i-1';
function user(id: string, scopeKind: 'inspection' | 'unit' | 'committee', permissions: Permission[]): SessionUser {
  return {
    id,
    username: id,
    displayName: id,
    committeeId: 'c-1',
    unitId: null,
    grants: [
      {
        role: 'team_member',
        scopeKind,
        scopeId: scopeKind === 'inspection' ? INSPECTION : scopeKind === 'unit' ? 'u-1' : 'c-1',
        scopeName: null,
        unitPath: scopeKind === 'unit' ? '/u-1/' : null,
        permissions: new Set(permissions),
      },
    ],
  };
}
const member = user('member', 'inspection', ['fieldwork.read', 'fieldwork.create', 'fieldwork.read_sensitive']);
const teamLeader = user('leader', 'inspection', ['fieldwork.create', 'fieldwork.read_sensitive', 'report.write']);
const unit = user('unit', 'unit', ['fieldwork.read', 'fieldwork.self_check']);
const office = user('office', 'committee', ['fieldwork.read']);

const TEAM_PHASES = ['stationed', 'investigating', 'reporting'];
const UNIT_PHASES = ['stationed', 'investigating'];

describe('fieldwork policy over every phase', () => {
  for (const phase of INSPECTION_PHASES) {
    const place = { committeeId: 'c-1', unitPath: '/u-1/', inspectionId: INSPECTION, ownerUserId: null, phase };
    it(`${phase}`, () => {
      expect(decideCreate(member, place, 'interview').ok).toBe(TEAM_PHASES.includes(phase));
      expect(decideCreate(unit, place, 'self_check').ok).toBe(UNIT_PHASES.includes(phase));
      expect(decideCreate(unit, place, 'interview')).toMatchObject({ ok: false, status: 403 });
      expect(decideCreate(office, place, 'meeting')).toMatchObject({ ok: false, status: 403 });
      expect(creatableKinds(member, place)).toHaveLength(TEAM_PHASES.includes(phase) ? 7 : 0);
      expect(creatableKinds(unit, place)).toEqual(UNIT_PHASES.includes(phase) ? ['self_check'] : []);
      const record: FieldworkPlace = { ...place, kind: 'interview', sensitive: true, createdBy: 'someone' };
      const teamMayChange = TEAM_PHASES.includes(phase);
      expect(decideChange(teamLeader, record).ok).toBe(teamMayChange);
      expect(decideChange({ ...member, id: 'someone' }, record).ok).toBe(teamMayChange);
      expect(decideChange(member, record)).toMatchObject({ ok: false, status: 403 });
      const selfCheck: FieldworkPlace = { ...record, kind: 'self_check', sensitive: false, createdBy: 'unit' };
      expect(decideChange(unit, selfCheck).ok).toBe(UNIT_PHASES.includes(phase));
    });
  }
});
