// 成果运用: money, 制度 and people against the hand-worked fixture (findings.fixtures.ts), the filters, the
// drill-downs (their totals equal the figures), the exports, and 400 / 401 / 403 / 404.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type AnalyticsFixture, seedAnalyticsFixture } from './findings.fixtures.ts';

let h: Harness;
let fx: AnalyticsFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedAnalyticsFixture(h);
});
afterAll(() => h.close());

const get = async (path: string) => {
  const res = await (await h.as('office')).get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const summary = (query: string) => get(`/api/analytics/outcomes/summary?${query}`);
const formCounts = (forms: { code: string; count: number }[]) => forms.map((f) => f.count);

describe('GET /api/analytics/outcomes/summary', () => {
  it('sums the evidence of verified tasks and counts current handover persons by 形态', async () => {
    const s = await summary(`roundId=${fx.roundId}`);
    // verified tasks of round R: tA1 (closed), tA3 (阶段性完成), tA1v, tB1; tA2 is in progress
    // money: 1000.50 + 200 (tA1) + 300 (tA3) + 50 (tA1v) + 99.50 (tB1) = 1650.00 over 5 items on 4 tasks
    expect(s.money).toEqual({ amount: 1650, evidenceCount: 5, taskCount: 4 });
    // 制度: tA1, tA3 (tA2's is not verified)
    expect(s.institutions).toEqual({ count: 2, taskCount: 2 });
    // 人员处理 evidence: 2 (tA1) + 1 (tB1)
    expect(s.evidencePersons).toEqual({ persons: 3, evidenceCount: 2 });
    // h1: form 1, form 2 (form 3 superseded, one person without a form yet); h2: form 2, form 4
    expect(formCounts(s.forms)).toEqual([1, 2, 0, 1]);
    expect(s.formsTotal).toBe(4);
    const byKind = Object.fromEntries(
      (s.moneyByUnitKind as { code: string; amount: number }[]).filter((r) => r.amount).map((r) => [r.code, r.amount]),
    );
    // 乡镇 A: 1000.50 + 200 + 300; 村 A1: 50; 学校 B: 99.50
    expect(byKind).toEqual({ township: 1500.5, village: 50, school: 99.5 });
  });

  it('narrows by unit kind, area and term', async () => {
    const school = await summary(`roundId=${fx.roundId}&unitKind=school`);
    expect(school.money).toEqual({ amount: 99.5, evidenceCount: 1, taskCount: 1 });
    expect(formCounts(school.forms)).toEqual([0, 1, 0, 1]);
    // area A (A and A1), every round: 1000.50 + 200 + 300 + 50 + 700 (2024) = 2250.50; persons h1 + h3
    const area = await summary(`areaUnitId=${fx.unitA}`);
    expect(area.money.amount).toBe(2250.5);
    expect(formCounts(area.forms)).toEqual([2, 1, 0, 0]);
    // the 2026–2030 term drops 2024: 2250.50 − 700 = 1550.50; persons h1 only
    const term = await summary(`areaUnitId=${fx.unitA}&termPlanId=${fx.termPlanId}`);
    expect(term.money.amount).toBe(1550.5);
    expect(term.institutions.count).toBe(2);
    expect(formCounts(term.forms)).toEqual([1, 1, 0, 0]);
  });

  it('refuses bad input, strangers, users without analytics and other committees', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/analytics/outcomes/summary?areaUnitId=x')).statusCode).toBe(400);
    expect((await h.anonymous.get('/api/analytics/outcomes/summary')).statusCode).toBe(401);
    expect((await (await h.as('zuyuan')).get('/api/analytics/outcomes/summary')).statusCode).toBe(403);
    const other = `/api/analytics/outcomes/summary?committeeId=${h.outsider.committeeId}`;
    expect((await office.get(other)).statusCode).toBe(404);
  });
});

describe('drill-downs', () => {
  it('list the evidence and the persons behind each figure', async () => {
    const s = await summary(`roundId=${fx.roundId}`);
    const evidence = (query: string) => get(`/api/analytics/outcomes/evidence?roundId=${fx.roundId}&${query}`);
    const money = await evidence('kind=money&pageSize=100');
    expect(money.total).toBe(s.money.evidenceCount);
    const sum = (money.items as { amount: number }[]).reduce((a, r) => a + r.amount, 0);
    expect(sum).toBeCloseTo(s.money.amount, 2);
    expect((await evidence('kind=institution')).total).toBe(s.institutions.count);
    const institution = (await evidence('kind=institution')).items[0];
    expect(institution).toMatchObject({ institutionDocNo: expect.stringMatching(/^测〔2026〕/) });
    expect(institution.institutionDate).toBe('2026-04-01');
    expect((await evidence('kind=person')).total).toBe(s.evidencePersons.evidenceCount);
    const township = await evidence('kind=money&byUnitKind=township');
    expect(township.total).toBe(3);
    expect(township.items.map((r: { unitName: string }) => r.unitName)).toEqual(Array(3).fill('分析测试镇'));
    const page = await evidence('kind=money&pageSize=2&page=3');
    expect(page).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(page.items).toHaveLength(1);

    const persons = (query: string) => get(`/api/analytics/outcomes/persons?roundId=${fx.roundId}&${query}`);
    expect((await persons('')).total).toBe(s.formsTotal);
    for (const f of s.forms as { code: string; count: number }[]) {
      expect((await persons(`form=${f.code}`)).total, f.code).toBe(f.count);
    }
    const form2 = await persons('form=2');
    expect(form2.items[0]).toMatchObject({ recipientName: '区纪委监委', handoverYear: 2026, decidedOn: '2026-05-10' });
    expect(Object.keys(form2.items[0])).not.toContain('name');
  });

  it('refuses bad input, strangers, users without analytics and other committees', async () => {
    const office = await h.as('office');
    for (const path of [
      '/api/analytics/outcomes/evidence',
      '/api/analytics/outcomes/evidence?kind=photo',
      '/api/analytics/outcomes/evidence?kind=money&byUnitKind=zoo',
      '/api/analytics/outcomes/persons?form=5',
      '/api/analytics/outcomes/persons?page=0',
    ]) {
      const res = await office.get(path);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    for (const path of ['/api/analytics/outcomes/evidence?kind=money', '/api/analytics/outcomes/persons']) {
      expect((await h.anonymous.get(path)).statusCode).toBe(401);
      expect((await (await h.as('danwei')).get(path)).statusCode).toBe(403);
      expect(
        (await office.get(`${path}${path.includes('?') ? '&' : '?'}roundId=${h.outsider.roundId}`)).statusCode,
      ).toBe(404);
    }
  });
});

const sheetRows = async (path: string) => {
  const res = await (await h.as('office')).get(path);
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((r) => {
    rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
  });
  const header = rows[0] as string[];
  return rows.slice(1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
};

describe('exports', () => {
  it('give the drill-down rows as .xlsx in Chinese', async () => {
    const money = await sheetRows(`/api/analytics/outcomes/evidence/export?roundId=${fx.roundId}&kind=money`);
    expect(money).toHaveLength(5);
    expect(money.map((r) => Number(r['金额(元)'])).reduce((a, b) => a + b, 0)).toBeCloseTo(1650, 2);
    expect(money[0]?.材料类别).toBe('挽回/追缴资金');
    const persons = await sheetRows(`/api/analytics/outcomes/persons/export?roundId=${fx.roundId}&form=2`);
    expect(persons).toHaveLength(2);
    expect(persons.map((r) => r.处理形态)).toEqual(['第二种形态', '第二种形态']);
    expect(persons[0]?.移交编号).toMatch(/^2026-90\d$/);
    const other = `/api/analytics/outcomes/persons/export?roundId=${h.outsider.roundId}`;
    expect((await (await h.as('office')).get(other)).statusCode).toBe(404);
  });
});
