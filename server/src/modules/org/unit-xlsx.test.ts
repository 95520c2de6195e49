// The org tree as .xlsx through the API: export of the filtered list, template, all-or-nothing import.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { must, patch, snapshot } from './org.test-support.ts';
import { UNIT_IMPORT_COLUMNS } from './unit-import.spec.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const HEADER = UNIT_IMPORT_COLUMNS.map((c) => c.header);
type Cell = string | number | boolean | null;
/** A row by header → value; missing headers are blank. */
const row = (values: Record<string, Cell>): Cell[] => HEADER.map((header) => values[header] ?? null);

async function workbook(rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = async (content: Buffer, user = 'office') =>
  (await h.as(user)).request({
    method: 'POST',
    url: '/api/units/import',
    ...multipart({}, { filename: '单位.xlsx', content }),
  });

async function readSheet(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('单位');
  const rows: string[][] = [];
  sheet?.eachRow((r) => {
    rows.push(
      (r.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
    );
  });
  return rows;
}

describe('GET /api/units/export', () => {
  it('exports the filtered rows with the parent’s code, and audits it', async () => {
    const office = await h.as('office');
    await patch(office, `/api/units/${h.demo.units.dongguan}`, { code: 'DG' });
    await patch(office, `/api/units/${h.demo.units.nanyuan_sq}`, { code: 'DG-02', villageClass: 'key' });
    const res = await office.request({ method: 'GET', url: '/api/units/export?kind=village' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['单位代码', '上级单位代码', '村居分类', '最近巡察日期']));
    expect(rows).toHaveLength(3);
    const nanyuan = rows.find((r) => r.includes('南园社区'));
    expect(nanyuan?.slice(0, 4)).toEqual(['DG-02', '南园社区', '村/社区', 'DG']);
    expect(nanyuan).toContain('重点');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'org_unit.export')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('is 401 anonymous, 403 without unit.read, and shows a liaison only its subtree', async () => {
    expect((await h.anonymous.get('/api/units/export')).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get('/api/units/export')).statusCode).toBe(403);
    const liaison = await (await h.as('lianluo')).get('/api/units/export');
    expect((await readSheet(liaison.rawPayload)).length).toBe(3);
  });
});

describe('GET /api/units/import-template', () => {
  it('gives an empty sheet with the import headers', async () => {
    const res = await (await h.as('office')).get('/api/units/import-template');
    expect(res.statusCode).toBe(200);
    expect((await readSheet(res.rawPayload))[0]).toEqual(HEADER);
    expect((await (await h.as('leader')).get('/api/units/import-template')).statusCode).toBe(403);
  });
});

describe('POST /api/units/import', () => {
  it('creates and updates by code; parents may come later in the file or already exist', async () => {
    const before = await snapshot(h);
    const res = await upload(
      await workbook([
        row({ 单位代码: 'CG-01', 单位名称: '城关镇东风村', 单位类别: '村/社区', 上级单位代码: 'CG', 村居分类: '关注' }),
        row({ 单位代码: 'CG', 单位名称: '城关镇', 单位类别: '乡镇/街道', 主要负责人: '张建华', 社会关注度: 4 }),
        row({
          单位代码: 'DG-03',
          单位名称: '东关街道西关社区',
          单位类别: '村/社区',
          上级单位代码: 'DG',
          村居分类: '一般',
        }),
        row({
          单位代码: 'DG-02',
          单位名称: '南园社区',
          单位类别: '村/社区',
          上级单位代码: 'DG',
          村居分类: '关注',
          有审批权: '否',
        }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 4 });
    const after = await snapshot(h);
    expect(after.org_unit).toBe(before.org_unit + 3);
    expect(after.org_unit_event).toBe(before.org_unit_event + 4);
    const office = await h.as('office');
    const village = (await office.get('/api/units?q=CG-01')).json().items[0];
    expect(village).toMatchObject({
      name: '城关镇东风村',
      parentName: '城关镇',
      parentCode: 'CG',
      villageClass: 'attention',
    });
    const town = (await office.get(`/api/units/${village.parentId}`)).json();
    expect(town).toMatchObject({ headName: '张建华', socialAttention: 4, childCount: 1, parentId: null });
    const path = await h.database.db
      .selectFrom('org_unit')
      .select('path')
      .where('id', '=', village.id)
      .executeTakeFirstOrThrow();
    expect(path.path).toBe(`/${town.id}/${village.id}/`);
    const nanyuan = (await office.get(`/api/units/${h.demo.units.nanyuan_sq}`)).json();
    expect(nanyuan.villageClass).toBe('attention');
    const history = (await office.get(`/api/units/${h.demo.units.nanyuan_sq}/history`)).json();
    expect(history.items[0]).toMatchObject({ event: 'import', actorName: '王芳' });
  });

  it('reports every bad row with its row number and writes nothing', async () => {
    const before = await snapshot(h);
    const res = await upload(
      await workbook([
        row({ 单位代码: 'X-1', 单位名称: '区某局', 单位类别: '银行' }),
        row({ 单位代码: 'X-2', 单位名称: '区某中心', 单位类别: '直属单位', 村居分类: '重点' }),
        row({ 单位代码: 'X-3', 单位名称: '区某所', 单位类别: '直属单位', 上级单位代码: 'NOPE' }),
        row({ 单位代码: 'X-4', 单位名称: '甲', 单位类别: '其他', 上级单位代码: 'X-5' }),
        row({ 单位代码: 'X-5', 单位名称: '乙', 单位类别: '其他', 上级单位代码: 'X-4' }),
        row({ 单位代码: 'X-5', 单位名称: '丙', 单位类别: '其他' }),
        row({ 单位代码: 'X-6', 单位名称: '丁', 单位类别: '其他', 社会关注度: 8 }),
      ]),
    );
    expect(res.statusCode).toBe(422);
    const details: { path: string; message: string }[] = res.json().details;
    const rowsWithErrors = new Set(details.map((d) => d.path.replace(/^单位![A-Z]+/, '')));
    expect(rowsWithErrors).toEqual(new Set(['2', '7']));
    expect(details.find((d) => d.path === '单位!C2')?.message).toContain('“银行”不是有效选项');
    expect(details.find((d) => d.path === '单位!A7')?.message).toContain('与第 6 行重复');
    expect(await snapshot(h)).toEqual(before);
    // with the column errors fixed, the rule errors show, each with its row
    const rules = await upload(
      await workbook([
        row({ 单位代码: 'X-2', 单位名称: '区某中心', 单位类别: '直属单位', 村居分类: '重点' }),
        row({ 单位代码: 'X-3', 单位名称: '区某所', 单位类别: '直属单位', 上级单位代码: 'NOPE' }),
        row({ 单位代码: 'X-4', 单位名称: '甲', 单位类别: '其他', 上级单位代码: 'X-5' }),
        row({ 单位代码: 'X-5', 单位名称: '乙', 单位类别: '其他', 上级单位代码: 'X-4' }),
        row({ 单位代码: 'X-6', 单位名称: '丁', 单位类别: '其他', 社会关注度: 8 }),
        row({ 单位代码: 'X-7', 单位名称: '戊', 单位类别: '其他', 上级单位代码: 'X-7' }),
      ]),
    );
    expect(rules.statusCode).toBe(422);
    expect(rules.json().details).toEqual([
      { path: '单位!M2', message: '第 2 行：只有村/社区可以设置村居分类' },
      { path: '单位!D3', message: '第 3 行：上级单位代码“NOPE”在本文件和本党委的单位中都不存在' },
      { path: '单位!G6', message: '第 6 行：社会关注度应为 1–5 的整数' },
      { path: '单位!D7', message: '第 7 行：上级单位不能是本单位' },
      { path: '单位!D4', message: '第 4 行：上级单位关系形成循环（单位不能成为自己的下级）' },
      { path: '单位!D5', message: '第 5 行：上级单位关系形成循环（单位不能成为自己的下级）' },
    ]);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a cycle through existing units and a deactivated unit', async () => {
    const office = await h.as('office');
    // DG-02 (南园社区) sits under DG (东关街道): making DG a child of DG-02 closes a loop
    const before = await snapshot(h);
    const cycle = await upload(
      await workbook([row({ 单位代码: 'DG', 单位名称: '东关街道', 单位类别: '乡镇/街道', 上级单位代码: 'DG-02' })]),
    );
    expect(cycle.json().details).toEqual([
      { path: '单位!D2', message: '第 2 行：上级单位关系形成循环（单位不能成为自己的下级）' },
    ]);
    expect(await snapshot(h)).toEqual(before);
    await office.post(`/api/units/${must(h.demo.units.nanyuan_sq)}/deactivate`, { reason: '撤并' });
    const dead = await upload(await workbook([row({ 单位代码: 'DG-02', 单位名称: '南园社区', 单位类别: '村/社区' })]));
    expect(dead.json().details[0].message).toBe('第 2 行：单位“南园社区”已撤销或合并，不能通过导入修改');
  });

  it('is 401 anonymous and 403 without unit.create', async () => {
    const content = await workbook([row({ 单位代码: 'Y-1', 单位名称: '区某局', 单位类别: '机关部门' })]);
    const before = await snapshot(h);
    expect(
      (
        await h.anonymous.request({
          method: 'POST',
          url: '/api/units/import',
          ...multipart({}, { filename: 'a.xlsx', content }),
        })
      ).statusCode,
    ).toBe(401);
    expect((await upload(content, 'leader')).statusCode).toBe(403);
    expect(await snapshot(h)).toEqual(before);
  });
});
