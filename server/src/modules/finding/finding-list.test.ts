// The findings list filtered by every taxonomy dimension, its export, and an inspection's findings summary.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
const jiaoyu = () => h.demo.jiaoyuInspectionId;
beforeAll(async () => {
  h = await createHarness();
  const zuzhang = await h.as('zuzhang');
  const add = (body: object) =>
    zuzhang.post(`/api/inspections/${jiaoyu()}/findings`, { facts: '事实略。', aspect: 'party_building', ...body });
  // with the demo's draft (anti_corruption, mass, key_matter, allocation, welfare_funds, common): four findings
  await add({
    title: '选人用人程序不规范',
    discipline: 'organizational',
    focus: 'key_person',
    areas: ['cadre_selection'],
  });
  await add({
    title: '政府采购化整为零',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    powerType: 'allocation',
    areas: ['procurement', 'welfare_funds'],
    majorProblem: 'governance_lax',
  });
  await add({
    title: '意识形态工作责任制落实不力',
    aspect: 'party_leadership',
    majorProblem: 'leadership_weakened',
    isCommon: true,
    areas: ['ideology'],
  });
});
afterAll(() => h.close());

const titles = async (query: string, username = 'office') => {
  const res = await (await h.as(username)).get(`/api/findings?inspectionId=${jiaoyu()}&${query}`);
  expect(res.statusCode, query).toBe(200);
  return res
    .json()
    .items.map((f: { title: string }) => f.title)
    .sort();
};

describe('GET /api/findings filters', () => {
  it('filters by each taxonomy dimension and flag', async () => {
    expect(await titles('aspect=anti_corruption')).toEqual(['政府采购化整为零', '教育收费和食堂经费管理不规范'].sort());
    expect(await titles('discipline=organizational')).toEqual(['选人用人程序不规范']);
    expect(await titles('majorProblem=leadership_weakened')).toEqual(['意识形态工作责任制落实不力']);
    expect(await titles('focus=key_person')).toEqual(['选人用人程序不规范']);
    expect(await titles('powerType=allocation')).toEqual(['政府采购化整为零', '教育收费和食堂经费管理不规范'].sort());
    expect(await titles('area=welfare_funds')).toEqual(['政府采购化整为零', '教育收费和食堂经费管理不规范'].sort());
    expect(await titles('isCommon=true')).toEqual(
      ['意识形态工作责任制落实不力', '教育收费和食堂经费管理不规范'].sort(),
    );
    expect(await titles('isCommon=false')).toEqual(['政府采购化整为零', '选人用人程序不规范'].sort());
    expect(await titles('eightRules=true')).toEqual([]);
    expect(await titles('immediate=false')).toHaveLength(4);
    expect(await titles('status=draft')).toHaveLength(4);
    expect(await titles('status=fed_back')).toEqual([]);
    expect(await titles('q=食堂')).toEqual(['教育收费和食堂经费管理不规范']);
    // q also searches the facts; % is a literal, not a wildcard
    expect(await titles('q=资料费')).toEqual(['教育收费和食堂经费管理不规范']);
    expect(await titles('q=%25')).toEqual([]);
  });

  it('filters by round and unit, and sorts by number', async () => {
    const office = await h.as('office');
    const round = (await office.get(`/api/findings?roundId=${h.demo.roundId}&pageSize=100`)).json();
    expect(round.total).toBe(4 + 4);
    const unit = (await office.get(`/api/findings?unitId=${h.demo.units.jiaoyu}&sort=seq`)).json();
    expect(unit.items.map((f: { seq: number }) => f.seq)).toEqual([1, 2, 3, 4]);
    const none = (await office.get(`/api/findings?roundId=${h.outsider.roundId}`)).json();
    expect(none.total).toBe(0);
  });

  it('rejects bad filters with 400 and Chinese messages', async () => {
    const office = await h.as('office');
    const cases: [string, string][] = [
      ['aspect=economy', 'aspect'],
      ['isCommon=yes', 'isCommon'],
      ['roundId=abc', 'roundId'],
      ['sort=title', 'sort'],
    ];
    for (const [query, path] of cases) {
      const res = await office.get(`/api/findings?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details[0].path).toBe(path);
    }
    expect((await office.get('/api/findings?isCommon=yes')).json().details[0].message).toBe('应为 true 或 false');
  });
});

describe('GET /api/findings/export', () => {
  it('exports the filtered list with every taxonomy column in Chinese', async () => {
    const res = await (await h.as('office')).get(`/api/findings/export?inspectionId=${jiaoyu()}&area=welfare_funds`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        '四个方面',
        '六项纪律',
        '三大问题',
        '三个重点',
        '权力类型',
        '领域',
        '共性问题',
        '立行立改',
      ]),
    );
    expect(sheet.rowCount).toBe(3);
    const cell = (row: number, headerText: string) => sheet.getRow(row).getCell(header.indexOf(headerText) + 1).value;
    const rows = [2, 3].map((r) => [cell(r, '问题'), cell(r, '权力类型'), cell(r, '领域')]);
    expect(rows).toEqual(expect.arrayContaining([['政府采购化整为零', '资金资源分配', '政府采购、惠民资金']]));
  });
});

describe('GET /api/inspections/:id/finding-stats', () => {
  it('counts the inspection’s findings per dimension', async () => {
    const res = await (await h.as('zuzhang')).get(`/api/inspections/${jiaoyu()}/finding-stats`);
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.total).toBe(4);
    expect(stats.aspect).toEqual([
      { code: 'anti_corruption', count: 2 },
      { code: 'party_building', count: 1 },
      { code: 'party_leadership', count: 1 },
    ]);
    expect(stats.discipline).toEqual(
      expect.arrayContaining([
        { code: null, count: 1 },
        { code: 'integrity', count: 1 },
        { code: 'mass', count: 1 },
        { code: 'organizational', count: 1 },
      ]),
    );
    expect(stats.majorProblem).toEqual(expect.arrayContaining([{ code: null, count: 2 }]));
    expect(stats.area[0]).toEqual({ code: 'welfare_funds', count: 2 });
    expect(stats.area).toHaveLength(4);
    expect(stats).toMatchObject({ common: 2, eightRules: 0, immediate: 0 });
  });

  it('counts only what a unit user may see, and nothing of another committee', async () => {
    const unit = (
      await (await h.as('lianluo')).get(`/api/inspections/${h.demo.zhujianInspectionId}/finding-stats`)
    ).json();
    expect(unit.total).toBe(4);
    expect(unit.eightRules).toBe(1);
    const empty = await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/finding-stats`);
    expect(empty.statusCode).toBe(404);
  });

  it('is 401 without login, 403 without finding.read, 404 out of scope, 400 on a bad id', async () => {
    const path = `/api/inspections/${jiaoyu()}/finding-stats`;
    expect((await h.anonymous.get(path)).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(path)).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).get(path)).statusCode).toBe(404);
    expect(
      (await (await h.as('zuzhang')).get(`/api/inspections/${h.outsider.inspectionId}/finding-stats`)).statusCode,
    ).toBe(404);
    expect((await (await h.as('office')).get('/api/inspections/abc/finding-stats')).statusCode).toBe(400);
  });
});
