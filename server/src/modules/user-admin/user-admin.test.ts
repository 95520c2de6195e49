// 用户管理 through the API: the 系统管理员 lists, creates, edits, deactivates, resets and unlocks accounts;
// every refusal writes nothing, every change is audited with before/after.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const STRONG = 'Qiang#Mima2026';
const users = '/api/admin/users';
const newUser = (extra: object = {}) => ({
  username: 'xinren',
  displayName: '新 同事',
  committeeId: h.demo.committeeId,
  unitId: h.demo.units.jiaoyu,
  initialPassword: STRONG,
  ...extra,
});

async function counts() {
  const row = await sql<{ users: number; audits: number }>`SELECT
    (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM audit_entry)::int AS audits`.execute(
    h.database.db,
  );
  return row.rows[0];
}

async function lastAudit(action: string) {
  return h.database.db
    .selectFrom('audit_entry')
    .select(['entity_id', 'before', 'after', 'actor_name'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

const patch = async (username: string, url: string, body: object) =>
  (await h.as(username)).request({ method: 'PATCH', url, payload: body });

describe('listing accounts', () => {
  it('pages the committee’s accounts with their grants, filtered by role, unit and state', async () => {
    const admin = await h.as('sysadmin');
    const page = (await admin.get(`${users}?pageSize=5`)).json();
    expect(page).toMatchObject({ page: 1, pageSize: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(10);
    const offices = (await admin.get(`${users}?role=office`)).json();
    expect(offices.items.map((u: { username: string }) => u.username)).toContain('banshi');
    expect(offices.items[0].grants[0]).toMatchObject({ role: 'office', scopeKind: 'committee' });
    const unit = (await admin.get(`${users}?unitId=${h.demo.units.zhujian}`)).json();
    expect(unit.items.map((u: { username: string }) => u.username)).toContain('lianluo');
    expect((await admin.get(`${users}?active=false`)).json().total).toBe(0);
    // another committee's accounts are not there
    expect((await admin.get(`${users}?q=outsider`)).json().total).toBe(0);
  });

  it('exports the list as .xlsx and audits the export', async () => {
    const res = await (await h.as('sysadmin')).get(`${users}/export?role=office`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe('banshi');
    expect((await lastAudit('app_user.export')).after).toMatchObject({ filters: { role: 'office' } });
  });

  it('is 401 without a session, 403 without user.read, 400 on a bad filter', async () => {
    expect((await h.anonymous.get(users)).statusCode).toBe(401);
    expect((await (await h.as('zuyuan')).get(users)).statusCode).toBe(403);
    const bad = await (await h.as('sysadmin')).get(`${users}?role=king`);
    expect(bad.statusCode).toBe(400);
  });

  it('is 404 for an account of another committee', async () => {
    expect((await (await h.as('sysadmin')).get(`${users}/${h.outsider.ownerId}`)).statusCode).toBe(404);
  });
});

describe('creating an account', () => {
  it('stores the account with an initial password that must be changed at first login', async () => {
    const before = await counts();
    const res = await (await h.as('sysadmin')).post(users, newUser());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'xinren', active: true, mustChangePassword: true, grants: [] });
    expect(await counts()).toEqual({ users: (before?.users ?? 0) + 1, audits: (before?.audits ?? 0) + 1 });
    const audit = await lastAudit('user.create');
    expect(audit.after).toEqual({
      username: 'xinren',
      displayName: '新 同事',
      unitId: h.demo.units.jiaoyu,
      active: true,
    });
    expect(JSON.stringify(audit)).not.toContain(STRONG);
    const login = await h.anonymous.post('/api/auth/login', { username: 'xinren', password: STRONG });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ mustChangePassword: true });
  });

  it.each([
    [{ initialPassword: 'short' }, 'initialPassword'],
    [{ initialPassword: 'alllowercaseletters' }, 'initialPassword'],
    [{ username: '张三' }, 'username'],
    [{ displayName: '' }, 'displayName'],
    [{ unitId: 'x' }, 'unitId'],
    [{ unitId: 'OUTSIDER' }, 'unitId'],
  ])('refuses %j with a Chinese message and writes nothing', async (extra, path) => {
    const body = newUser({ username: 'kong', ...extra });
    if (body.unitId === 'OUTSIDER') body.unitId = h.outsider.unitId;
    const before = await counts();
    const res = await (await h.as('sysadmin')).post(users, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('is 409 on a taken username, 404 for another committee, 403 without user.manage', async () => {
    expect((await (await h.as('sysadmin')).post(users, newUser({ username: 'office' }))).statusCode).toBe(409);
    const foreign = newUser({ username: 'yuanfang', committeeId: h.outsider.committeeId, unitId: null });
    expect((await (await h.as('sysadmin')).post(users, foreign)).statusCode).toBe(404);
    expect((await (await h.as('office')).post(users, newUser({ username: 'banshi2' }))).statusCode).toBe(403);
    expect((await (await h.as('secadmin')).post(users, newUser({ username: 'banshi3' }))).statusCode).toBe(403);
  });
});

describe('changing an account', () => {
  it('edits name and unit, audited with before and after', async () => {
    const id = h.demo.users.zerenren2 as string;
    const res = await patch('sysadmin', `${users}/${id}`, { displayName: '陈晨晨', unitId: h.demo.units.zhujian });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '陈晨晨', unitId: h.demo.units.zhujian });
    const audit = await lastAudit('user.update');
    expect(audit.before).toMatchObject({ displayName: '陈晨' });
    expect(audit.after).toMatchObject({ displayName: '陈晨晨' });
    expect((await patch('sysadmin', `${users}/${id}`, { displayName: ' ', unitId: null })).statusCode).toBe(400);
    const outsider = `${users}/${h.outsider.ownerId}`;
    expect((await patch('sysadmin', outsider, { displayName: '某', unitId: null })).statusCode).toBe(404);
  });

  it('deactivates (ending the sessions) and reactivates, 409 when already so', async () => {
    const id = h.demo.users.zerenren2 as string;
    const victim = await h.login('zerenren2');
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await h.as('sysadmin');
    const off = await admin.post(`${users}/${id}/deactivate`);
    expect([off.statusCode, off.json().active]).toEqual([200, false]);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect((await lastAudit('user.deactivate')).after).toEqual({ active: false, endedSessions: 1 });
    expect((await admin.post(`${users}/${id}/deactivate`)).statusCode).toBe(409);
    expect((await admin.post(`${users}/${id}/reactivate`)).json().active).toBe(true);
    expect((await admin.post(`${users}/${id}/reactivate`)).statusCode).toBe(409);
    expect((await admin.post(`${users}/${h.demo.users.sysadmin}/deactivate`)).statusCode).toBe(409);
  });

  it('resets a password: policy checked, sessions ended, change required', async () => {
    const id = h.demo.users.zerenren as string;
    const victim = await h.login('zerenren');
    const admin = await h.as('sysadmin');
    const weak = await admin.post(`${users}/${id}/reset-password`, { newPassword: 'zerenren2026A' });
    expect(weak.statusCode).toBe(400);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.post(`${users}/${id}/reset-password`, { newPassword: STRONG });
    expect([res.statusCode, res.json().mustChangePassword]).toEqual([200, true]);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await admin.post(`${users}/${h.outsider.ownerId}/reset-password`, { newPassword: STRONG })).statusCode,
    ).toBe(404);
  });

  it('unlocks a locked account, 409 when not locked', async () => {
    const id = h.demo.users.zerenren2 as string;
    const until = new Date(h.clock.now().getTime() + 10 * 60_000).toISOString();
    await h.database.db
      .insertInto('login_lock')
      .values({ kind: 'account', key: 'zerenren2', locked_at: h.clock.now().toISOString(), locked_until: until })
      .execute();
    const admin = await h.as('sysadmin');
    expect((await admin.get(`${users}/${id}`)).json().locked).toBe(true);
    const res = await admin.post(`${users}/${id}/unlock`);
    expect([res.statusCode, res.json().locked]).toEqual([200, false]);
    expect((await admin.post(`${users}/${id}/unlock`)).statusCode).toBe(409);
    expect((await (await h.as('secadmin')).post(`${users}/${id}/unlock`)).statusCode).toBe(403);
  });
});
