// Designated readers: the team leader or the 巡察办主任 grants one user per inspection (audited, notified);
// the grantee reads but cannot act, and loses access on revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { count, fileReport, reportFields } from './public-report.test-support.ts';

let h: Harness;
let reportId: string;
const grantsUrl = () => `/api/inspections/${h.demo.jiaoyuInspectionId}/public-report-grants`;

beforeAll(async () => {
  h = await createHarness();
  reportId = (await fileReport(h, reportFields(h.demo.jiaoyuInspectionId))).id;
});
afterAll(async () => {
  await h.close();
});

describe('designated readers', () => {
  it('offers team members and 巡察办 staff as candidates', async () => {
    const res = await (await h.as('office')).get(
      `/api/inspections/${h.demo.jiaoyuInspectionId}/public-report-grant-candidates`,
    );
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((c: { userId: string }) => c.userId);
    for (const user of ['zuzhang', 'zuyuan', 'office', 'banshi']) expect(ids).toContain(h.demo.users[user]);
    for (const user of ['leader', 'danwei', 'jiwei']) expect(ids).not.toContain(h.demo.users[user]);
  });

  it('the 巡察办主任 grants zuyuan: audited, notified; zuyuan reads but may not reply', async () => {
    const audits = await count(h, 'audit_entry');
    const res = await (await h.as('office')).post(grantsUrl(), { userId: h.demo.users.zuyuan });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ userName: '钱进', grantedByName: '王芳', revokedAt: null }),
    ]);
    expect(await count(h, 'audit_entry')).toBe(audits + 1);
    const notice = await h.database.db
      .selectFrom('notification')
      .select('title')
      .where('user_id', '=', h.demo.users.zuyuan as string)
      .where('kind', '=', 'public_report')
      .executeTakeFirstOrThrow();
    expect(notice.title).toMatch(/查看人员/);
    const zuyuan = await h.as('zuyuan');
    expect((await zuyuan.get(`/api/inspections/${h.demo.jiaoyuInspectionId}/public-reports`)).json().total).toBe(1);
    const read = await zuyuan.get(`/api/public-reports/${reportId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ reply: false, start: false, reopen: false, convert: false });
    expect((await zuyuan.post(`/api/public-reports/${reportId}/reply`, { text: '答复' })).statusCode).toBe(403);
  });

  it('refuses a duplicate (409), an ineligible user (400), a bad id (400), nothing written', async () => {
    const office = await h.as('office');
    const grants = await count(h, 'public_report_grant');
    expect((await office.post(grantsUrl(), { userId: h.demo.users.zuyuan })).statusCode).toBe(409);
    const unit = await office.post(grantsUrl(), { userId: h.demo.users.danwei });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().message).toMatch(/本巡察组成员或巡察办工作人员/);
    expect((await office.post(grantsUrl(), { userId: 'x' })).statusCode).toBe(400);
    expect(await count(h, 'public_report_grant')).toBe(grants);
  });

  it('403 without the permission, 404 out of scope, 401 anonymous', async () => {
    expect((await (await h.as('zuyuan')).post(grantsUrl(), { userId: h.demo.users.banshi })).statusCode).toBe(403);
    expect((await (await h.as('banshi')).get(grantsUrl())).statusCode).toBe(403);
    expect(
      (await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/public-report-grants`)).statusCode,
    ).toBe(404);
    expect((await h.anonymous.get(grantsUrl())).statusCode).toBe(401);
  });

  it('revocation ends access at once; revoking twice → 409, an unknown grant → 404', async () => {
    const zuzhang = await h.as('zuzhang');
    const grantId = (await zuzhang.get(grantsUrl())).json().items[0].id;
    expect((await zuzhang.post(`${grantsUrl()}/${grantId}/revoke`)).statusCode).toBe(200);
    expect((await (await h.as('zuyuan')).get(`/api/public-reports/${reportId}`)).statusCode).toBe(404);
    expect((await zuzhang.post(`${grantsUrl()}/${grantId}/revoke`)).statusCode).toBe(409);
    expect((await zuzhang.post(`${grantsUrl()}/00000000-0000-4000-8000-000000000000/revoke`)).statusCode).toBe(404);
    expect((await zuzhang.get(grantsUrl())).json().items[0].revokedAt).not.toBeNull();
  });
});
