// Findings (问题) through the real HTTP API: recording during fieldwork, and who sees them when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
let draftId: string;
beforeAll(async () => {
  h = await createHarness();
  // 区教育局 has no liaison in the demo world: add one, to see what the inspected unit sees of a draft
  await addUser(h, {
    username: 'jiaoyu_lianluo',
    displayName: '蒋欣',
    unitId: h.demo.units.jiaoyu as string,
    role: 'unit_liaison',
    scopeKind: 'unit',
    scopeId: h.demo.units.jiaoyu as string,
  });
  const draft = await h.database.db
    .selectFrom('finding')
    .select('id')
    .where('inspection_id', '=', h.demo.jiaoyuInspectionId)
    .executeTakeFirstOrThrow();
  draftId = draft.id;
});
afterAll(() => h.close());

const finding = (extra: object = {}) => ({
  title: '学校食堂食材采购未公开招标',
  facts: '3 所学校食堂 2025 年食材采购 420 万元，均由校长直接指定供应商。',
  aspect: 'anti_corruption',
  discipline: 'integrity',
  powerType: 'allocation',
  areas: ['procurement', 'welfare_funds'],
  ...extra,
});
const url = (inspectionId: string) => `/api/inspections/${inspectionId}/findings`;

describe('POST /api/inspections/:id/findings', () => {
  it('lets the team leader and a team member record findings while stationed, numbering them in turn', async () => {
    const leader = await (await h.as('zuzhang')).post(url(h.demo.jiaoyuInspectionId), finding());
    expect(leader.statusCode).toBe(200);
    expect(leader.json()).toMatchObject({
      inspectionId: h.demo.jiaoyuInspectionId,
      unitName: '区教育局',
      seq: 2,
      status: 'draft',
      aspect: 'anti_corruption',
      discipline: 'integrity',
      majorProblem: null,
      areas: ['procurement', 'welfare_funds'],
      isCommon: false,
      eightRules: false,
      taskCount: 0,
      abilities: { createTask: false },
    });
    const member = await (await h.as('zuyuan')).post(
      url(h.demo.jiaoyuInspectionId),
      finding({ title: '违规收取“资料费”', aspect: 'strict_governance', areas: [], isCommon: true }),
    );
    expect(member.statusCode).toBe(200);
    expect(member.json()).toMatchObject({ seq: 3, isCommon: true, areas: [], immediate: false, immediateTask: null });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('actor_name')
      .where('action', '=', 'finding.create')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.actor_name)).toEqual(['赵刚', '钱进']);
  });

  it('gives concurrent findings distinct numbers', async () => {
    const zuzhang = await h.as('zuzhang');
    const results = await Promise.all(
      [1, 2, 3].map((n) => zuzhang.post(url(h.demo.jiaoyuInspectionId), finding({ title: `并发登记的问题 ${n}` }))),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().seq).sort()).toEqual([4, 5, 6]);
  });

  it('is 409 once the inspection is in rectification', async () => {
    const before = await countRows(h, 'finding');
    const res = await (await h.as('zuzhang')).post(url(h.demo.zhujianInspectionId), finding());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: 'conflict', message: '只有进驻和报告阶段可以登记问题' });
    expect(await countRows(h, 'finding')).toBe(before);
  });

  it('rejects unknown taxonomy codes and a blank title with 400, writing nothing', async () => {
    const zuzhang = await h.as('zuzhang');
    const before = await countRows(h, 'finding');
    const cases: [object, string][] = [
      [{ aspect: 'economy' }, 'aspect'],
      [{ discipline: 'traffic' }, 'discipline'],
      [{ areas: ['bidding', 'lottery'] }, 'areas.1'],
      [{ title: '   ' }, 'title'],
    ];
    for (const [extra, path] of cases) {
      const res = await zuzhang.post(url(h.demo.jiaoyuInspectionId), finding(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().details[0].path).toBe(path);
    }
    const blank = await zuzhang.post(url(h.demo.jiaoyuInspectionId), finding({ title: '' }));
    expect(blank.json().details).toEqual([{ path: 'title', message: '请填写问题标题' }]);
    expect(await countRows(h, 'finding')).toBe(before);
  });

  it('is 401 without login, 403 for a liaison, 404 for another committee’s inspection', async () => {
    const before = await countRows(h, 'finding');
    expect((await h.anonymous.post(url(h.demo.jiaoyuInspectionId), finding())).statusCode).toBe(401);
    expect((await (await h.as('lianluo')).post(url(h.demo.jiaoyuInspectionId), finding())).statusCode).toBe(403);
    for (const username of ['office', 'zuzhang']) {
      const res = await (await h.as(username)).post(url(h.outsider.inspectionId), finding());
      expect(res.statusCode, username).toBe(404);
    }
    expect(await countRows(h, 'finding')).toBe(before);
  });
});

describe('who sees findings', () => {
  it('hides draft findings from the inspected unit (list and detail → 404)', async () => {
    const unitUser = await h.as('jiaoyu_lianluo');
    // the liaison does see the inspection itself
    expect((await unitUser.get(`/api/inspections/${h.demo.jiaoyuInspectionId}`)).statusCode).toBe(200);
    const list = (await unitUser.get(`/api/findings?inspectionId=${h.demo.jiaoyuInspectionId}`)).json();
    expect(list).toMatchObject({ total: 0, items: [] });
    expect((await unitUser.get(`/api/findings/${draftId}`)).statusCode).toBe(404);
    expect((await (await h.as('lianluo')).get(`/api/findings/${draftId}`)).statusCode).toBe(404);
    // the team and the office do see it
    for (const username of ['office', 'zuzhang', 'zuyuan']) {
      expect((await (await h.as(username)).get(`/api/findings/${draftId}`)).statusCode, username).toBe(200);
    }
  });

  it('shows fed-back findings to the unit, which may split them into tasks; the office may not', async () => {
    const liaison = await (await h.as('lianluo')).get('/api/findings?pageSize=100');
    expect(liaison.json().total).toBe(4);
    const items: { status: string; abilities: { createTask: boolean } }[] = liaison.json().items;
    expect(items.every((f) => f.status === 'fed_back' && f.abilities.createTask)).toBe(true);
    const office = (await (await h.as('office')).get(`/api/findings/${h.demo.findings.f1}`)).json();
    expect(office).toMatchObject({ status: 'fed_back', abilities: { createTask: false } });
    const owner = await h.as('zerenren');
    expect((await owner.get('/api/findings')).statusCode).toBe(403);
  });

  it('counts each finding’s tasks and closed tasks', async () => {
    const liaison = await h.as('lianluo');
    const counts = async (key: string) => {
      const f = (await liaison.get(`/api/findings/${h.demo.findings[key]}`)).json();
      return [f.taskCount, f.closedTaskCount];
    };
    expect(await counts('f1')).toEqual([2, 0]);
    expect(await counts('f2')).toEqual([2, 0]);
    expect(await counts('f3')).toEqual([2, 1]);
    expect(await counts('f4')).toEqual([0, 0]);
  });

  it('filters by inspection and aspect, and never shows another committee’s findings', async () => {
    const office = await h.as('office');
    const zhujian = (await office.get(`/api/findings?inspectionId=${h.demo.zhujianInspectionId}`)).json();
    expect(zhujian.total).toBe(4);
    const anti = (
      await office.get(`/api/findings?inspectionId=${h.demo.zhujianInspectionId}&aspect=anti_corruption`)
    ).json();
    expect(anti.items.map((f: { seq: number }) => f.seq).sort()).toEqual([2, 3]);
    const all = (await office.get('/api/findings?pageSize=100')).json();
    expect(all.items.some((f: { id: string }) => f.id === h.outsider.findingId)).toBe(false);
    expect((await office.get(`/api/findings/${h.outsider.findingId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/findings?inspectionId=${h.outsider.inspectionId}`)).json().total).toBe(0);
  });
});
