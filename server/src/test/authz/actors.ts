// Who the generated tests call as: one demo user per role (taken from the database, so a role added
// by a migration and given to a demo user is covered), and the body a state-changing call carries.
import type { Permission, RoleCode } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { RouteDeclaration } from '../../platform/http/app.ts';
import type { Harness } from '../harness.ts';
import { addUser } from '../users.ts';
import type { Actor } from './matrix.ts';
import { jsonBodySchema, type OpenApiDoc, operationOf } from './openapi.ts';

export async function demoActors(h: Harness): Promise<Actor[]> {
  const rows = await sql<{ username: string; role: RoleCode; scope_kind: string }>`
    select u.username, ur.role_code as role, ur.scope_kind from app_user u join user_role ur on ur.user_id = u.id
    where (u.committee_id is distinct from ${h.outsider.committeeId}) and u.active order by ur.role_code, u.username`.execute(
    h.database.db,
  );
  const actors: Actor[] = [];
  // a role no demo user holds (e.g. 函询答复单位, seeded only in the full demo) gets a user of 区住建局
  const missing = await sql<{ role: RoleCode }>`
    select code as role from role where code not in (select role_code from user_role) order by code`.execute(
    h.database.db,
  );
  const unitId = h.demo.units.zhujian ?? null;
  for (const { role } of missing.rows) {
    const username = `matrix_${role}`;
    await addUser(h, { username, displayName: username, unitId, role, scopeKind: 'unit', scopeId: unitId });
    rows.rows.push({ username, role, scope_kind: 'unit' });
  }
  for (const row of rows.rows) {
    if (actors.some((a) => a.role === row.role || a.username === row.username)) continue;
    const me = (await (await h.as(row.username)).get('/api/auth/me')).json() as { permissions: Permission[] };
    actors.push({
      username: row.username,
      role: row.role,
      committeeWide: row.scope_kind === 'committee',
      permissions: new Set(me.permissions),
    });
  }
  return actors;
}

/**
 * A body the route refuses before its handler runs: a JSON array where the schema wants an object
 * (400), or — for routes without a JSON body schema, whose handler would otherwise run — a content
 * type no route accepts (415).
 */
export function stateChangingBody(doc: OpenApiDoc, route: RouteDeclaration) {
  return jsonBodySchema(operationOf(doc, route.method, route.url))
    ? { headers: { 'content-type': 'application/json' }, payload: '[]' }
    : { headers: { 'content-type': 'application/xml' }, payload: '<refused/>' };
}

/** Ids for required query parameters, by parameter name (the demo committee's records). */
export function queryIds(h: Harness, termPlanId: string | null, cadreId: string | null): Record<string, string> {
  return {
    committeeId: h.demo.committeeId,
    inspectionId: h.demo.zhujianInspectionId,
    unitId: h.demo.units.zhujian ?? '',
    termPlanId: termPlanId ?? '',
    cadreId: cadreId ?? '',
  };
}
