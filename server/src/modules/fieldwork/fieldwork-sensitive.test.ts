// Sensitive notes and petitioners' identities: sealed at rest, opened only for fieldwork.read_sensitive
// in scope, every opening audited by id alone; lists, counts, audit entries and exports never carry them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addFieldworkUsers, bodies, listUrl, NOTES, PETITIONER } from './fieldwork.test-support.ts';

let h: Harness;
let url: string;
let interviewId: string;
let petitionId: string;
let openPetitionId: string;
let selfCheckId: string;

const detail = async (username: string, id: string) => (await h.as(username)).get(`/api/fieldwork/${id}`);
const contentReads = async (id: string) =>
  (
    await h.database.db
      .selectFrom('audit_entry')
      .select(['actor_name as actor', 'before', 'after'])
      .where('action', '=', 'fieldwork.read_content')
      .where('entity_id', '=', id)
      .execute()
  ).map((a) => a.actor);

beforeAll(async () => {
  h = await createHarness();
  await addFieldworkUsers(h);
  url = listUrl(h.demo.jiaoyuInspectionId);
  const zuyuan = await h.as('zuyuan');
  interviewId = (await zuyuan.post(url, bodies.interview())).json().id;
  petitionId = (await zuyuan.post(url, bodies.petition())).json().id;
  openPetitionId = (await zuyuan.post(url, { ...bodies.petition(), title: '来访登记', sensitive: false })).json().id;
  selfCheckId = (await (await h.as('jy_lianluo')).post(url, bodies.selfCheck())).json().id;
});
afterAll(() => h.close());

describe('a sensitive interview', () => {
  it('is stored sealed: no plaintext in the row', async () => {
    const row = await h.database.db
      .selectFrom('fieldwork_record')
      .select(['summary', 'summary_sealed', 'details'])
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
    expect(row.summary).toBeNull();
    expect(row.summary_sealed).toMatch(/^sm4:/);
    expect(row.summary_sealed).not.toContain(NOTES);
    expect(row.summary_sealed).not.toContain(Buffer.from(NOTES).toString('base64').slice(0, 16));
  });

  it('is read by the recorder, the team leader and the 巡察办主任, each read audited by id only', async () => {
    for (const username of ['zuyuan', 'zuzhang', 'office']) {
      const res = await detail(username, interviewId);
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toMatchObject({ summary: NOTES, sensitive: true, abilities: { readContent: true } });
    }
    expect((await contentReads(interviewId)).sort()).toEqual(['钱进', '赵刚', '王芳'].sort());
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .select(['entity', 'before', 'after'])
      .where('action', '=', 'fieldwork.read_content')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ entity: 'fieldwork_record', before: null, after: null });
  });

  it('shows office staff and the leader that it exists, without the notes; its detail is 403', async () => {
    for (const username of ['banshi', 'leader']) {
      const list = (await (await h.as(username)).get(url)).json();
      const row = list.items.find((r: { id: string }) => r.id === interviewId);
      expect(row, username).toMatchObject({
        title: '与财务科科长个别谈话',
        kind: 'interview',
        occurredOn: '2026-06-10',
        summary: null,
        abilities: { update: false, readContent: false, attach: false },
      });
      const res = await detail(username, interviewId);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe('无权查看该记录内容');
      expect(res.body).not.toContain(NOTES);
    }
    expect(await contentReads(interviewId)).toHaveLength(3);
  });

  it('is invisible to the inspected unit, which sees only its own self-check', async () => {
    for (const username of ['jy_lianluo', 'jy_danwei']) {
      expect((await detail(username, interviewId)).statusCode, username).toBe(404);
      const list = (await (await h.as(username)).get(url)).json();
      expect(list.items.map((r: { id: string }) => r.id)).toEqual([selfCheckId]);
      expect((await detail(username, selfCheckId)).json().summary).toBe('对照巡察重点逐项自查，发现问题 2 个。');
    }
    for (const username of ['danwei', 'lianluo', 'xicheng']) {
      expect((await detail(username, interviewId)).statusCode, username).toBe(404);
      expect((await detail(username, selfCheckId)).statusCode, username).toBe(404);
    }
  });
});

describe('a petitioner', () => {
  it('is sealed apart from the details and never in a list', async () => {
    const row = await h.database.db
      .selectFrom('fieldwork_record')
      .select(['details', 'identity_sealed'])
      .where('id', '=', petitionId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.details)).not.toContain(PETITIONER);
    expect(row.identity_sealed).toMatch(/^sm4:/);
    const list = await (await h.as('zuzhang')).get(url);
    expect(list.body).not.toContain(PETITIONER);
    expect((await detail('zuzhang', petitionId)).json().petitioner).toEqual({
      name: PETITIONER,
      contact: '138****0000',
    });
  });

  it('stays protected on a petition whose notes are not sensitive', async () => {
    const before = (await contentReads(openPetitionId)).length;
    const staff = await detail('banshi', openPetitionId);
    expect(staff.statusCode).toBe(200);
    expect(staff.json()).toMatchObject({ summary: '来信反映某中学食堂采购价格明显高于市场价。', petitioner: null });
    expect(await contentReads(openPetitionId)).toHaveLength(before);
    expect((await detail('zuyuan', openPetitionId)).json().petitioner.name).toBe(PETITIONER);
    expect(await contentReads(openPetitionId)).toHaveLength(before + 1);
  });
});

describe('what leaves the sealed columns', () => {
  it('no audit entry holds the notes or a petitioner', async () => {
    const entries = await h.database.db.selectFrom('audit_entry').select(['before', 'after']).execute();
    const text = JSON.stringify(entries);
    expect(text).not.toContain(NOTES);
    expect(text).not.toContain(PETITIONER);
    expect(text).not.toContain('孙丽'); // not even the interviewee
  });

  it('the export has the rows of the list, without sensitive notes or petitioners', async () => {
    const res = await (await h.as('zuzhang')).get(`/api/fieldwork/export?inspectionId=${h.demo.jiaoyuInspectionId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('了解情况')?.eachRow((r) => {
      cells.push(...(r.values as ExcelJS.CellValue[]).map((v) => String(v ?? '')));
    });
    const text = cells.join('|');
    expect(text).toContain('与财务科科长个别谈话');
    expect(text).toContain('（敏感内容，不导出）');
    expect(text).toContain('来信（实名）');
    expect(text).toContain('对照巡察重点逐项自查');
    expect(text).not.toContain(NOTES);
    expect(text).not.toContain(PETITIONER);
    const unit = await (await h.as('jy_lianluo')).get(
      `/api/fieldwork/export?inspectionId=${h.demo.jiaoyuInspectionId}`,
    );
    expect(unit.statusCode).toBe(200);
    const outsider = await (await h.as('xicheng')).get(
      `/api/fieldwork/export?inspectionId=${h.demo.jiaoyuInspectionId}`,
    );
    expect(outsider.statusCode).toBe(404);
    const exports = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'fieldwork.export')
      .execute();
    expect(exports).toHaveLength(2);
  });
});
