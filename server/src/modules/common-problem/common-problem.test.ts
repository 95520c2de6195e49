// 共性问题 endpoints on the core demo plus a past round in which three units share the 公务用车 problem:
// refresh, the cluster list and its drill-down and export, 举一反三 notices, 专项巡察 proposals — each with
// success, bad input (nothing written), unauthenticated, not permitted, out of scope and wrong state.
import { DEFAULT_SIMILARITY_THRESHOLD } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSENT } from '../../test/authz/resolvers.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addRound } from '../../test/planning-fixtures.ts';

let h: Harness;
const CAR = [
  ['caizheng', '公务用车管理不规范，存在公车私用', '公务用车使用登记不全，节假日公车私用。'],
  ['weijian', '公车私用问题突出，公务用车加油卡管理混乱', '加油卡混用，公务用车里程与加油量不符。'],
  ['ziran', '公务用车登记制度执行不严，公车私用', '派车单缺失，公务用车私用未被纠正。'],
] as const;

beforeAll(async () => {
  h = await createHarness();
  const inspections = await addRound(
    h,
    { name: '测试往轮巡察', year: 2024, seq: 9, startDate: '2024-03-01', endDate: '2024-05-31' },
    [...CAR.map(([unit]) => ({ unit, phase: 'archived' })), { unit: 'shichang', phase: 'archived' }],
  );
  const rows = [...CAR, ['shichang', '意识形态阵地管理不严', '宣传栏信息发布未经审核。'] as const];
  for (const [i, [unit, title, facts]] of rows.entries()) {
    await h.database.db
      .insertInto('finding')
      .values({
        committee_id: h.demo.committeeId,
        inspection_id: inspections[unit] as string,
        unit_id: h.demo.units[unit] as string,
        seq: i + 1,
        title,
        facts,
        aspect: unit === 'shichang' ? 'party_leadership' : 'anti_corruption',
        discipline: unit === 'shichang' ? 'political' : 'integrity',
        areas: unit === 'shichang' ? ['ideology'] : ['work_style'],
        is_common: false,
        eight_rules: unit !== 'shichang',
        status: 'fed_back',
      })
      .execute();
  }
});
afterAll(() => h.close());

const count = async (table: 'common_problem_notice' | 'special_inspection_proposal' | 'common_problem_run') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function carCluster() {
  const res = await (await h.as('leader')).get('/api/common-problems/clusters');
  const cluster = res.json().items.find((c: { terms: string[] }) => c.terms.includes('公车私用'));
  return cluster as { id: string; unitCount: number; findingCount: number; units: { name: string }[] };
}

describe('POST /api/common-problems/refresh', () => {
  it('refuses bad input, anonymous, non-managers and other committees, writing nothing', async () => {
    const banshi = await h.as('banshi');
    const bad = await banshi.post('/api/common-problems/refresh', { threshold: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/相似度阈值/);
    expect((await h.anonymous.post('/api/common-problems/refresh', {})).statusCode).toBe(401);
    expect((await (await h.as('leader')).post('/api/common-problems/refresh', {})).statusCode).toBe(403);
    expect((await (await h.as('danwei')).post('/api/common-problems/refresh', {})).statusCode).toBe(403);
    const out = await banshi.post('/api/common-problems/refresh', { committeeId: h.outsider.committeeId });
    expect(out.statusCode).toBe(404);
    expect(await count('common_problem_run')).toBe(0);
  });

  it('clusters the three units sharing 公务用车 and audits the run', async () => {
    const audits = await countRows(h, 'audit_entry');
    const res = await (await h.as('banshi')).post('/api/common-problems/refresh', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ threshold: DEFAULT_SIMILARITY_THRESHOLD });
    expect(res.json().clusterCount).toBeGreaterThanOrEqual(1);
    expect(await countRows(h, 'audit_entry')).toBe(audits + 1);
    const cluster = await carCluster();
    expect(cluster).toMatchObject({ unitCount: 3, findingCount: 3 });
    expect(cluster.units.map((u) => u.name).sort()).toEqual(['区卫生健康局', '区自然资源局', '区财政局'].sort());
  });
});

describe('GET /api/common-problems/clusters and drill-down', () => {
  it('lists for readers, refuses others, and 404s another committee', async () => {
    const leader = await h.as('leader');
    const res = await leader.get('/api/common-problems/clusters');
    expect(res.statusCode).toBe(200);
    expect(res.json().run).toMatchObject({ threshold: DEFAULT_SIMILARITY_THRESHOLD });
    expect((await h.anonymous.get('/api/common-problems/clusters')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/common-problems/clusters')).statusCode).toBe(403);
    expect((await leader.get(`/api/common-problems/clusters?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(
      404,
    );
    const bad = await leader.get('/api/common-problems/clusters?unitKind=planet');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/单位类别/);
  });

  it('narrows by filter: a unit kind none of the members has leaves no cluster', async () => {
    const res = await (await h.as('leader')).get('/api/common-problems/clusters?unitKind=village');
    expect(res.json().total).toBe(0);
  });

  it('drills to the member findings, 404 for a cluster that is not there', async () => {
    const cluster = await carCluster();
    const leader = await h.as('leader');
    const res = await leader.get(`/api/common-problems/clusters/${cluster.id}/findings`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((f: { roundName: string }) => f.roundName)).toEqual(Array(3).fill('测试往轮巡察'));
    expect((await leader.get(`/api/common-problems/clusters/${ABSENT}/findings`)).statusCode).toBe(404);
    expect((await leader.get('/api/common-problems/clusters/x/findings')).statusCode).toBe(400);
  });

  it('exports the clusters as .xlsx', async () => {
    const res = await (await h.as('leader')).get('/api/common-problems/clusters/export');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('共性问题');
    const units = sheet?.getRow(2).getCell(5).value;
    expect(String(units)).toContain('区财政局');
  });
});

describe('举一反三 notices', () => {
  it('refuses bad targets, non-managers and unknown clusters, writing nothing', async () => {
    const cluster = await carCluster();
    const banshi = await h.as('banshi');
    const url = `/api/common-problems/clusters/${cluster.id}/notices`;
    const missing = await banshi.post(url, { target: 'chosen' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择通知的单位');
    const foreign = await banshi.post(url, { target: 'chosen', unitIds: [h.outsider.unitId] });
    expect(foreign.statusCode).toBe(400);
    expect((await banshi.post(url, { target: 'nobody' })).statusCode).toBe(400);
    expect((await (await h.as('leader')).post(url, { target: 'cluster' })).statusCode).toBe(403);
    expect((await h.anonymous.post(url, { target: 'cluster' })).statusCode).toBe(401);
    expect(
      (await banshi.post(`/api/common-problems/clusters/${ABSENT}/notices`, { target: 'cluster' })).statusCode,
    ).toBe(404);
    expect(await count('common_problem_notice')).toBe(0);
  });

  it('drafts a pre-filled notice, publishes it once to the units heads and liaisons', async () => {
    const cluster = await carCluster();
    const banshi = await h.as('banshi');
    const draft = await banshi.post(`/api/common-problems/clusters/${cluster.id}/notices`, {
      target: 'chosen',
      unitIds: [h.demo.units.zhujian],
    });
    expect(draft.statusCode).toBe(200);
    const notice = draft.json();
    expect(notice).toMatchObject({ status: 'draft', targetUnitCount: 1, findingCount: 3 });
    expect(notice.title).toMatch(/举一反三/);
    expect(notice.body).toContain('区财政局：公务用车管理不规范，存在公车私用');
    const all = await banshi.post(`/api/common-problems/clusters/${cluster.id}/notices`, { target: 'all' });
    expect(all.json().targetUnitCount).toBeGreaterThan(10);

    const publish = await banshi.post(`/api/common-problems/notices/${notice.id}/publish`);
    expect(publish.statusCode).toBe(200);
    // 区住建局 has a 主要负责人 (danwei) and a 整改联络员 (lianluo)
    expect(publish.json()).toMatchObject({ status: 'published', notifiedCount: 2 });
    const inbox = await (await h.as('danwei')).get('/api/notifications');
    expect(inbox.json().items.some((n: { title: string }) => n.title.startsWith('举一反三'))).toBe(true);
    const again = await banshi.post(`/api/common-problems/notices/${notice.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该通知已发布，不能重复发布');
    expect((await banshi.post(`/api/common-problems/notices/${ABSENT}/publish`)).statusCode).toBe(404);
    const list = await (await h.as('leader')).get('/api/common-problems/notices?status=published');
    expect(list.json().total).toBe(1);
  });
});

describe('专项巡察 proposals', () => {
  it('proposes from a cluster; only the office director decides, once', async () => {
    const cluster = await carCluster();
    const banshi = await h.as('banshi');
    const before = await count('special_inspection_proposal');
    const bad = await banshi.post(`/api/common-problems/clusters/${cluster.id}/proposals`, { unitIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(await count('special_inspection_proposal')).toBe(before);
    const created = await banshi.post(`/api/common-problems/clusters/${cluster.id}/proposals`, {});
    expect(created.statusCode).toBe(200);
    const proposal = created.json();
    expect(proposal).toMatchObject({ status: 'proposed', unitCount: 3, findingCount: 3, canDecide: false });
    expect(proposal.reason).toContain('3 个单位');

    const url = `/api/common-problems/proposals/${proposal.id}/decision`;
    expect((await banshi.post(url, { decision: 'adopt' })).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.post(url, { decision: 'maybe' })).statusCode).toBe(400);
    const adopted = await office.post(url, { decision: 'adopt', note: '列入下一轮专项巡察' });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted', decidedByName: '王芳', canDecide: false });
    const again = await office.post(url, { decision: 'decline' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该建议已作出决定，不能重复决定');
    expect(
      (await office.post(`/api/common-problems/proposals/${ABSENT}/decision`, { decision: 'adopt' })).statusCode,
    ).toBe(404);
    expect((await (await h.as('zuyuan')).get('/api/common-problems/proposals')).statusCode).toBe(403);
    const list = await (await h.as('leader')).get('/api/common-problems/proposals');
    expect(list.json().items[0]).toMatchObject({ id: proposal.id, status: 'adopted' });
  });
});
