// 三员分立 end to end: the 系统管理员 reads no case content, the 安全审计员 reaches nothing but the audit log
// and their own account, and the database itself refuses a second 三员 role or a business role.
import type { RoleCode } from '@xuncha/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { separationConflict } from './separation.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const OWN_ACCOUNT_GETS = ['/api/auth/me', '/api/notifications/unread-count', '/api/me/team-memberships'];

/** Every declared route with its path parameters filled by a random id. */
function everyRoute() {
  return h.app.routeTable
    .filter((r) => r.method !== 'HEAD')
    .map((r) => ({ ...r, path: r.url.replace(/:[A-Za-z]+/g, () => crypto.randomUUID()) }));
}

describe('the grant rule', () => {
  it.each([
    [['sysadmin'], 'auditor', '三员分立：该账号已是系统管理员，不能再担任安全审计员'],
    [['office'], 'secadmin', '三员分立：三员账号不能同时持有业务角色（已有“巡察办”，拟授予“安全管理员”）'],
    [['auditor'], 'leader', '三员分立：三员账号不能同时持有业务角色（已有“安全审计员”，拟授予“巡察工作领导小组”）'],
  ] as [string[], RoleCode, string][])('%j + %s is refused', (held, adding, message) => {
    expect(separationConflict(held, adding)).toBe(message);
  });

  it.each([
    [[], 'auditor'],
    [['sysadmin'], 'sysadmin'],
    [['office', 'team_leader'], 'leader'],
  ] as [string[], RoleCode][])('%j + %s is allowed', (held, adding) => {
    expect(separationConflict(held, adding)).toBeNull();
  });

  it('is enforced by the database whatever path writes the grant', async () => {
    const grant = (userId: string | undefined, role: string) =>
      h.database.db
        .insertInto('user_role')
        .values({ user_id: userId as string, role_code: role, scope_kind: 'committee', scope_id: h.demo.committeeId })
        .execute();
    await expect(grant(h.demo.users.sysadmin, 'auditor')).rejects.toThrow(/三员分立/);
    await expect(grant(h.demo.users.auditor, 'office')).rejects.toThrow(/三员分立/);
    await expect(grant(h.demo.users.office, 'secadmin')).rejects.toThrow(/三员分立/);
    const held = await h.database.db
      .selectFrom('user_role')
      .select('role_code')
      .where('user_id', 'in', [h.demo.users.sysadmin, h.demo.users.auditor] as string[])
      .execute();
    expect(held.map((r) => r.role_code).sort()).toEqual(['auditor', 'sysadmin']);
  });
});

describe('the 系统管理员', () => {
  it('gets 403 on every read of case content', async () => {
    const admin = await h.as('sysadmin');
    const inspection = h.demo.jiaoyuInspectionId;
    for (const url of [
      '/api/clues',
      `/api/clues/${h.demo.clues.registered}`,
      `/api/inspections/${inspection}/clues`,
      '/api/findings',
      `/api/findings/${h.demo.findings.f1}`,
      `/api/inspections/${inspection}/fieldwork`,
      `/api/fieldwork/${h.demo.fieldwork.interviewHead}`,
      '/api/tasks',
      `/api/tasks/${Object.values(h.demo.tasks)[0]}`,
      `/api/inspections/${inspection}/report`,
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(403);
    }
  });

  it('keeps the org tree, the working calendar and the user list', async () => {
    const admin = await h.as('sysadmin');
    for (const url of ['/api/committees', '/api/calendar?year=2026', '/api/admin/users'])
      expect((await admin.get(url)).statusCode, url).toBe(200);
  });
});

describe('the 安全审计员', () => {
  it('gets 403 on every route but the audit log, public ones and their own account', async () => {
    const auditor = await h.as('auditor');
    const allowed = (r: { url: string; access: string }) =>
      r.access === 'public' || r.access === 'audit.read' || /^\/api\/(auth|account|me|notifications)(\/|$)/.test(r.url);
    const refused = everyRoute().filter((r) => !allowed(r));
    expect(refused.length).toBeGreaterThan(100);
    for (const route of refused) {
      const res = await auditor.request({ method: route.method as 'GET', url: route.path });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('reads the audit log and their own account', async () => {
    const auditor = await h.as('auditor');
    for (const url of ['/api/audit-log', ...OWN_ACCOUNT_GETS])
      expect((await auditor.get(url)).statusCode, url).toBe(200);
  });
});
