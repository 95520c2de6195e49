// Structural changes of the org tree through the API: rename, move, merge, deactivate, reactivate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { must, snapshot } from './org.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function pathOf(id: string | undefined) {
  const row = await h.database.db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', must(id))
    .executeTakeFirstOrThrow();
  return row.path;
}

async function createUnit(name: string, parentId?: string) {
  const res = await (await h.as('office')).post('/api/units', {
    committeeId: h.demo.committeeId,
    name,
    kind: 'affiliated',
    ...(parentId ? { parentId } : {}),
  });
  return res.json().id as string;
}

const events = async (id: string | undefined) =>
  ((await (await h.as('office')).get(`/api/units/${id}/history`)).json().items as { event: string }[]).map(
    (e) => e.event,
  );

describe('access to every change', () => {
  const actions = [
    ['rename', { name: '新名称', reason: '更名' }],
    ['move', { parentId: null, reason: '调整' }],
    ['merge', { targetId: '00000000-0000-4000-8000-000000000000', reason: '合并' }],
    ['deactivate', { reason: '撤销' }],
    ['reactivate', { reason: '恢复' }],
  ] as const;

  it('is 401 anonymous, 403 without unit.update, 404 out of scope, 400 without a reason; nothing written', async () => {
    const office = await h.as('office');
    const leader = await h.as('leader');
    const before = await snapshot(h);
    for (const [action, body] of actions) {
      const url = `/api/units/${h.demo.units.weijian}/${action}`;
      expect((await h.anonymous.post(url, body)).statusCode, action).toBe(401);
      expect((await leader.post(url, body)).statusCode, action).toBe(403);
      const outside = await office.post(`/api/units/${h.outsider.unitId}/${action}`, body);
      expect(outside.statusCode, action).toBe(404);
      expect(outside.json().message).toBe('单位不存在');
      const blank = await office.post(url, { ...body, reason: ' ' });
      expect(blank.statusCode, action).toBe(400);
      expect(blank.json().details).toContainEqual({ path: 'reason', message: '请填写原因' });
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('rename', () => {
  it('renames with a reason and keeps the old name in history', async () => {
    const office = await h.as('office');
    const res = await office.post(`/api/units/${h.demo.units.ziran}/rename`, {
      name: '区自然资源和规划局',
      reason: '机构改革更名',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('区自然资源和规划局');
    const history = (await office.get(`/api/units/${h.demo.units.ziran}/history`)).json().items;
    expect(history[0]).toMatchObject({
      event: 'rename',
      before: { name: '区自然资源局' },
      after: { name: '区自然资源和规划局' },
      reason: '机构改革更名',
    });
    const same = await office.post(`/api/units/${h.demo.units.ziran}/rename`, {
      name: '区自然资源和规划局',
      reason: '重复',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toBe('新名称与原名称相同');
  });
});

describe('move', () => {
  it('moves a whole subtree; the unit grants follow the new paths', async () => {
    const office = await h.as('office');
    const res = await office.post(`/api/units/${h.demo.units.zhujian}/move`, {
      parentId: h.demo.units.caizheng,
      reason: '归口管理调整',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: h.demo.units.caizheng, parentName: '区财政局' });
    const caizheng = await pathOf(h.demo.units.caizheng);
    expect(await pathOf(h.demo.units.zhijianzhan)).toBe(
      `${caizheng}${h.demo.units.zhujian}/${h.demo.units.zhijianzhan}/`,
    );
    // the 区住建局 liaison still sees its subtree
    expect((await (await h.as('lianluo')).get('/api/units')).json().total).toBe(2);
    const back = await office.post(`/api/units/${h.demo.units.zhujian}/move`, { parentId: null, reason: '恢复' });
    expect(back.json().parentId).toBeNull();
    expect(await pathOf(h.demo.units.zhijianzhan)).toBe(`/${h.demo.units.zhujian}/${h.demo.units.zhijianzhan}/`);
    expect(await events(h.demo.units.zhujian)).toEqual(['move', 'move']);
  });

  it('refuses its own subtree, a foreign parent, the same parent (400) and a deactivated parent (409)', async () => {
    const office = await h.as('office');
    const url = `/api/units/${h.demo.units.zhujian}/move`;
    const inactive = await createUnit('区已撤销单位');
    await office.post(`/api/units/${inactive}/deactivate`, { reason: '撤销' });
    const before = await snapshot(h);
    const own = await office.post(url, { parentId: h.demo.units.zhijianzhan, reason: '错误' });
    expect(own.statusCode).toBe(400);
    expect(own.json().message).toBe('上级单位不能是本单位或其下级单位');
    expect((await office.post(url, { parentId: h.demo.units.zhujian, reason: '错误' })).statusCode).toBe(400);
    expect((await office.post(url, { parentId: h.outsider.unitId, reason: '错误' })).statusCode).toBe(400);
    const same = await office.post(`/api/units/${h.demo.units.zhijianzhan}/move`, {
      parentId: h.demo.units.zhujian,
      reason: '错误',
    });
    expect(same.json().message).toBe('单位已在该上级单位之下');
    const dead = await office.post(url, { parentId: inactive, reason: '错误' });
    expect(dead.statusCode).toBe(409);
    expect(dead.json().message).toBe('上级单位“区已撤销单位”已撤销');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('merge', () => {
  it('deactivates the source, moves its children under the target and records it on all of them', async () => {
    const office = await h.as('office');
    const source = await createUnit('区旅游发展中心');
    const child = await createUnit('区旅游咨询服务站', source);
    const grandchild = await createUnit('区游客集散点', child);
    const target = await createUnit('区文化广电和旅游局');
    const res = await office.post(`/api/units/${source}/merge`, { targetId: target, reason: '机构改革合并' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      active: false,
      mergedIntoId: target,
      mergedIntoName: '区文化广电和旅游局',
      deactivatedOn: h.today,
      deactivationReason: '机构改革合并',
      abilities: { reactivate: false, update: false },
    });
    expect((await office.get(`/api/units/${child}`)).json().parentId).toBe(target);
    expect(await pathOf(grandchild)).toBe(`${await pathOf(target)}${child}/${grandchild}/`);
    expect(await events(source)).toEqual(['merge', 'create']);
    expect(await events(target)).toEqual(['merge', 'create']);
    expect(await events(child)).toEqual(['move', 'create']);
    // a merged unit is final
    const again = await office.post(`/api/units/${source}/reactivate`, { reason: '恢复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('单位当前状态为“已合并”，不能恢复');
  });

  it('refuses itself or its subtree (400) and a unit with an unarchived inspection (409)', async () => {
    const office = await h.as('office');
    const before = await snapshot(h);
    const self = await office.post(`/api/units/${h.demo.units.zhujian}/merge`, {
      targetId: h.demo.units.zhujian,
      reason: '错误',
    });
    expect(self.statusCode).toBe(400);
    const sub = await office.post(`/api/units/${h.demo.units.zhujian}/merge`, {
      targetId: h.demo.units.zhijianzhan,
      reason: '错误',
    });
    expect(sub.json().details).toEqual([{ path: 'targetId', message: '合并目标单位不能是本单位或其下级单位' }]);
    const inspected = await office.post(`/api/units/${h.demo.units.zhujian}/merge`, {
      targetId: h.demo.units.caizheng,
      reason: '错误',
    });
    expect(inspected.statusCode).toBe(409);
    expect(inspected.json().message).toBe('“区住房和城乡建设局”有尚未归档的巡察，不能合并');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('deactivate and reactivate', () => {
  it('refuses a unit with active children or an unarchived inspection', async () => {
    const office = await h.as('office');
    const before = await snapshot(h);
    const parent = await office.post(`/api/units/${h.demo.units.dongguan}/deactivate`, { reason: '撤并' });
    expect(parent.statusCode).toBe(409);
    expect(parent.json().message).toBe('“东关街道”还有 2 个正常的下级单位，请先撤销或调整隶属');
    const inspected = await office.post(`/api/units/${h.demo.units.jiaoyu}/deactivate`, { reason: '撤并' });
    expect(inspected.json().message).toBe('“区教育局”有尚未归档的巡察，不能撤销');
    expect(await snapshot(h)).toEqual(before);
  });

  it('deactivates, refuses twice, reactivates; a child waits for its parent', async () => {
    const office = await h.as('office');
    const community = must(h.demo.units.dongguan_sq);
    const res = await office.post(`/api/units/${community}/deactivate`, { reason: '社区撤并' });
    expect(res.json()).toMatchObject({ active: false, deactivatedOn: h.today, deactivationReason: '社区撤并' });
    const twice = await office.post(`/api/units/${community}/deactivate`, { reason: '社区撤并' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('单位当前状态为“已撤销”，不能撤销');
    await office.post(`/api/units/${h.demo.units.nanyuan_sq}/deactivate`, { reason: '社区撤并' });
    await office.post(`/api/units/${h.demo.units.dongguan}/deactivate`, { reason: '街道撤并' });
    const orphan = await office.post(`/api/units/${community}/reactivate`, { reason: '恢复设立' });
    expect(orphan.statusCode).toBe(409);
    expect(orphan.json().message).toBe('上级单位“东关街道”已撤销，请先恢复上级单位');
    await office.post(`/api/units/${h.demo.units.dongguan}/reactivate`, { reason: '恢复设立' });
    const back = await office.post(`/api/units/${community}/reactivate`, { reason: '恢复设立' });
    expect(back.json()).toMatchObject({ active: true, deactivatedOn: null, deactivationReason: null });
    const active = await office.post(`/api/units/${community}/reactivate`, { reason: '恢复设立' });
    expect(active.statusCode).toBe(409);
    expect(await events(community)).toEqual(['reactivate', 'deactivate']);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', community)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.deactivate', 'unit.reactivate']);
  });
});
