// 粘贴导入: POST /api/inspections/:id/lists/rows — rows pasted into the 三张清单 grid become tasks with the
// .xlsx import's checks; a dry run for the preview; all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const url = (id = h.demo.zhujianInspectionId) => `/api/inspections/${id}/lists/rows`;
const post = async (user: string, payload: object, id?: string) =>
  (await h.as(user)).request({ method: 'POST', url: url(id), payload });

const row = (overrides: Record<string, string> = {}) => ({
  findingSeq: '4',
  title: '建立年度检查计划',
  measures: '制定并印发年度检查计划',
  responsibleLeader: '吴建国',
  responsibleDepartment: '局办公室',
  ownerName: '冯伟',
  dueDate: '2026/8/31',
  longTerm: '否',
  ...overrides,
});
const snapshot = async () => ({
  tasks: await countRows(h, 'task'),
  events: await countRows(h, 'task_event'),
  // logins are audited too: count the writes only
  audits: (await h.database.db.selectFrom('audit_entry').select('id').where('action', 'not like', 'auth.%').execute())
    .length,
});
const tasksOf = (findingId: string) =>
  h.database.db.selectFrom('task').selectAll().where('finding_id', '=', findingId).orderBy('seq').execute();

describe('POST /api/inspections/:id/lists/rows', () => {
  it('a dry run checks the rows and writes nothing', async () => {
    const before = await snapshot();
    const res = await post('lianluo', { rows: [row(), row({ title: '第二项' })], dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, created: 2, updated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('creates every row as a task with history and audit, dates as YYYY/M/D and 长期坚持 是', async () => {
    const before = await snapshot();
    const res = await post('lianluo', {
      rows: [
        row(),
        row({ findingSeq: '1', title: '=HYPERLINK("x")', dueDate: '2026-09-30', longTerm: '是', ownerName: '陈晨' }),
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, created: 2, updated: 0 });
    const f4 = await tasksOf(h.demo.findings.f4 as string);
    expect(f4.at(-1)).toMatchObject({
      title: '建立年度检查计划',
      due_date: '2026-08-31',
      long_term: false,
      status: 'open',
      owner_user_id: h.demo.users.zerenren,
    });
    const f1 = await tasksOf(h.demo.findings.f1 as string);
    // formula-like text stays text; the task takes the next 序号 of its finding
    expect(f1.at(-1)).toMatchObject({
      title: '=HYPERLINK("x")',
      due_date: '2026-09-30',
      long_term: true,
      owner_user_id: h.demo.users.zerenren2,
      seq: f1.length,
    });
    const after = await snapshot();
    expect(after.tasks).toBe(before.tasks + 2);
    expect(after.events).toBe(before.events + 2);
    const actions = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('action', 'in', ['task_lists.paste', 'task.create'])
      .execute();
    expect(actions.filter((a) => a.action === 'task.create')).toHaveLength(2);
    expect(actions.find((a) => a.action === 'task_lists.paste')?.after).toMatchObject({ rows: 2, created: 2 });
  });

  it('is 422 with every bad row and column in Chinese, and nothing written', async () => {
    const before = await snapshot();
    const res = await post('lianluo', {
      rows: [
        row(),
        row({ findingSeq: '', dueDate: '明天' }),
        row({ findingSeq: '99' }),
        row({ ownerName: '不存在的人', longTerm: '也许' }),
        row({ title: '', measures: '' }),
        row({ dueDate: '2026-01-01' }),
        row({ title: '长'.repeat(201) }),
      ],
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_invalid');
    expect(body.message).toMatch(/粘贴的内容有 \d+ 处错误.*本次未导入任何数据/);
    const byPath = Object.fromEntries(body.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath).toMatchObject({
      'rows.1.findingSeq': '“问题序号”为必填项',
      'rows.1.dueDate': expect.stringMatching(/“完成时限”：“明天”不是有效日期/),
      'rows.2.findingSeq': '本次巡察没有已反馈的第 99 号问题',
      'rows.3.longTerm': expect.stringMatching(/应填“是”或“否”/),
      'rows.4.title': '“整改任务”为必填项',
      'rows.4.measures': '“整改措施”为必填项',
      'rows.5.dueDate': '完成时限不能早于今天',
      'rows.6.title': expect.stringMatching(/不能超过 200 个字/),
    });
    // a row with a bad cell is not looked up further: its owner is checked once the cell is fixed
    expect(byPath['rows.3.ownerName']).toBeUndefined();
    expect(Object.keys(byPath).some((p) => p.startsWith('rows.0.'))).toBe(false);
    // in row order
    const rows = body.details.map((d: { path: string }) => Number(d.path.split('.')[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(await snapshot()).toEqual(before);

    const owner = await post('lianluo', { rows: [row({ ownerName: '不存在的人' })] });
    expect(owner.statusCode).toBe(422);
    expect(owner.json().details).toEqual([{ path: 'rows.0.ownerName', message: '责任人“不存在的人”不是本单位人员' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('is 400 for an empty or oversized body', async () => {
    const before = await snapshot();
    const empty = await post('lianluo', { rows: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/请至少粘贴一行任务/);
    const many = await post('lianluo', { rows: Array.from({ length: 501 }, () => row()) });
    expect(many.statusCode).toBe(400);
    expect(many.json().message).toMatch(/一次最多粘贴 500 行/);
    expect(await snapshot()).toEqual(before);
  });

  it('is 401 anonymous, 403 without task.update, 404 out of scope', async () => {
    const before = await snapshot();
    const payload = { rows: [row()] };
    expect((await h.anonymous.request({ method: 'POST', url: url(), payload })).statusCode).toBe(401);
    expect((await post('office', payload)).statusCode).toBe(403);
    expect((await post('lianluo', payload, h.outsider.inspectionId)).statusCode).toBe(404);
    expect((await post('lianluo', payload, h.demo.jiaoyuInspectionId)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('is 409 for an inspection whose findings are not fed back yet', async () => {
    const jiaoyu = h.demo.units.jiaoyu as string;
    await addUser(h, {
      username: 'jiaoyu_paste',
      displayName: '蒋欣',
      unitId: jiaoyu,
      role: 'unit_liaison',
      scopeKind: 'unit',
      scopeId: jiaoyu,
    });
    const before = await snapshot();
    const res = await post(
      'jiaoyu_paste',
      { rows: [row({ findingSeq: '1', ownerName: '蒋欣' })] },
      h.demo.jiaoyuInspectionId,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('本次巡察尚未反馈问题，不能分解整改任务');
    expect(await snapshot()).toEqual(before);
  });
});
