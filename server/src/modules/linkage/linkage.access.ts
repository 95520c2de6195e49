// Who looks from where. Linkage figures are committee-level: the grant must cover the committee as a whole (as
// for analytics). A committee the caller holds no such grant on, or one that is not below it, is 404 — the
// caller cannot tell a committee it may not see from one that does not exist.
import type { Permission } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { committeesWith } from '../analytics/analytics.filter.ts';
import { isBelowAny } from './committees.repository.ts';

/** The committee the caller acts for with `permission`: the one asked for, or its first. */
export function ownCommittee(user: SessionUser, permission: Permission, committeeId?: string): string {
  const id = committeeId ?? committeesWith(user, permission)[0];
  if (!id || !can(user, permission, committeeRecord(id))) throw notFound('党委不存在');
  return id;
}

/** A committee strictly below one where the caller holds `permission`; 404 otherwise. */
export async function lowerCommittee(db: Db, user: SessionUser, permission: Permission, lowerId: string) {
  if (!(await isBelowAny(db, committeesWith(user, permission), lowerId))) throw notFound('下级党委不存在');
  return lowerId;
}
