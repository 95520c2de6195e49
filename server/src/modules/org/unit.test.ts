// Org units through the HTTP API: tree filters, derived "last inspected", detail and attribute edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { must, patch, snapshot } from './org.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const names = (items: { name: string }[]) => items.map((u) => u.name).sort();

describe('GET /api/units filters', () => {
  it('lists the roots and lazily the children of one unit, with child counts', async () => {
    const office = await h.as('office');
    const roots = (await office.get('/api/units?parentId=root&pageSize=100')).json();
    expect(roots.total).toBe(10);
    const zhujian = roots.items.find((u: { id: string }) => u.id === h.demo.units.zhujian);
    expect(zhujian).toMatchObject({ childCount: 1, parentId: null });
    const children = (await office.get(`/api/units?parentId=${h.demo.units.dongguan}`)).json();
    expect(names(children.items)).toEqual(['东关社区', '南园社区']);
    expect(children.items.every((u: { childCount: number }) => u.childCount === 0)).toBe(true);
  });

  it('filters a subtree, by village class, activity and by code', async () => {
    const office = await h.as('office');
    await patch(office, `/api/units/${h.demo.units.nanyuan_sq}`, { villageClass: 'key', code: 'DG-02' });
    const under = (await office.get(`/api/units?under=${h.demo.units.dongguan}`)).json();
    expect(under.total).toBe(2);
    const key = (await office.get('/api/units?villageClass=key')).json();
    expect(names(key.items)).toEqual(['南园社区']);
    expect((await office.get('/api/units?q=DG-02')).json().items[0].name).toBe('南园社区');
    expect((await office.get('/api/units?active=false')).json().total).toBe(0);
    expect((await office.get('/api/units?active=true')).json().total).toBe(13);
    const bad = await office.get('/api/units?villageClass=vip&active=yes');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['active', 'villageClass']);
  });

  it('shows nothing under a unit the user cannot see', async () => {
    const office = await h.as('office');
    expect((await office.get(`/api/units?under=${h.outsider.unitId}`)).json().total).toBe(0);
    expect((await office.get(`/api/units?parentId=${h.outsider.unitId}`)).json().total).toBe(0);
  });
});

describe('last inspected', () => {
  it('is the later of the manual date and the latest inspection that reached 进驻', async () => {
    const office = await h.as('office');
    const get = async (id: string | undefined) => (await office.get(`/api/units/${id}`)).json();
    // 区住建局: inspection started 150 days before the test day, now in 整改
    expect((await get(h.demo.units.zhujian)).lastInspectedOn).toBe('2026-01-16');
    await patch(office, `/api/units/${h.demo.units.zhujian}`, { lastInspectedOn: '2022-05-10' });
    expect(await get(h.demo.units.zhujian)).toMatchObject({
      manualLastInspectedOn: '2022-05-10',
      lastInspectedOn: '2026-01-16',
    });
    // 区财政局: never inspected in the system, so the manual date shows
    expect((await get(h.demo.units.caizheng)).lastInspectedOn).toBeNull();
    await patch(office, `/api/units/${h.demo.units.caizheng}`, { lastInspectedOn: '2021-09-01' });
    expect((await get(h.demo.units.caizheng)).lastInspectedOn).toBe('2021-09-01');
  });

  it('ignores an inspection still in 准备', async () => {
    const office = await h.as('office');
    await h.database.db
      .updateTable('inspection')
      .set({ phase: 'preparing' })
      .where('id', '=', h.demo.jiaoyuInspectionId)
      .execute();
    expect((await office.get(`/api/units/${h.demo.units.jiaoyu}`)).json().lastInspectedOn).toBeNull();
    await h.database.db
      .updateTable('inspection')
      .set({ phase: 'stationed' })
      .where('id', '=', h.demo.jiaoyuInspectionId)
      .execute();
    expect((await office.get(`/api/units/${h.demo.units.jiaoyu}`)).json().lastInspectedOn).toBe('2026-01-16');
  });
});

describe('GET /api/units/:id', () => {
  it('gives the parent chain and what the user may do', async () => {
    const res = await (await h.as('office')).get(`/api/units/${h.demo.units.zhijianzhan}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '区建设工程质量安全监督站',
      ancestors: [{ id: h.demo.units.zhujian, name: '区住房和城乡建设局' }],
      abilities: { update: true, rename: true, move: true, merge: true, deactivate: true, reactivate: false },
    });
    const leader = (await (await h.as('leader')).get(`/api/units/${h.demo.units.zhijianzhan}`)).json();
    expect(leader.abilities).toMatchObject({ update: false, deactivate: false });
  });

  it('is 404 out of scope, 403 without unit.read, 401 anonymous', async () => {
    expect((await (await h.as('office')).get(`/api/units/${h.outsider.unitId}`)).statusCode).toBe(404);
    expect((await (await h.as('lianluo')).get(`/api/units/${h.demo.units.jiaoyu}`)).statusCode).toBe(404);
    expect((await (await h.as('auditor')).get(`/api/units/${h.demo.units.jiaoyu}`)).statusCode).toBe(403);
    expect((await h.anonymous.get(`/api/units/${h.demo.units.jiaoyu}`)).statusCode).toBe(401);
  });
});

describe('PATCH /api/units/:id', () => {
  const url = () => `/api/units/${h.demo.units.weijian}`;

  it('updates planning attributes, records history and audit', async () => {
    const office = await h.as('office');
    const res = await patch(office, url(), {
      code: 'WJ-001',
      secretaryName: '黄晓梅',
      socialAttention: 4,
      fundVolume: 12800.5,
      projectCount: 6,
      hasApprovalPower: true,
      reason: '年度单位信息核对',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'WJ-001',
      socialAttention: 4,
      fundVolume: 12800.5,
      hasApprovalPower: true,
    });
    const history = (await office.get(`${url()}/history`)).json();
    expect(history.items[0]).toMatchObject({
      event: 'update',
      reason: '年度单位信息核对',
      actorName: '王芳',
      before: { code: null, socialAttention: null },
      after: { code: 'WJ-001', socialAttention: 4 },
    });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', must(h.demo.units.weijian))
      .execute();
    expect(audit).toEqual([{ action: 'unit.update' }]);
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const office = await h.as('office');
    const before = await snapshot(h);
    const bad = await patch(office, url(), { socialAttention: 9, fundVolume: -1, code: '代码 1' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['code', 'fundVolume', 'socialAttention']);
    const village = await patch(office, url(), { villageClass: 'key' });
    expect(village.statusCode).toBe(400);
    expect(village.json()).toMatchObject({
      message: '只有村/社区可以设置村居分类',
      details: [{ path: 'villageClass', message: '只有村/社区可以设置村居分类' }],
    });
    expect(await snapshot(h)).toEqual(before);
  });

  it('is 409 for a code another unit uses, 401/403/404 as usual', async () => {
    const office = await h.as('office');
    await h.as('leader');
    await patch(office, `/api/units/${h.demo.units.ziran}`, { code: 'ZR-001' });
    const before = await snapshot(h);
    const duplicate = await patch(office, url(), { code: 'ZR-001' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe('单位代码已被本党委的其他单位使用');
    expect((await patch(h.anonymous, url(), { projectCount: 1 })).statusCode).toBe(401);
    expect((await patch(await h.as('leader'), url(), { projectCount: 1 })).statusCode).toBe(403);
    expect((await patch(office, `/api/units/${h.outsider.unitId}`, { projectCount: 1 })).statusCode).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });

  it('is 409 for a deactivated unit', async () => {
    const office = await h.as('office');
    await office.post(`/api/units/${h.demo.units.shichang}/deactivate`, { reason: '机构改革' });
    const res = await patch(office, `/api/units/${h.demo.units.shichang}`, { projectCount: 3 });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('单位当前状态为“已撤销”，不能修改属性');
  });
});

describe('POST /api/units with attributes', () => {
  it('creates a classified village and records the create event', async () => {
    const office = await h.as('office');
    const res = await office.post('/api/units', {
      committeeId: h.demo.committeeId,
      parentId: h.demo.units.dongguan,
      name: '西关社区',
      kind: 'village',
      code: 'DG-03',
      villageClass: 'attention',
      secretaryName: '李秀兰',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ villageClass: 'attention', code: 'DG-03', parentCode: null, childCount: 0 });
    const history = (await office.get(`/api/units/${res.json().id}/history`)).json();
    expect(history.items.map((e: { event: string }) => e.event)).toEqual(['create']);
  });

  it('refuses a village class on a department and a duplicate code', async () => {
    const office = await h.as('office');
    const unit = { committeeId: h.demo.committeeId, name: '区档案馆', kind: 'affiliated' };
    const before = await snapshot(h);
    expect((await office.post('/api/units', { ...unit, villageClass: 'general' })).statusCode).toBe(400);
    expect((await office.post('/api/units', { ...unit, code: 'DG-03' })).statusCode).toBe(409);
    expect(await snapshot(h)).toEqual(before);
  });
});
