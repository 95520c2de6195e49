// All-or-nothing imports through a test route (units under a parent named in the sheet): the bad-file
// corpus, each refused with a Chinese reason and nothing written; the template; and the round trip
// export → import → identical rows.
import { randomUUID } from 'node:crypto';
import { taskStatusLabel, unitKind } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_LEDGER_COLUMNS } from '../../modules/task/task.export.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { IMPORT_MAX_BYTES, type ImportSpec, importInvalid, parseImport } from './import.ts';
import { registerImport, registerTemplate } from './import-routes.ts';

const invert = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k]));

const UNIT_SPEC: ImportSpec = {
  sheetName: '单位',
  columns: [
    { header: '单位名称', key: 'name', required: true, maxLength: 20 },
    { header: '单位类型', key: 'kind', required: true, labels: invert(unitKind.labels) },
    { header: '上级单位', key: 'parent' },
    { header: '主要负责人', key: 'head', maxLength: 10 },
  ],
  uniqueKey: ['name'],
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    routes(app, deps) {
      registerTemplate(app, deps, { path: '/api/test/units/template', permission: 'unit.create', spec: UNIT_SPEC });
      registerImport(app, deps, {
        path: '/api/test/units/import',
        permission: 'unit.create',
        spec: UNIT_SPEC,
        async apply(tx, ctx, rows) {
          for (const row of rows) {
            const parent = await tx
              .selectFrom('org_unit')
              .select(['id', 'path'])
              .where('committee_id', '=', ctx.user.committeeId as string)
              .where('name', '=', String(row.parent))
              .executeTakeFirst();
            if (!parent)
              throw importInvalid('上级单位不存在', [{ path: `单位!C${row.rowNumber}`, message: '上级单位不存在' }]);
            const id = randomUUID();
            await tx
              .insertInto('org_unit')
              .values({
                id,
                committee_id: ctx.user.committeeId as string,
                parent_id: parent.id,
                path: `${parent.path}${id}/`,
                name: String(row.name),
                kind: String(row.kind),
                head_name: row.head === null ? null : String(row.head),
              })
              .execute();
          }
        },
      });
    },
  });
});
afterAll(() => h.close());

type Cell = string | number | boolean | Date | { formula: string } | null;
async function workbook(rows: Cell[][], sheetName = '单位'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const HEADER = ['单位名称', '单位类型', '上级单位', '主要负责人'];
const upload = async (content: Buffer, user = 'office') =>
  (await h.as(user)).request({
    method: 'POST',
    url: '/api/test/units/import',
    ...multipart({}, { filename: '单位.xlsx', content }),
  });

/** Sends a file that must be refused; checks the status, the reasons and that nothing was written. */
async function refused(content: Buffer, status: number) {
  const [units, audit] = [await countRows(h, 'org_unit'), await countRows(h, 'audit_entry')];
  const res = await upload(content);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await countRows(h, 'org_unit')).toBe(units);
  expect(await countRows(h, 'audit_entry')).toBe(audit);
  return res.json().details as { path: string; message: string }[];
}

describe('POST import (all-or-nothing)', () => {
  it('imports every row in one transaction and audits it', async () => {
    const before = await countRows(h, 'org_unit');
    const res = await upload(
      await workbook([
        HEADER,
        ['城关镇东风村', '村/社区', '东关街道', '张建华'],
        ['南园社区第二网格', '村/社区', '东关街道', null],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    expect(await countRows(h, 'org_unit')).toBe(before + 2);
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('unit.import');
  });

  it('reports every bad cell with sheet, column, row and a Chinese reason', async () => {
    const details = await refused(
      await workbook([
        HEADER,
        ['区审计局', '机关部门', '东关街道', '某某'],
        ['', '部门', '东关街道', '这位负责人的名字实在是太长了'],
        ['区审计局', '机关部门', '东关街道', null],
        [{ formula: '1+1' }, '机关部门', '东关街道', null],
      ]),
      422,
    );
    expect(details).toEqual([
      { path: '单位!A3', message: '“单位名称”：“单位名称”为必填项' },
      { path: '单位!B3', message: expect.stringMatching(/^“单位类型”：“部门”不是有效选项，可选：机关部门、/) },
      { path: '单位!D3', message: '“主要负责人”：不能超过 10 个字（当前 14 个字）' },
      { path: '单位!A4', message: '与第 2 行重复（单位名称不能相同）' },
      { path: '单位!A5', message: expect.stringContaining('含公式') },
    ]);
  });

  it('refuses a wrong sheet name, a missing header and an empty sheet', async () => {
    expect(await refused(await workbook([HEADER, ['区审计局', '机关部门', '东关街道', null]], 'Sheet1'), 422)).toEqual([
      { path: '单位', message: '找不到名为“单位”的工作表（文件中的工作表为：Sheet1），请使用导入模板' },
    ]);
    expect(await refused(await workbook([['单位名称', '单位类型', '主要负责人']]), 422)).toEqual([
      { path: '单位!1', message: '第 1 行缺少表头“上级单位”' },
    ]);
    expect(await refused(await workbook([HEADER]), 422)).toEqual([{ path: '单位!2', message: '表头下没有任何数据行' }]);
  });

  it('lets apply refuse rows by rule, writing nothing', async () => {
    const details = await refused(
      await workbook([
        HEADER,
        ['区审计局', '机关部门', '东关街道', null],
        ['区统计局', '机关部门', '不存在的单位', null],
      ]),
      422,
    );
    expect(details).toEqual([{ path: '单位!C3', message: '上级单位不存在' }]);
  });

  it('refuses files that are not xlsx, and files over 10 MB', async () => {
    await refused(Buffer.from('单位名称,单位类型\n区审计局,机关部门\n'), 400);
    await refused(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), 400);
    const huge = Buffer.concat([await workbook([HEADER]), Buffer.alloc(IMPORT_MAX_BYTES)]);
    expect((await refused(huge, 413)) ?? []).toEqual([]);
  });

  it('requires login and the permission, and a file', async () => {
    const content = await workbook([HEADER, ['区审计局', '机关部门', '东关街道', null]]);
    const anonymous = await h.anonymous.request({
      method: 'POST',
      url: '/api/test/units/import',
      ...multipart({}, { filename: 'a.xlsx', content }),
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(content, 'zerenren')).statusCode).toBe(403);
    const noFile = await (await h.as('office')).request({
      method: 'POST',
      url: '/api/test/units/import',
      ...multipart({ a: 'b' }),
    });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('GET template', () => {
  it('has the headers and a dropdown of Chinese labels for option columns', async () => {
    const res = await (await h.as('office')).get('/api/test/units/template');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('单位');
    if (!sheet) throw new Error('template has no 单位 sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const validation = sheet.getCell('B2').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$8"] });
    expect(book.getWorksheet('选项')?.getColumn(1).values.slice(1)).toEqual(Object.values(unitKind.labels));
    expect((await h.anonymous.get('/api/test/units/template')).statusCode).toBe(401);
  });
});

describe('round trip', () => {
  it('export → import gives back exactly the exported rows', async () => {
    const exported = await (await h.as('office')).get('/api/tasks/export');
    const spec: ImportSpec = {
      sheetName: '整改台账',
      columns: TASK_LEDGER_COLUMNS.map((c) => ({
        header: c.header,
        key: c.key,
        ...('type' in c ? { type: c.type } : {}),
        ...('labels' in c ? { labels: invert(taskStatusLabel) } : {}),
      })),
    };
    const { rows } = await parseImport(exported.rawPayload, spec);
    const list = (await (await h.as('office')).get('/api/tasks?pageSize=100')).json();
    expect(rows.map(({ rowNumber: _n, ...row }) => row)).toEqual(
      list.items.map((t: Record<string, unknown>) =>
        Object.fromEntries(TASK_LEDGER_COLUMNS.map((c) => [c.key, t[c.key]])),
      ),
    );
  });
});
