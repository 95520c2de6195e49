// Extra people for tests that need a role the demo world lacks (e.g. a liaison of 区教育局).
import type { RoleCode, ScopeKind } from '@xuncha/contracts';
import { hashPassword } from '../platform/auth/password.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import type { Harness } from './harness.ts';

export interface ExtraUser {
  username: string;
  displayName: string;
  unitId: string | null;
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeId: string | null;
}

/** Inserts a user of the demo committee with the demo password and one grant; returns the user id. */
export async function addUser(h: Harness, user: ExtraUser): Promise<string> {
  const created = await h.database.db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: await hashPassword(DEMO_PASSWORD),
      committee_id: h.demo.committeeId,
      unit_id: user.unitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.database.db
    .insertInto('user_role')
    .values({ user_id: created.id, role_code: user.role, scope_kind: user.scopeKind, scope_id: user.scopeId })
    .execute();
  return created.id;
}
