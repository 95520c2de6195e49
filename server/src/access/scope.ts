// Scoping, in SQL and in memory, from the same grants. Every repository list/get applies
// `scopeWhere(user, '<resource>.read', columns)`, so a forgotten check cannot leak rows; policies
// use `covers` on a loaded record. Out of scope → the row is simply not there → 404.
import type { Permission } from '@xuncha/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { SessionUser, UserGrant } from './session-user.ts';

/** Where a record sits: enough to decide whether a grant covers it. */
export interface ScopedRecord {
  committeeId: string;
  unitPath: string | null;
  inspectionId: string | null;
  ownerUserId: string | null;
  /** Records a unit may only see at some stage (e.g. findings after feedback). */
  visibleToUnit?: boolean;
}

/** A record that belongs to a committee as a whole (creating units, rounds, inspections in it). */
export function committeeRecord(committeeId: string): ScopedRecord {
  return { committeeId, unitPath: null, inspectionId: null, ownerUserId: null };
}

/** Column names (qualified) of a table's scope attributes; a missing column means that scope kind never matches. */
export interface ScopeColumns {
  committeeId: string;
  unitId?: string;
  inspectionId?: string;
  ownerUserId?: string;
  /** Extra condition that unit-scoped grants must also meet. */
  unitCondition?: RawBuilder<unknown>;
}

export function covers(user: SessionUser, grant: UserGrant, record: ScopedRecord): boolean {
  switch (grant.scopeKind) {
    case 'committee':
      return record.committeeId === grant.scopeId;
    case 'unit':
      if (record.visibleToUnit === false || grant.unitPath === null || record.unitPath === null) return false;
      return record.unitPath.startsWith(grant.unitPath);
    case 'inspection':
      return record.inspectionId !== null && record.inspectionId === grant.scopeId;
    case 'self':
      return record.ownerUserId === user.id;
  }
}

/** Does the user hold `permission` in a grant that covers this record? */
export function can(user: SessionUser, permission: Permission, record: ScopedRecord): boolean {
  return user.grants.some((g) => g.permissions.has(permission) && covers(user, g, record));
}

function grantCondition(user: SessionUser, grant: UserGrant, columns: ScopeColumns): RawBuilder<unknown> | null {
  switch (grant.scopeKind) {
    case 'committee':
      return sql`${sql.ref(columns.committeeId)} = ${grant.scopeId}`;
    case 'unit': {
      if (!columns.unitId || grant.unitPath === null) return null;
      const inSubtree = sql`${sql.ref(columns.unitId)} IN (SELECT id FROM org_unit WHERE path LIKE ${`${grant.unitPath}%`})`;
      return columns.unitCondition ? sql`(${inSubtree} AND ${columns.unitCondition})` : inSubtree;
    }
    case 'inspection':
      return columns.inspectionId ? sql`${sql.ref(columns.inspectionId)} = ${grant.scopeId}` : null;
    case 'self':
      return columns.ownerUserId ? sql`${sql.ref(columns.ownerUserId)} = ${user.id}` : null;
  }
}

/** SQL condition: the rows this user may see with `permission`. No grant → `false`. */
export function scopeWhere(user: SessionUser, permission: Permission, columns: ScopeColumns): Expression<SqlBool> {
  const parts = user.grants
    .filter((g) => g.permissions.has(permission))
    .map((g) => grantCondition(user, g, columns))
    .filter((c): c is RawBuilder<unknown> => c !== null);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}
