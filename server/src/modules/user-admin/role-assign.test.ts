// 角色授权 through the API: the 安全管理员 grants and revokes role × scope, never their own, never against
// 三员分立; every change is audited with the roles before and after.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const grants = (userId: string | undefined) => `/api/admin/users/${userId}/grants`;
const onCommittee = (role: string, extra: object = {}) => ({
  role,
  scopeKind: 'committee',
  scopeId: h.demo.committeeId,
  ...extra,
});

async function grantCount() {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM user_role`.execute(h.database.db);
  return row.rows[0]?.n;
}

describe('granting', () => {
  it('grants a role on a scope, audited with the roles before and after', async () => {
    const secadmin = await h.as('secadmin');
    const res = await secadmin.post(grants(h.demo.users.zerenren), onCommittee('discipline'));
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .grants.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['discipline', 'task_owner']);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after', 'actor_name'])
      .where('action', '=', 'user_role.grant')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ userId: h.demo.users.zerenren, roles: ['task_owner'] });
    expect(audit.after).toMatchObject({ roles: ['discipline', 'task_owner'] });
    // the new grant takes effect at the next request
    const me = (await (await h.login('zerenren')).get('/api/auth/me')).json();
    expect(me.grants.map((g: { role: string }) => g.role)).toContain('discipline');
  });

  it.each([
    ['sysadmin', 'auditor', '三员分立：该账号已是系统管理员，不能再担任安全审计员'],
    ['auditor', 'office', '三员分立：三员账号不能同时持有业务角色（已有“安全审计员”，拟授予“巡察办”）'],
    ['banshi', 'sysadmin', '三员分立：三员账号不能同时持有业务角色（已有“巡察办”，拟授予“系统管理员”）'],
  ])('refuses %s + %s with 409 (三员分立) and writes nothing', async (username, role, message) => {
    const before = await grantCount();
    const res = await (await h.as('secadmin')).post(grants(h.demo.users[username]), onCommittee(role));
    expect([res.statusCode, res.json().message]).toEqual([409, message]);
    expect(await grantCount()).toBe(before);
  });

  it('is 409 for a grant held already or a deactivated account', async () => {
    const secadmin = await h.as('secadmin');
    expect((await secadmin.post(grants(h.demo.users.banshi), onCommittee('office'))).statusCode).toBe(409);
    await h.database.db.updateTable('app_user').set({ active: false }).where('username', '=', 'zerenren2').execute();
    expect((await secadmin.post(grants(h.demo.users.zerenren2), onCommittee('leader'))).statusCode).toBe(409);
    await h.database.db.updateTable('app_user').set({ active: true }).where('username', '=', 'zerenren2').execute();
  });

  it.each([
    [{ scopeKind: 'inspection' }, 'scopeKind'],
    [{ scopeId: null }, 'scopeId'],
    [{ scopeId: 'OUTSIDER' }, 'scopeId'],
    [{ role: 'emperor' }, 'role'],
  ])('refuses the scope %j with 400 and writes nothing', async (extra, path) => {
    const body = onCommittee('leader', extra);
    if (body.scopeId === 'OUTSIDER') body.scopeId = h.outsider.committeeId;
    const before = await grantCount();
    const res = await (await h.as('secadmin')).post(grants(h.demo.users.zerenren2), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await grantCount()).toBe(before);
  });

  it('is 403 for one’s own roles and without role.assign, 404 for another committee’s account, 401 anonymous', async () => {
    const secadmin = await h.as('secadmin');
    const own = await secadmin.post(grants(h.demo.users.secadmin), onCommittee('secadmin'));
    expect([own.statusCode, own.json().message]).toEqual([403, '安全管理员不能修改自己的角色']);
    expect((await (await h.as('sysadmin')).post(grants(h.demo.users.banshi), onCommittee('leader'))).statusCode).toBe(
      403,
    );
    expect((await secadmin.post(grants(h.outsider.ownerId), onCommittee('leader'))).statusCode).toBe(404);
    expect((await h.anonymous.post(grants(h.demo.users.banshi), onCommittee('leader'))).statusCode).toBe(401);
  });
});

describe('revoking', () => {
  it('revokes a grant once; then it is 404', async () => {
    const secadmin = await h.as('secadmin');
    const user = (await secadmin.get(`/api/admin/users/${h.demo.users.zuzhibu}`)).json();
    const grantId = user.grants[0].id;
    const url = `${grants(h.demo.users.zuzhibu)}/${grantId}`;
    const res = await secadmin.request({ method: 'DELETE', url });
    expect([res.statusCode, res.json().grants]).toEqual([200, []]);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'user_role.revoke')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { roles: ['organization'] }, after: { roles: [] } });
    expect((await secadmin.request({ method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('is 403 on one’s own grant', async () => {
    const secadmin = await h.as('secadmin');
    const me = (await secadmin.get(`/api/admin/users/${h.demo.users.secadmin}`)).json();
    const url = `${grants(h.demo.users.secadmin)}/${me.grants[0].id}`;
    expect((await secadmin.request({ method: 'DELETE', url })).statusCode).toBe(403);
  });
});
