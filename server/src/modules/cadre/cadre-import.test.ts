// 人才库 import: every row or none, skills by their Chinese labels, units matched to the tree by name.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { count } from './cadre.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const HEADER = ['姓名', '性别', '出生年份', '所在单位', '职务', '职级', '联系电话', '专长', '备注'];
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人才库名册');
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const upload = async (content: Buffer, user = 'office') =>
  (await h.as(user)).request({
    method: 'POST',
    url: '/api/cadres/import',
    ...multipart({}, { filename: '人才库.xlsx', content }),
  });

describe('POST /api/cadres/import', () => {
  it('imports all rows, links tree units by name and audits once', async () => {
    await h.as('office'); // log in first: the login is audited too
    const [cadres, audits] = [await count(h, 'cadre'), await count(h, 'audit_entry')];
    const res = await upload(
      await workbook([
        ['韩立新', '男', 1982, '区财政局', '国库科科长', '一级主任科员', '13957001234', '财务、审计', null],
        ['梁雪梅', '女', 1988, '市审计局', '审计干部', null, null, '审计', '市局支持'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    expect(await count(h, 'cadre')).toBe(cadres + 2);
    expect(await count(h, 'audit_entry')).toBe(audits + 1);
    const rows = (await (await h.as('office')).get(`/api/cadres?q=${encodeURIComponent('韩立新')}`)).json().items;
    expect(rows).toMatchObject([{ homeUnitId: h.demo.units.caizheng, skills: ['finance', 'audit'], gender: 'male' }]);
  });

  it('refuses the whole file when one cell is wrong (422 with the cell) and writes nothing', async () => {
    const before = await count(h, 'cadre');
    const res = await upload(
      await workbook([
        ['甲某', '男', 1980, '区财政局', '科员', null, null, '财务', null],
        ['乙某', '男', 1980, '区财政局', '科员', null, null, '烹饪', null],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([{ path: '人才库名册!H3', message: expect.stringContaining('专长“烹饪”') }]);
    const missing = await upload(await workbook([['丙某', '男', 1980, null, '科员', null, null, null, null]]));
    expect(missing.statusCode).toBe(422);
    expect(await count(h, 'cadre')).toBe(before);
  });

  it('requires login and cadre.manage; serves a template', async () => {
    const content = await workbook([['丁某', '男', 1980, '区财政局', '科员', null, null, null, null]]);
    expect(
      (
        await h.anonymous.request({
          method: 'POST',
          url: '/api/cadres/import',
          ...multipart({}, { filename: 'a.xlsx', content }),
        })
      ).statusCode,
    ).toBe(401);
    expect((await upload(content, 'zuzhibu')).statusCode).toBe(403);
    const template = await (await h.as('office')).get('/api/cadres/import-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
