// 三员分立 (DOMAIN.md §1, issue 8 §1). Two halves:
//  - the grant rule: a 三员 account (系统管理员 / 安全管理员 / 安全审计员) holds that one role only —
//    not a second of the three, not a business role. Checked here on every grant for a clear message;
//    the database trigger of 0014 refuses it on any other path;
//  - confinement: a 三员 account reaches only the routes whose permission its role carries, plus its own
//    account. Routes open to every logged-in user (`authenticated`) decide in SQL what each user may see,
//    and would answer a 三员 with an empty list; they answer 403 instead, so the separation is explicit.
import { isThreeAdminRole, type RoleCode, roleLabel } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';

/** Why `adding` may not join the roles the account holds, or null when it may. */
export function separationConflict(held: readonly string[], adding: RoleCode): string | null {
  const other = held.find((role) => role !== adding && (isThreeAdminRole(role) || isThreeAdminRole(adding)));
  if (!other) return null;
  const label = (role: string) => roleLabel[role as RoleCode] ?? role;
  return isThreeAdminRole(adding) && isThreeAdminRole(other)
    ? `三员分立：该账号已是${label(other)}，不能再担任${label(adding)}`
    : `三员分立：三员账号不能同时持有业务角色（已有“${label(other)}”，拟授予“${label(adding)}”）`;
}

/** The routes every account has for itself: session, password, 2FA, login history, its own mailbox. */
const OWN_ACCOUNT = [/^\/api\/auth\//, /^\/api\/account(\/|$)/, /^\/api\/me\//, /^\/api\/notifications(\/|$)/];
/** `authenticated` routes that belong to a 三员 role's remit (the working calendar is configuration). */
const REMIT: Partial<Record<RoleCode, RegExp[]>> = { sysadmin: [/^\/api\/calendar(\/|$)/] };

export function isThreeAdmin(user: SessionUser): boolean {
  return user.grants.some((g) => isThreeAdminRole(g.role));
}

/** May this 三员 account call an `authenticated` (not permission-declared) route? */
export function threeAdminMayUse(user: SessionUser, routeUrl: string): boolean {
  const patterns = [...OWN_ACCOUNT, ...user.grants.flatMap((g) => REMIT[g.role] ?? [])];
  return patterns.some((re) => re.test(routeUrl));
}

/** Registers the confinement: after authentication, before validation (a refused call learns nothing from a 400). */
export function confineThreeAdmins(app: App): void {
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    if (!req.user || !config.authenticated || !req.routeOptions.url) return;
    if (isThreeAdmin(req.user) && !threeAdminMayUse(req.user, req.routeOptions.url)) {
      throw forbidden('三员分立：系统管理员、安全管理员、安全审计员不能访问业务数据');
    }
  });
}
