// 三张清单: the ledger, task edits (one and bulk) and the finding ledger fields, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const patch = async (user: string, url: string, payload: unknown) =>
  (await h.as(user)).request({ method: 'PATCH', url, payload: payload as object });
const lists = (id: string, query = '') => `/api/inspections/${id}/lists${query}`;
const taskRow = (id: string) =>
  h.database.db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditCount = async (action: string) =>
  (await h.database.db.selectFrom('audit_entry').select('id').where('action', '=', action).execute()).length;

describe('GET /api/inspections/:id/lists (三张清单)', () => {
  it('returns one row per task, a row for a finding without tasks, paged by finding', async () => {
    const res = await (await h.as('lianluo')).get(lists(h.demo.zhujianInspectionId));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(7);
    const f4 = body.items.filter((r: { findingId: string }) => r.findingId === h.demo.findings.f4);
    expect(f4).toEqual([expect.objectContaining({ task: null, completion: 'not_done', findingSeq: 4 })]);
    const overdue = body.items.find((r: { task: { id: string } | null }) => r.task?.id === h.demo.tasks.overdue);
    expect(overdue.task).toMatchObject({
      overdue: true,
      responsibleDepartment: '政策法规科',
      abilities: { update: true },
    });
    expect(overdue.findingAbilities).toEqual({ ledger: true, createTask: true });
    const closed = body.items.find((r: { task: { id: string } | null }) => r.task?.id === h.demo.tasks.closed);
    expect(closed.task.abilities.update).toBe(false);

    const page = (await (await h.as('lianluo')).get(lists(h.demo.zhujianInspectionId, '?pageSize=1&page=2'))).json();
    expect(page.total).toBe(4);
    expect(page.items.map((r: { findingSeq: number }) => r.findingSeq)).toEqual([2, 2]);
  });

  it('filters by overdue and keyword; the office sees it read-only', async () => {
    const office = await h.as('office');
    const body = (await office.get(lists(h.demo.zhujianInspectionId, '?overdue=true'))).json();
    expect(body.total).toBe(1);
    expect(body.items.every((r: { findingId: string }) => r.findingId === h.demo.findings.f2)).toBe(true);
    expect(body.items[0].findingAbilities.ledger).toBe(false);
    expect(body.items[0].task.abilities.update).toBe(false);
    expect((await office.get(lists(h.demo.zhujianInspectionId, '?q=%25'))).json().total).toBe(0);
  });

  it('is 400 for bad filters, 401 anonymous, 403 without permission, 404 out of scope', async () => {
    const bad = await (await h.as('office')).get(lists(h.demo.zhujianInspectionId, '?completion=x&pageSize=500'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/每页最多 100 条/);
    expect((await h.anonymous.get(lists(h.demo.zhujianInspectionId))).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get(lists(h.demo.zhujianInspectionId))).statusCode).toBe(403);
    expect((await (await h.as('office')).get(lists(h.outsider.inspectionId))).statusCode).toBe(404);
    expect((await (await h.as('lianluo')).get(lists(h.demo.jiaoyuInspectionId))).statusCode).toBe(404);
  });
});

describe('PATCH /api/tasks/:id', () => {
  it('edits the responsibility fields with an audit entry holding before and after', async () => {
    const id = h.demo.tasks.open as string;
    const res = await patch('lianluo', `/api/tasks/${id}`, {
      responsibleLeader: '张副局长',
      dueDate: '2026-09-30',
      ownerUserId: h.demo.users.zerenren2,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ responsibleLeader: '张副局长', dueDate: '2026-09-30', ownerName: '陈晨' });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'task.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ responsibleLeader: '吴建国', ownerUserId: h.demo.users.zerenren });
    expect(audit.after).toMatchObject({ responsibleLeader: '张副局长', dueDate: '2026-09-30' });
  });

  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const id = h.demo.tasks.open as string;
    const before = await taskRow(id);
    const empty = await patch('lianluo', `/api/tasks/${id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/请至少修改一项/);
    const past = await patch('lianluo', `/api/tasks/${id}`, { dueDate: '2026-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ path: 'dueDate', message: '完成时限不能早于今天' }]);
    const stranger = await patch('lianluo', `/api/tasks/${id}`, { ownerUserId: h.outsider.ownerId });
    expect(stranger.json().details).toEqual([{ path: 'ownerUserId', message: '责任人必须是本单位人员' }]);
    expect((await patch('lianluo', `/api/tasks/${id}`, { title: '' })).statusCode).toBe(400);
    expect(await taskRow(id)).toEqual(before);
  });

  it('is 401 anonymous, 403 for the office, 404 out of scope, 409 when closed', async () => {
    const id = h.demo.tasks.open as string;
    expect(
      (await h.anonymous.request({ method: 'PATCH', url: `/api/tasks/${id}`, payload: { title: 'x' } })).statusCode,
    ).toBe(401);
    expect((await patch('office', `/api/tasks/${id}`, { title: '新标题' })).statusCode).toBe(403);
    expect((await patch('lianluo', `/api/tasks/${h.outsider.taskId}`, { title: '新标题' })).statusCode).toBe(404);
    const closed = await patch('lianluo', `/api/tasks/${h.demo.tasks.closed}`, { title: '新标题' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toMatch(/已销号/);
  });
});

describe('PATCH /api/tasks/bulk', () => {
  it('changes every selected task at once', async () => {
    const ids = [h.demo.tasks.open, h.demo.tasks.longterm] as string[];
    const before = await auditCount('task.update');
    const res = await patch('lianluo', '/api/tasks/bulk', { ids, set: { responsibleDepartment: '局办公室（统筹）' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    for (const id of ids) expect((await taskRow(id)).responsible_department).toBe('局办公室（统筹）');
    expect(await auditCount('task.update')).toBe(before + 2);
  });

  it('is all-or-nothing: one closed task (409) or one out of scope (404) changes none', async () => {
    const open = h.demo.tasks.open as string;
    const before = await taskRow(open);
    const closed = await patch('lianluo', '/api/tasks/bulk', {
      ids: [open, h.demo.tasks.closed],
      set: { responsibleLeader: '新领导' },
    });
    expect(closed.statusCode).toBe(409);
    const outside = await patch('lianluo', '/api/tasks/bulk', {
      ids: [open, h.outsider.taskId],
      set: { responsibleLeader: '新领导' },
    });
    expect(outside.statusCode).toBe(404);
    expect(await taskRow(open)).toEqual(before);
  });

  it('refuses bad input (400), anonymous (401) and the office (403)', async () => {
    const open = h.demo.tasks.open as string;
    const dup = await patch('lianluo', '/api/tasks/bulk', { ids: [open, open], set: { responsibleLeader: 'x' } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toMatch(/任务不能重复/);
    expect((await patch('lianluo', '/api/tasks/bulk', { ids: [open], set: {} })).statusCode).toBe(400);
    expect((await patch('lianluo', '/api/tasks/bulk', { ids: [], set: { responsibleLeader: 'x' } })).statusCode).toBe(
      400,
    );
    const anon = await h.anonymous.request({
      method: 'PATCH',
      url: '/api/tasks/bulk',
      payload: { ids: [open], set: { responsibleLeader: 'x' } },
    });
    expect(anon.statusCode).toBe(401);
    expect(
      (await patch('office', '/api/tasks/bulk', { ids: [open], set: { responsibleLeader: 'x' } })).statusCode,
    ).toBe(403);
  });
});

describe('PATCH /api/findings/:id/ledger', () => {
  it('records 完成情况 and the flags, audited', async () => {
    const id = h.demo.findings.f1 as string;
    const res = await patch('danwei', `/api/findings/${id}/ledger`, { completion: 'basically_done', keyFocus: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      findingId: id,
      completion: 'basically_done',
      ongoing: false,
      doneInPeriod: null,
      keyFocus: true,
    });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'finding.ledger')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ completion: 'not_done', keyFocus: false });
    const row = (await (await h.as('lianluo')).get(lists(h.demo.zhujianInspectionId, '?keyFocus=true'))).json();
    expect(row.total).toBe(1);
  });

  it('refuses bad input (nothing written), 401, 403, 404, and 409 for a finding not fed back', async () => {
    const id = h.demo.findings.f2 as string;
    const audits = await countRows(h, 'audit_entry');
    const bad = await patch('lianluo', `/api/findings/${id}/ledger`, { completion: 'finished', ongoing: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(await countRows(h, 'audit_entry')).toBe(audits);
    expect((await patch('lianluo', `/api/findings/${id}/ledger`, {})).statusCode).toBe(400);
    const anon = await h.anonymous.request({
      method: 'PATCH',
      url: `/api/findings/${id}/ledger`,
      payload: { keyFocus: true },
    });
    expect(anon.statusCode).toBe(401);
    expect((await patch('office', `/api/findings/${id}/ledger`, { keyFocus: true })).statusCode).toBe(403);
    expect(
      (await patch('lianluo', `/api/findings/${h.outsider.findingId}/ledger`, { keyFocus: true })).statusCode,
    ).toBe(404);
    // a draft finding is the team's: the unit cannot see it (404); a 立行立改 draft it sees, but has no ledger yet (409)
    const f4 = h.demo.findings.f4 as string;
    await h.database.db.updateTable('finding').set({ status: 'draft' }).where('id', '=', f4).execute();
    try {
      expect((await patch('lianluo', `/api/findings/${f4}/ledger`, { keyFocus: true })).statusCode).toBe(404);
      await h.database.db.updateTable('finding').set({ immediate: true }).where('id', '=', f4).execute();
      const early = await patch('lianluo', `/api/findings/${f4}/ledger`, { keyFocus: true });
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toBe('问题尚未反馈，还没有整改台账');
    } finally {
      await h.database.db
        .updateTable('finding')
        .set({ status: 'fed_back', immediate: false })
        .where('id', '=', f4)
        .execute();
    }
  });
});
