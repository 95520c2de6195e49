// What the planning exports contain: the same rows as the filtered list, labels in Chinese.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function sheetRows(url: string): Promise<string[][]> {
  const res = await (await h.as('office')).get(url);
  expect(res.statusCode, url).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((r) => {
    rows.push(
      (r.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
    );
  });
  return rows;
}

describe('planning exports', () => {
  it('exports the filtered inspections with Chinese type and phase labels', async () => {
    const rows = await sheetRows('/api/inspections/export?phase=rectifying');
    expect(rows[0]).toEqual([
      '巡察轮次',
      '被巡察单位',
      '巡察类型',
      '巡察组',
      '阶段',
      '开始日期',
      '结束日期',
      '反馈日期',
      '选定理由',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        '十五届区委第三轮巡察',
        '区住房和城乡建设局',
        '常规巡察',
        '区委第一巡察组',
        '整改',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        expect.any(String),
        expect.any(String),
        '工程建设领域廉政风险高，群众反映集中，上届以来未巡察',
      ],
    ]);
  });

  it('exports the teams with leader, member and target counts', async () => {
    const rows = await sheetRows(`/api/teams/export?roundId=${h.demo.roundId}`);
    expect(rows).toEqual([
      ['巡察轮次', '巡察组', '组长', '在组人数', '巡察对象数'],
      ['十五届区委第三轮巡察', '区委第一巡察组', '赵刚', '2', '2'],
    ]);
  });

  it('exports the rounds of the year with their inspection count', async () => {
    const year = h.today.slice(0, 4);
    const rows = await sheetRows(`/api/rounds/export?year=${year}`);
    expect(rows[0]).toContain('轮次名称');
    const demo = rows.find((r) => r.includes('十五届区委第三轮巡察'));
    expect(demo).toEqual(expect.arrayContaining([year, '2']));
    expect((await sheetRows('/api/rounds/export?year=2001')).length).toBe(1);
  });
});
