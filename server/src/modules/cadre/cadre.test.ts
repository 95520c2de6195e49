// The talent pool through the real HTTP API: list filters, create, correct, deactivate, 回避 preview, export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { count, createCadre, createTeam, expectChinese400, outsiderCadre } from './cadre.test-support.ts';

let h: Harness;
let zhang: string; // 区教育局, 审计+财务, free in July
let li: string; // 市审计局 (outside the tree), past post in 区住建局, on a team
let foreign: string;
beforeAll(async () => {
  h = await createHarness();
  zhang = await createCadre(h, {
    name: '张伟',
    homeUnitId: h.demo.units.jiaoyu,
    post: '副局长',
    skills: ['audit', 'finance'],
  });
  li = await createCadre(h, { name: '李娜', homeUnitName: '市审计局', post: '审计一科科长', skills: ['audit'] });
  const office = await h.as('office');
  await office.post(`/api/cadres/${zhang}/availability`, { startDate: '2026-07-01', endDate: '2026-09-30' });
  await office.post(`/api/cadres/${li}/availability`, { startDate: '2026-07-01', endDate: '2026-09-30' });
  await office.post(`/api/cadres/${li}/past-posts`, {
    unitId: h.demo.units.zhijianzhan,
    post: '办公室主任',
    startDate: '2019-03-01',
    endDate: '2023-06-30',
  });
  await createTeam(h, '区委第五巡察组', [li]);
  foreign = await outsiderCadre(h);
});
afterAll(() => h.close());

// order-free: the database collation decides how Chinese names sort, and these tests are about filters
const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name).sort();
const patch = async (user: string, url: string, payload: unknown) =>
  (await h.as(user)).request({ method: 'PATCH', url, payload: payload as object });

describe('POST /api/cadres', () => {
  it('creates a cadre, takes the unit name from the tree and audits it', async () => {
    const audits = await count(h, 'audit_entry');
    const res = await (await h.as('office')).post('/api/cadres', {
      name: '王强',
      homeUnitId: h.demo.units.caizheng,
      homeUnitName: '别的名字',
      post: '预算科科长',
      skills: ['finance'],
      phone: '0571-88886666',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '王强', homeUnitName: '区财政局', active: true, participationCount: 0 });
    expect(res.json().abilities).toEqual({ manage: true, appraise: true });
    expect(await count(h, 'audit_entry')).toBe(audits + 1);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = await count(h, 'cadre');
    const office = await h.as('office');
    const bad = await office.post('/api/cadres', { name: ' ', post: '科员', skills: ['cooking'] });
    expectChinese400(bad);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['name', 'skills.0']);
    expectChinese400(await office.post('/api/cadres', { name: '无单位', post: '科员' }));
    expect((await office.post('/api/cadres', { name: '无单位', post: '科员' })).json().message).toBe('请填写所在单位');
    const foreignUnit = await office.post('/api/cadres', {
      name: '外单位',
      post: '科员',
      homeUnitId: h.outsider.unitId,
    });
    expect(foreignUnit.json().message).toBe('所在单位不属于本党委');
    expect(await count(h, 'cadre')).toBe(before);
  });

  it('requires login and cadre.manage', async () => {
    expect((await h.anonymous.post('/api/cadres', { name: '甲', post: '科员' })).statusCode).toBe(401);
    expect(
      (await (await h.as('zuzhibu')).post('/api/cadres', { name: '甲', post: '科员', homeUnitName: '甲' })).statusCode,
    ).toBe(403);
  });
});

describe('GET /api/cadres', () => {
  it('pages and filters by keyword, skills, unit kind and availability', async () => {
    const office = await h.as('office');
    const all = (await office.get('/api/cadres?pageSize=1')).json();
    expect(all.items).toHaveLength(1);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(names((await office.get(`/api/cadres?q=${encodeURIComponent('审计局')}`)).json())).toEqual(['李娜', '钱进']);
    expect(names((await office.get('/api/cadres?skills=audit,law')).json())).toEqual(['张伟', '李娜', '钱进']);
    expect(names((await office.get('/api/cadres?unitKind=affiliated')).json())).toEqual(['李娜']);
    expect(names((await office.get('/api/cadres?unitKind=department&skills=audit')).json())).toEqual(['张伟']);
    // 李娜's team sits in the demo round, which is over by July: both are free then
    const july = '/api/cadres?availableFrom=2026-07-10&availableTo=2026-07-20';
    expect(names((await office.get(july)).json())).toEqual(['张伟', '李娜']);
    expect(names((await office.get('/api/cadres?availableFrom=2026-09-10&availableTo=2026-10-20')).json())).toEqual([]);
  });

  it('drops cadres on a team whose round overlaps, or with an unavailable window', async () => {
    const office = await h.as('office');
    const inRound = '/api/cadres?availableFrom=2026-01-20&availableTo=2026-02-01';
    await office.post(`/api/cadres/${zhang}/availability`, { startDate: '2026-01-01', endDate: '2026-03-31' });
    await office.post(`/api/cadres/${li}/availability`, { startDate: '2026-01-01', endDate: '2026-03-31' });
    expect(names((await office.get(inRound)).json())).toEqual(['张伟']);
    await office.post(`/api/cadres/${zhang}/availability`, {
      startDate: '2026-01-25',
      endDate: '2026-01-26',
      available: false,
      note: '年度述职',
    });
    expect(names((await office.get(inRound)).json())).toEqual([]);
  });

  it('sorts the experienced first and shows counts', async () => {
    const body = (await (await h.as('office')).get('/api/cadres?sort=-participationCount')).json();
    const counts = body.items.map((c: { participationCount: number }) => c.participationCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const liRow = body.items.find((c: { id: string }) => c.id === li);
    expect(liRow).toMatchObject({ participationCount: 1, lastRoundName: '十五届区委第三轮巡察', trainingCount: 0 });
    expect(body.items.some((c: { id: string }) => c.id === foreign)).toBe(false);
  });

  it('rejects bad filters and requires cadre.read', async () => {
    const office = await h.as('office');
    expectChinese400(await office.get('/api/cadres?availableFrom=2026-07-01'));
    expectChinese400(await office.get('/api/cadres?availableFrom=2026-07-09&availableTo=2026-07-01'));
    expectChinese400(await office.get('/api/cadres?skills=cooking&sort=age'));
    expect((await h.anonymous.get('/api/cadres')).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get('/api/cadres')).statusCode).toBe(403);
    expect((await (await h.as('zuzhibu')).get('/api/cadres')).statusCode).toBe(200);
  });
});

describe('GET /api/cadres/:id', () => {
  it('shows the file with records and participation history', async () => {
    const body = (await (await h.as('leader')).get(`/api/cadres/${li}`)).json();
    expect(body.pastPosts).toMatchObject([{ unitName: '区建设工程质量安全监督站', post: '办公室主任' }]);
    expect(body.participations).toMatchObject([
      { teamName: '区委第五巡察组', roundName: '十五届区委第三轮巡察', post: 'leader' },
    ]);
    expect(body.abilities).toEqual({ manage: false, appraise: false });
  });

  it('hides other committees’ cadres (404)', async () => {
    expect((await (await h.as('office')).get(`/api/cadres/${foreign}`)).statusCode).toBe(404);
    expect((await patch('office', `/api/cadres/${foreign}`, { post: '副科长' })).statusCode).toBe(404);
    expect((await (await h.as('office')).post(`/api/cadres/${foreign}/deactivate`)).statusCode).toBe(404);
  });
});

describe('PATCH /api/cadres/:id and deactivate/reactivate', () => {
  it('corrects fields, keeps the rest and audits before/after', async () => {
    const res = await patch('office', `/api/cadres/${zhang}`, { post: '党组成员、副局长', skills: ['audit', 'law'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ post: '党组成员、副局长', homeUnitName: '区教育局', skills: ['audit', 'law'] });
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'cadre.update')
      .where('entity_id', '=', zhang)
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ post: '副局长' });
    expect(entry.after).toMatchObject({ post: '党组成员、副局长' });
    const moved = await patch('office', `/api/cadres/${zhang}`, { homeUnitName: '市委巡察办' });
    expect(moved.json()).toMatchObject({ homeUnitId: null, homeUnitName: '市委巡察办' });
    await patch('office', `/api/cadres/${zhang}`, { homeUnitId: h.demo.units.jiaoyu });
  });

  it('refuses an empty or bad correction', async () => {
    expectChinese400(await patch('office', `/api/cadres/${zhang}`, {}));
    expectChinese400(await patch('office', `/api/cadres/${zhang}`, { phone: 'abc' }));
    expect((await patch('zuzhibu', `/api/cadres/${zhang}`, { post: '局长' })).statusCode).toBe(403);
  });

  it('deactivates once, freezes the file, reactivates once', async () => {
    const office = await h.as('office');
    const temp = await createCadre(h, { name: '临时借调' });
    expect((await office.post(`/api/cadres/${temp}/deactivate`)).json().active).toBe(false);
    expect((await office.post(`/api/cadres/${temp}/deactivate`)).statusCode).toBe(409);
    expect((await patch('office', `/api/cadres/${temp}`, { post: '副科长' })).statusCode).toBe(409);
    expect(names((await office.get('/api/cadres?active=false')).json())).toEqual(['临时借调']);
    expect((await (await h.as('leader')).post(`/api/cadres/${temp}/reactivate`)).statusCode).toBe(403);
    expect((await office.post(`/api/cadres/${temp}/reactivate`)).json().active).toBe(true);
    expect((await office.post(`/api/cadres/${temp}/reactivate`)).statusCode).toBe(409);
  });
});

describe('GET /api/cadres/:id/avoidance', () => {
  it('previews the 回避 conflicts of one cadre', async () => {
    const url = `/api/cadres/${li}/avoidance?unitIds=${h.demo.units.zhujian},${h.demo.units.caizheng}&asOf=2026-06-15`;
    const body = (await (await h.as('leader')).get(url)).json();
    expect(body.items).toEqual([
      expect.objectContaining({
        rule: 'past_post',
        unitName: '区住房和城乡建设局',
        message:
          '李娜2019年3月至2023年6月在区建设工程质量安全监督站（隶属被巡察单位区住房和城乡建设局）任办公室主任，离开未满5年',
      }),
    ]);
    const later = `/api/cadres/${li}/avoidance?unitIds=${h.demo.units.zhujian}&asOf=2028-07-01`;
    expect((await (await h.as('leader')).get(later)).json().items).toEqual([]);
  });

  it('refuses bad or foreign units, and foreign cadres', async () => {
    const office = await h.as('office');
    expectChinese400(await office.get(`/api/cadres/${li}/avoidance?unitIds=abc`));
    expectChinese400(await office.get(`/api/cadres/${li}/avoidance?unitIds=`));
    expect((await office.get(`/api/cadres/${li}/avoidance?unitIds=${h.outsider.unitId}`)).json().message).toBe(
      '被巡察单位不存在',
    );
    expect((await office.get(`/api/cadres/${foreign}/avoidance?unitIds=${h.demo.units.zhujian}`)).statusCode).toBe(404);
    expect(
      (await (await h.as('auditor')).get(`/api/cadres/${li}/avoidance?unitIds=${h.demo.units.zhujian}`)).statusCode,
    ).toBe(403);
  });
});

describe('GET /api/cadres/export (人才库名册)', () => {
  it('exports the filtered rows as .xlsx and audits the export', async () => {
    const audits = await count(h, 'audit_entry');
    const res = await (await h.as('office')).get('/api/cadres/export?skills=audit');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(res.headers['content-disposition'])).toMatch(/xlsx/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await count(h, 'audit_entry')).toBe(audits + 1);
  });

  it('refuses bad filters and users without cadre.read', async () => {
    expectChinese400(await (await h.as('office')).get('/api/cadres/export?availableTo=2026-07-01'));
    expect((await (await h.as('auditor')).get('/api/cadres/export')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/cadres/export')).statusCode).toBe(401);
  });
});
