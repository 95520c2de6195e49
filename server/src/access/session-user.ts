// The authenticated user as every use case sees it: who they are and their grants (role × scope),
// each with the permissions its role carries.
import type { Permission, RoleCode, ScopeKind } from '@xuncha/contracts';

export interface UserGrant {
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeId: string | null;
  scopeName: string | null;
  /** For unit grants: the unit's materialised path, so a subtree check is a prefix test. */
  unitPath: string | null;
  permissions: ReadonlySet<Permission>;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  committeeId: string | null;
  unitId: string | null;
  grants: UserGrant[];
}

/** True when some grant of the user carries the permission, in whatever scope. */
export function holdsPermission(user: SessionUser, permission: Permission): boolean {
  return user.grants.some((g) => g.permissions.has(permission));
}

export function allPermissions(user: SessionUser): Permission[] {
  const all = new Set<Permission>();
  for (const grant of user.grants) for (const p of grant.permissions) all.add(p);
  return [...all].sort();
}
