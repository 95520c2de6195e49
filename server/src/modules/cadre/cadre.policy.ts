// Who may change a cadre's file or appraise them: the committee's grants. Pure.
import type { Cadre } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';

export function mayManage(user: SessionUser, committeeId: string): boolean {
  return can(user, 'cadre.manage', committeeRecord(committeeId));
}

export function mayAppraise(user: SessionUser, committeeId: string): boolean {
  return can(user, 'cadre.appraise', committeeRecord(committeeId));
}

export function cadreAbilities(user: SessionUser, committeeId: string): Cadre['abilities'] {
  return { manage: mayManage(user, committeeId), appraise: mayAppraise(user, committeeId) };
}
