// The expected answer of every (route, role, scope) cell, derived from the route's declaration and the
// role's permissions rather than typed per route. Classes:
//   401 / 403 / 404   exactly that status
//   ok                2xx, or 400/409/422 (a query or state the matrix does not set up) — never 401/403/404
//   ok|404            as ok, or 404: the role's scope is narrower than the committee (a unit, an
//                     inspection, its own tasks) and the demo record may lie outside it
//   refused-body      a state-changing call with a body the route refuses (400/415): nothing runs
//   refused           403, or 415 when the refusal comes after body parsing
import { isThreeAdminRole, type Permission, type RoleCode } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { threeAdminMayUse } from '../../modules/user-admin/separation.ts';
import type { RouteDeclaration } from '../../platform/http/app.ts';

export type Expected = '401' | '403' | '403|404' | '404' | 'ok' | 'ok|404' | 'refused-body' | 'refused';

export interface Actor {
  username: string;
  role: RoleCode;
  /** the role's grant covers the whole demo committee */
  committeeWide: boolean;
  permissions: ReadonlySet<Permission>;
}

export const isRead = (method: string) => method === 'GET';

const has = (a: Actor, ...permissions: Permission[]) => permissions.some((p) => a.permissions.has(p));
const byCommittee = (a: Actor, yes: Expected, no: Expected): Expected => (a.committeeWide ? yes : no);

/**
 * Reads whose service narrows the declaration further (or, for `authenticated` routes, decides alone):
 * what a caller who passed the declaration gets for the in-scope demo record. Keep this short.
 */
const SERVICE_RULES: { url: RegExp; expect: (a: Actor) => Expected; beforeLookup?: true }[] = [
  // a diff names two versions (from=1&to=2) that the demo's draft may not have yet
  { url: /\/diff$/, expect: () => 'ok|404' },
  // clue content is need-to-know: a caller who may count clues but holds no grant learns it exists (403)
  {
    url: /^\/api\/clues\/:id(\/history)?$/,
    expect: (a) => (has(a, 'clue.read') ? 'ok|404' : has(a, 'clue.count') ? byCommittee(a, '403', '403|404') : '404'),
  },
  // handover pages are for senders and receiving organs only (handover.access: requireHandoverAccess)
  {
    url: /^\/api\/handovers(\/summary|\/:id)?$/,
    expect: (a) =>
      has(a, 'handover.read', 'handover.receive_clue', 'handover.receive_cadre', 'handover.receive_other')
        ? 'ok|404'
        : '403',
    beforeLookup: true,
  },
  // an inspection's decisions are for those who act on them (meeting.service: listInspectionDecisions)
  {
    url: /^\/api\/inspections\/:id\/decisions$/,
    expect: (a) =>
      has(a, 'meeting.read', 'report.read', 'feedback.issue', 'handover.create')
        ? byCommittee(a, 'ok', 'ok|404')
        : '403',
  },
  // 举报 are for the team leader and designated readers (public-report.service: readerWhere); a single
  // 举报 a caller may not read does not exist for them
  { url: /^\/api\/public-reports\/:id/, expect: (a) => (has(a, 'public_report.read') ? 'ok|404' : '404') },
  {
    url: /^\/api\/inspections\/:id\/public-reports$/,
    expect: (a) => (has(a, 'public_report.read') ? 'ok|404' : byCommittee(a, '403', '403|404')),
  },
];

function asSessionUser(a: Actor): SessionUser {
  return {
    id: a.username,
    username: a.username,
    displayName: a.username,
    committeeId: null,
    unitId: null,
    grants: [
      {
        role: a.role,
        scopeKind: 'committee',
        scopeId: null,
        scopeName: null,
        unitPath: null,
        permissions: a.permissions,
      },
    ],
  };
}

/** May this actor pass the route's declaration (the hooks before any service code)? */
function passesDeclaration(route: RouteDeclaration, actor: Actor): boolean {
  if (route.access === 'public') return true;
  if (route.access === 'authenticated')
    return !isThreeAdminRole(actor.role) || threeAdminMayUse(asSessionUser(actor), route.url);
  return actor.permissions.has(route.access);
}

/**
 * The expected class. `hasParams`: the route names a record; `side`: which record; `inScopeExists`:
 * the demo world has a record of that kind.
 */
export function expected(
  route: RouteDeclaration,
  actor: Actor | null,
  side: 'in' | 'out',
  hasParams: boolean,
  inScopeExists: boolean,
): Expected {
  // public data (the publication page, the reporting form) has no scope: every side answers alike
  if (route.access === 'public') return isRead(route.method) ? 'ok' : 'refused-body';
  if (!actor) return '401';
  if (!passesDeclaration(route, actor)) {
    // a 三员 is confined after the body is parsed (separation.ts: preValidation), so an unparseable body
    // is refused first; either way nothing runs
    return route.access === 'authenticated' && !isRead(route.method) ? 'refused' : '403';
  }
  if (!isRead(route.method)) return 'refused-body';
  const rule = SERVICE_RULES.find((r) => r.url.test(route.url));
  const inScope = rule ? rule.expect(actor) : byCommittee(actor, 'ok', 'ok|404');
  // the record is looked up in the caller's scope before any finer check: out of scope is 404 for all,
  // unless the service refuses the caller before the lookup
  if (hasParams && (side === 'out' || !inScopeExists)) return rule?.beforeLookup && inScope === '403' ? '403' : '404';
  return inScope;
}

export function matches(expectedClass: Expected, status: number): boolean {
  if (status >= 500) return false;
  const ok = (status >= 200 && status < 300) || [400, 409, 422].includes(status);
  switch (expectedClass) {
    case 'ok':
      return ok;
    case 'ok|404':
      return ok || status === 404;
    case 'refused-body':
      return status === 400 || status === 415;
    case 'refused':
      return status === 403 || status === 415;
    case '403|404':
      return status === 403 || status === 404;
    default:
      return String(status) === expectedClass;
  }
}
