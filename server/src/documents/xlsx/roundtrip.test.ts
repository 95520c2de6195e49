// Export → import → export gives the same cells, for every ledger that has an import: the 三张清单
// and the 单位 (re-imported as an update of the same records, which is their import's meaning) and
// the 人才库名册 (imported into a fresh committee's 人才库: its import only adds people).
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/password.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Cells = unknown[][];

/** Every cell of the first sheet, dates as ISO days, so two workbooks compare cell by cell. */
async function cellsOf(body: Buffer, columns?: number): Promise<Cells> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: Cells = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const width = columns ?? sheet.columnCount;
    rows.push(
      Array.from({ length: width }, (_, i) => {
        const value = row.getCell(i + 1).value;
        return value instanceof Date ? value.toISOString().slice(0, 10) : value;
      }),
    );
  });
  return rows;
}

async function download(username: string, url: string): Promise<Buffer> {
  const res = await (await h.as(username)).get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.rawPayload;
}

async function upload(username: string, url: string, content: Buffer) {
  const res = await (await h.as(username)).request({
    method: 'POST',
    url,
    ...multipart({}, { filename: 'roundtrip.xlsx', content }),
  });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json();
}

describe('round trip', () => {
  it('三张清单: the exported lists import back unchanged and export the same cells', async () => {
    const url = `/api/task-lists/export?inspectionId=${h.demo.zhujianInspectionId}`;
    const first = await download('lianluo', url);
    const result = await upload('lianluo', `/api/inspections/${h.demo.zhujianInspectionId}/lists/import`, first);
    const firstCells = await cellsOf(first);
    expect(result).toEqual({ imported: firstCells.length - 1, created: 0, updated: 0 });
    expect(await cellsOf(await download('lianluo', url))).toEqual(firstCells);
  });

  it('单位: the exported tree imports back as an update of every unit and exports the same cells', async () => {
    // the demo tree has no 单位代码 (the import's key): give every unit one, parents first
    await sql`
      UPDATE org_unit u SET code = 'RT' || lpad(n.rn::text, 3, '0')
      FROM (SELECT id, row_number() OVER (ORDER BY path) AS rn FROM org_unit) n
      WHERE u.id = n.id AND u.committee_id = ${h.demo.committeeId}`.execute(h.database.db);
    const first = await download('office', '/api/units/export');
    const units = await countRows(h, 'org_unit');
    const firstCells = await cellsOf(first);
    expect(await upload('office', '/api/units/import', first)).toEqual({ imported: firstCells.length - 1 });
    expect(await countRows(h, 'org_unit')).toBe(units);
    expect(await cellsOf(await download('office', '/api/units/export'))).toEqual(firstCells);
  });

  it('人才库名册: the roster imports into another committee and exports the same cells', async () => {
    const fresh = await h.database.db
      .insertInto('committee')
      .values({ name: '中共示例市新区工委', level: '区县委' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await h.database.db
      .insertInto('app_user')
      .values({
        username: 'xinqu',
        display_name: '新区巡察办',
        password_hash: await hashPassword(DEMO_PASSWORD),
        committee_id: fresh.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.database.db
      .insertInto('user_role')
      .values({ user_id: user.id, role_code: 'office_director', scope_kind: 'committee', scope_id: fresh.id })
      .execute();
    const first = await download('office', '/api/cadres/export');
    // the 名册's own columns; 参加巡察次数 and the like are the demo committee's history, not the person's
    const importColumns = 9;
    const firstCells = await cellsOf(first, importColumns);
    expect(firstCells.length).toBeGreaterThan(2);
    expect(await upload('xinqu', '/api/cadres/import', first)).toEqual({ imported: firstCells.length - 1 });
    const again = await cellsOf(await download('xinqu', '/api/cadres/export'), importColumns);
    const byName = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(again[0]).toEqual(firstCells[0]);
    expect(again.slice(1).sort(byName)).toEqual(firstCells.slice(1).sort(byName));
    // the same file again would double the 人才库: refused, cell by cell
    const twice = await (await h.as('xinqu')).request({
      method: 'POST',
      url: '/api/cadres/import',
      ...multipart({}, { filename: 'again.xlsx', content: first }),
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().details[0]).toEqual({
      path: '人才库名册!A2',
      message: expect.stringContaining('不能重复导入'),
    });
  });
});
