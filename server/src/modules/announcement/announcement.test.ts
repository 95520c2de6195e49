// 巡察公告 through the real HTTP API: draft, publish once, only before or during 进驻.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { countPlanning } from '../../test/planning-fixtures.ts';
import { announcementUrl, completeDraft } from './announcement.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const url = () => announcementUrl(h);
const put = async (username: string, body: object, target = url()) =>
  (await h.as(username)).request({ method: 'PUT', url: target, payload: body });

describe('GET /api/inspections/:id/announcement', () => {
  it('returns an empty draft with every required field missing and the public link', async () => {
    const res = await (await h.as('zuzhang')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unitName: '区教育局',
      publishedAt: null,
      publicPath: `/public/inspections/${h.demo.jiaoyuInspectionId}`,
      abilities: { update: true, publish: false },
    });
    expect(res.json().missing).toEqual([
      '公告开始日期',
      '公告结束日期',
      '联系电话',
      '邮政信箱',
      '接待地点',
      '接待时间',
    ]);
  });

  it('is 401 / 404 as appropriate', async () => {
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect(
      (await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/announcement`)).statusCode,
    ).toBe(404);
    expect((await (await h.as('auditor')).get(url())).statusCode).toBe(403);
  });
});

describe('PUT and publish', () => {
  it('refuses to publish while fields are missing (409)', async () => {
    expect((await put('zuzhang', { phone: '0571-86001234' })).statusCode).toBe(200);
    const res = await (await h.as('zuzhang')).post(`${url()}/publish`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('请先填写公告开始日期、公告结束日期、邮政信箱、接待地点、接待时间，再发布巡察公告');
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const before = await countPlanning(h, 'announcement');
    const audits = (await h.database.db.selectFrom('audit_entry').select('id').execute()).length;
    for (const body of [
      { ...completeDraft, periodEnd: '2026-05-01' },
      { ...completeDraft, phone: '电话' },
      { ...completeDraft, email: 'not-an-email' },
      { ...completeDraft, periodStart: '2026-13-01' },
    ]) {
      const res = await put('office', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countPlanning(h, 'announcement')).toBe(before);
    expect((await h.database.db.selectFrom('audit_entry').select('id').execute()).length).toBe(audits);
  });

  it('saves the draft, publishes once, then refuses changes (409)', async () => {
    const saved = await put('office', { ...completeDraft, email: 'xuncha@example.gov.cn' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...completeDraft, missing: [], abilities: { update: true, publish: true } });
    const published = await (await h.as('office')).post(`${url()}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).toEqual(expect.any(String));
    expect(published.json().abilities).toEqual({ update: false, publish: false });
    expect((await (await h.as('office')).post(`${url()}/publish`, {})).statusCode).toBe(409);
    expect((await put('office', completeDraft)).statusCode).toBe(409);
    const actions = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity', '=', 'announcement')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'announcement.update',
      'announcement.update',
      'announcement.publish',
    ]);
  });

  it('is refused once the inspection is past 了解 (409), out of scope (404), without the permission (403)', async () => {
    const rectifying = `/api/inspections/${h.demo.zhujianInspectionId}/announcement`;
    const late = await put('office', completeDraft, rectifying);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('巡察当前处于“整改”阶段，巡察公告只能在进驻前或进驻期间发布');
    expect(
      (await put('office', completeDraft, `/api/inspections/${h.outsider.inspectionId}/announcement`)).statusCode,
    ).toBe(404);
    expect((await put('leader', completeDraft, rectifying)).statusCode).toBe(403);
    expect((await h.anonymous.request({ method: 'PUT', url: rectifying, payload: completeDraft })).statusCode).toBe(
      401,
    );
  });
});
