// Committees, the org tree and people through the real HTTP API: scoping, filters, creation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface UnitItem {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  parentName: string | null;
  committeeId: string;
}
const names = (items: { name: string }[]) => items.map((u) => u.name).sort();
const displayNames = (items: { displayName: string }[]) => items.map((p) => p.displayName).sort();

describe('GET /api/committees', () => {
  it('shows the office its own committee only', async () => {
    const res = await (await h.as('office')).get('/api/committees');
    expect(res.statusCode).toBe(200);
    const items: { id: string; name: string }[] = res.json().items;
    expect(items.map((c) => c.name)).toEqual(['中共示例市城关区委']);
    expect(items.some((c) => c.id === h.outsider.committeeId || c.name === '中共示例市城西区委')).toBe(false);
  });

  it('is 403 for unit users (no committee.read) and 401 without login', async () => {
    for (const username of ['lianluo', 'danwei', 'zerenren']) {
      const res = await (await h.as(username)).get('/api/committees');
      expect(res.statusCode, username).toBe(403);
      expect(res.json()).toEqual({ code: 'forbidden', message: '无权执行此操作' });
    }
    expect((await h.anonymous.get('/api/committees')).statusCode).toBe(401);
  });
});

describe('GET /api/units', () => {
  it('pages the committee tree with the total of all matching units', async () => {
    const office = await h.as('office');
    const first = (await office.get('/api/units?pageSize=5')).json();
    const third = (await office.get('/api/units?pageSize=5&page=3')).json();
    expect(first).toMatchObject({ total: 13, page: 1, pageSize: 5 });
    expect(first.items).toHaveLength(5);
    expect(third.items).toHaveLength(3);
    const all = (await office.get('/api/units?pageSize=100')).json().items as UnitItem[];
    expect(new Set(all.map((u) => u.id)).size).toBe(13);
  });

  it('filters by kind and by keyword', async () => {
    const office = await h.as('office');
    const villages = (await office.get('/api/units?kind=village')).json();
    expect(names(villages.items)).toEqual(['东关社区', '南园社区']);
    expect(villages.items.every((u: UnitItem) => u.parentName === '东关街道')).toBe(true);
    expect((await office.get('/api/units?kind=department')).json().total).toBe(6);
    expect(names((await office.get(`/api/units?q=${encodeURIComponent('社区')}`)).json().items)).toEqual([
      '东关社区',
      '南园社区',
    ]);
    const bad = await office.get('/api/units?kind=bank');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('kind');
  });

  it('treats % and _ in the keyword as literal characters', async () => {
    const office = await h.as('office');
    expect((await office.get(`/api/units?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    expect((await office.get('/api/units?q=_')).json().total).toBe(0);
    for (const name of ['达标率100%办公室', '信息_中心']) {
      const res = await office.post('/api/units', { committeeId: h.demo.committeeId, name, kind: 'other' });
      expect(res.statusCode).toBe(200);
    }
    expect(names((await office.get(`/api/units?q=${encodeURIComponent('%')}`)).json().items)).toEqual([
      '达标率100%办公室',
    ]);
    expect(names((await office.get('/api/units?q=_')).json().items)).toEqual(['信息_中心']);
  });

  it('shows a unit liaison only the 区住建局 subtree', async () => {
    const body = (await (await h.as('lianluo')).get('/api/units?pageSize=100')).json();
    expect(body.total).toBe(2);
    expect(names(body.items)).toEqual(['区建设工程质量安全监督站', '区住房和城乡建设局'].sort());
  });

  it('never shows the outsider committee’s units', async () => {
    const office = await h.as('office');
    const all = (await office.get('/api/units?pageSize=100')).json().items as UnitItem[];
    expect(all.some((u) => u.id === h.outsider.unitId)).toBe(false);
    expect(all.every((u) => u.committeeId === h.demo.committeeId)).toBe(true);
    const filtered = (await office.get(`/api/units?committeeId=${h.outsider.committeeId}`)).json();
    expect(filtered.total).toBe(0);
    expect((await office.get(`/api/units?q=${encodeURIComponent('城西')}`)).json().total).toBe(0);
  });
});

describe('POST /api/units', () => {
  const unit = (extra: object = {}) => ({
    committeeId: h.demo.committeeId,
    parentId: h.demo.units.zhujian,
    name: '区建筑业管理服务中心',
    kind: 'affiliated',
    headName: '邓刚',
    ...extra,
  });

  it('creates a unit under its parent; the parent’s liaison then sees it', async () => {
    const res = await (await h.as('office')).post('/api/units', unit());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      committeeId: h.demo.committeeId,
      parentId: h.demo.units.zhujian,
      parentName: '区住房和城乡建设局',
      name: '区建筑业管理服务中心',
      kind: 'affiliated',
      headName: '邓刚',
      active: true,
    });
    const listed = (await (await h.as('office')).get(`/api/units?q=${encodeURIComponent('建筑业管理')}`)).json();
    expect(listed.items).toEqual([created]);
    const liaison = (await (await h.as('lianluo')).get('/api/units?pageSize=100')).json();
    expect(liaison.total).toBe(3);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('actor_name')
      .where('action', '=', 'unit.create')
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit).toEqual([{ actor_name: '王芳' }]);
  });

  it('rejects bad input with 400 and writes nothing', async () => {
    const office = await h.as('office');
    const before = await countRows(h, 'org_unit');
    const blank = await office.post('/api/units', unit({ name: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual([{ path: 'name', message: '请填写单位名称' }]);
    const kind = await office.post('/api/units', unit({ kind: 'bank' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().details[0].path).toBe('kind');
    const foreignParent = await office.post('/api/units', unit({ parentId: h.outsider.unitId }));
    expect(foreignParent.statusCode).toBe(400);
    expect(foreignParent.json()).toMatchObject({
      code: 'validation',
      message: '上级单位不存在或不属于该党委',
      details: [{ path: 'parentId', message: '上级单位不存在或不属于该党委' }],
    });
    expect(await countRows(h, 'org_unit')).toBe(before);
  });

  it('is 401 without login, 403 for a liaison, 404 for another committee', async () => {
    const before = await countRows(h, 'org_unit');
    expect((await h.anonymous.post('/api/units', unit())).statusCode).toBe(401);
    expect((await (await h.as('lianluo')).post('/api/units', unit())).statusCode).toBe(403);
    const other = await (await h.as('office')).post('/api/units', unit({ committeeId: h.outsider.committeeId }));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ code: 'not_found', message: '派出党委不存在' });
    // the city committee above is not the office's either
    const city = await (await h.as('office')).post('/api/units', unit({ committeeId: h.demo.cityCommitteeId }));
    expect(city.statusCode).toBe(404);
    expect(await countRows(h, 'org_unit')).toBe(before);
  });
});

describe('people', () => {
  it('lists the people of a unit subtree', async () => {
    const liaison = await h.as('lianluo');
    const res = await liaison.get(`/api/units/${h.demo.units.zhujian}/people`);
    expect(res.statusCode).toBe(200);
    expect(displayNames(res.json().items)).toEqual(['冯伟', '吴建国', '郑洁', '陈晨'].sort());
    const station = (await (await h.as('office')).get(`/api/units/${h.demo.units.zhijianzhan}/people`)).json();
    expect(station.items).toEqual([
      { id: h.demo.users.zerenren2, displayName: '陈晨', unitId: h.demo.units.zhijianzhan },
    ]);
  });

  it('lists the committee staff (people without a unit)', async () => {
    const res = await (await h.as('office')).get(`/api/committees/${h.demo.committeeId}/people`);
    expect(res.statusCode).toBe(200);
    const items: { displayName: string; unitId: string | null }[] = res.json().items;
    // the 三员 are committee staff too, but never team material
    expect(items).toHaveLength(7);
    expect(items.every((p) => p.unitId === null)).toBe(true);
    expect(displayNames(items)).toEqual(expect.arrayContaining(['王芳', '刘畅', '李明', '赵刚', '钱进']));
    expect(displayNames(items)).not.toEqual(expect.arrayContaining(['系统管理员']));
  });

  it('is 404 out of scope and 403 without user.read', async () => {
    const liaison = await h.as('lianluo');
    expect((await liaison.get(`/api/units/${h.demo.units.jiaoyu}/people`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/committees/${h.demo.committeeId}/people`)).statusCode).toBe(404);
    const office = await h.as('office');
    expect((await office.get(`/api/units/${h.outsider.unitId}/people`)).statusCode).toBe(404);
    expect((await office.get(`/api/committees/${h.outsider.committeeId}/people`)).statusCode).toBe(404);
    const auditor = await h.as('auditor');
    expect((await auditor.get(`/api/units/${h.demo.units.zhujian}/people`)).statusCode).toBe(403);
    expect((await auditor.get(`/api/committees/${h.demo.committeeId}/people`)).statusCode).toBe(403);
  });
});
