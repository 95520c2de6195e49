// What a user may do with a unit now: unit.update in a grant that covers it × the state table. Pure.
import type { UnitAbilities } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextUnitState, type UnitChange, unitState } from './unit.status.ts';

export interface UnitScope {
  committeeId: string;
  path: string;
  active: boolean;
  mergedIntoId: string | null;
}

export function unitRecord(unit: UnitScope): ScopedRecord {
  return { committeeId: unit.committeeId, unitPath: unit.path, inspectionId: null, ownerUserId: null };
}

export function canChangeUnit(user: SessionUser, unit: UnitScope, change: UnitChange): boolean {
  return nextUnitState(unitState(unit), change) !== undefined && can(user, 'unit.update', unitRecord(unit));
}

export function unitAbilities(user: SessionUser, unit: UnitScope): UnitAbilities {
  return {
    update: canChangeUnit(user, unit, 'update'),
    rename: canChangeUnit(user, unit, 'rename'),
    move: canChangeUnit(user, unit, 'move'),
    merge: canChangeUnit(user, unit, 'merge'),
    deactivate: canChangeUnit(user, unit, 'deactivate'),
    reactivate: canChangeUnit(user, unit, 'reactivate'),
  };
}
