// The reviewer's lifecycle (对账销号 with a checklist, 阶段性完成, 退回), 反弹 reopen and the new evidence kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/db.ts';
import { contextOf } from '../../platform/http/context.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { reopenTask } from './task.reopen.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    // Helper 5's 回访 calls reopenTask inside its own use case; this route stands in for it.
    routes: (app, deps) =>
      app.post<{ Params: { id: string }; Body: { reason: string } }>(
        '/api/test/reopen/:id',
        { config: { permission: 'task.verify' } },
        async (req) => {
          const ctx = contextOf(deps, req);
          await withTransaction(ctx.db, (tx) => reopenTask(tx, ctx, req.params.id, req.body.reason));
          return { ok: true };
        },
      ),
  });
});
afterAll(() => h.close());

const task = (id: string) =>
  h.database.db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const evidenceIds = async (id: string) =>
  (await h.database.db.selectFrom('evidence').select('id').where('task_id', '=', id).execute()).map((e) => e.id);
const upload = async (user: string, taskId: string, fields: Record<string, string>) =>
  (await h.as(user)).request({ method: 'POST', url: `/api/tasks/${taskId}/evidence`, ...multipart(fields) });
const core = { evidenceMatches: true, measuresDone: true };

describe('evidence kinds', () => {
  it('records 人员处理 without a file, with the number of people', async () => {
    const res = await upload('zerenren2', h.demo.tasks.longterm as string, {
      kind: 'person',
      description: '对违规接待责任人进行提醒谈话',
      personsCount: '2',
      personsNote: '提醒谈话 2 人',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'person',
      personsCount: 2,
      personsNote: '提醒谈话 2 人',
      institutionName: null,
    });
  });

  it('requires 制度 name, 文号 and date, and 人数 for 人员处理; nothing written', async () => {
    const before = await countRows(h, 'evidence');
    const institution = await upload('zerenren2', h.demo.tasks.longterm as string, {
      kind: 'institution',
      description: '公务接待管理办法',
    });
    expect(institution.statusCode).toBe(400);
    // the file is checked first for a 制度; without one the message asks for it
    expect(institution.json().message).toMatch(/请选择要上传的文件|制度名称/);
    const person = await upload('zerenren2', h.demo.tasks.longterm as string, { kind: 'person', description: '谈话' });
    expect(person.statusCode).toBe(400);
    expect(person.json().details).toEqual([{ path: 'personsCount', message: '请填写处理人数' }]);
    const negative = await upload('zerenren2', h.demo.tasks.longterm as string, {
      kind: 'person',
      description: '谈话',
      personsCount: '-1',
    });
    expect(negative.statusCode).toBe(400);
    expect(await countRows(h, 'evidence')).toBe(before);
  });
});

describe('阶段性完成 (verify-partly)', () => {
  it('closes a long-term task for now, with its next checkpoint and checklist in the history', async () => {
    const id = h.demo.tasks.longterm as string;
    const owner = await h.as('zerenren2');
    expect((await owner.post(`/api/tasks/${id}/submit`, { summary: '制度已印发，按季度检查' })).statusCode).toBe(200);
    const office = await h.as('office');
    const detail = (await office.get(`/api/tasks/${id}`)).json();
    expect(detail.abilities).toMatchObject({ verify: true, verifyPartly: true });
    const body = { checkedEvidenceIds: await evidenceIds(id), items: core, nextCheckpoint: '2026-09-30' };
    const past = await office.post(`/api/tasks/${id}/verify-partly`, { ...body, nextCheckpoint: '2026-06-15' });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ path: 'nextCheckpoint', message: '下次检查时间应晚于今天' }]);
    expect((await task(id)).status).toBe('submitted');
    const res = await office.post(`/api/tasks/${id}/verify-partly`, { ...body, comment: '阶段性完成' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'partly_closed', nextCheckpoint: '2026-09-30' });
    expect(res.json().history.at(-1)).toMatchObject({
      event: 'verifyPartly',
      reason: '阶段性完成',
      details: { checkedEvidenceIds: body.checkedEvidenceIds, items: core, nextCheckpoint: '2026-09-30' },
    });
  });

  it('is 409 for a task that is not long-term, 403 for the unit, 404 out of scope, 401 anonymous', async () => {
    const id = h.demo.tasks.submitted as string;
    const body = { checkedEvidenceIds: await evidenceIds(id), items: core, nextCheckpoint: '2026-09-30' };
    const res = await (await h.as('office')).post(`/api/tasks/${id}/verify-partly`, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/只有长期坚持的任务/);
    expect((await (await h.as('lianluo')).post(`/api/tasks/${id}/verify-partly`, body)).statusCode).toBe(403);
    expect((await (await h.as('office')).post(`/api/tasks/${h.outsider.taskId}/verify-partly`, body)).statusCode).toBe(
      404,
    );
    expect((await h.anonymous.post(`/api/tasks/${id}/verify-partly`, body)).statusCode).toBe(401);
  });
});

describe('对账销号 with a checklist', () => {
  it('refuses an incomplete checklist or foreign evidence, writing nothing', async () => {
    const id = h.demo.tasks.submitted as string;
    const office = await h.as('office');
    const events = await countRows(h, 'task_event');
    const unticked = await office.post(`/api/tasks/${id}/verify`, {
      checkedEvidenceIds: await evidenceIds(id),
      items: { evidenceMatches: true, measuresDone: false },
    });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.json().message).toMatch(/请确认整改措施已落实/);
    const none = await office.post(`/api/tasks/${id}/verify`, { checkedEvidenceIds: [], items: core });
    expect(none.json().message).toMatch(/请至少核对一份佐证材料/);
    const foreign = await office.post(`/api/tasks/${id}/verify`, {
      checkedEvidenceIds: await evidenceIds(h.demo.tasks.closed as string),
      items: core,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toBe('核对的材料不属于该任务');
    expect(await countRows(h, 'task_event')).toBe(events);
    expect((await task(id)).status).toBe('submitted');
  });

  it('closes with closed_at and the checklist stored on the event', async () => {
    const id = h.demo.tasks.submitted as string;
    const checked = await evidenceIds(id);
    const res = await (await h.as('office')).post(`/api/tasks/${id}/verify`, {
      checkedEvidenceIds: checked,
      items: core,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closed');
    expect(res.json().closedAt).toBe('2026-06-15T04:00:00.000Z');
    const event = await h.database.db
      .selectFrom('task_event')
      .select('details')
      .where('task_id', '=', id)
      .where('event', '=', 'verify')
      .executeTakeFirstOrThrow();
    expect(event.details).toEqual({ checkedEvidenceIds: checked, items: core });
  });

  it('needs 资金已追缴 confirmed when money evidence was checked', async () => {
    // the demo's closed task has money evidence: put it back under review to check the rule
    const id = h.demo.tasks.closed as string;
    await h.database.db.updateTable('task').set({ status: 'submitted' }).where('id', '=', id).execute();
    try {
      const office = await h.as('office');
      const checked = await evidenceIds(id);
      const res = await office.post(`/api/tasks/${id}/verify`, { checkedEvidenceIds: checked, items: core });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'items.moneyRecovered', message: '请确认资金已实际追缴到位' }]);
    } finally {
      await h.database.db.updateTable('task').set({ status: 'closed' }).where('id', '=', id).execute();
    }
  });
});

describe('退回 counts', () => {
  it('increments returned_count and records the reason', async () => {
    const id = h.demo.tasks.returned as string;
    const before = (await task(id)).returned_count;
    const owner = await h.as('zerenren2');
    await owner.post(`/api/tasks/${id}/start`, {});
    await owner.post(`/api/tasks/${id}/submit`, { summary: '已补充退费凭证' });
    const res = await (await h.as('office')).post(`/api/tasks/${id}/return`, { reason: '凭证仍不完整' });
    expect(res.statusCode).toBe(200);
    expect(res.json().returnedCount).toBe(before + 1);
    expect(res.json().history.at(-1)).toMatchObject({ event: 'return', reason: '凭证仍不完整' });
  });
});

describe('reopenTask (反弹回潮)', () => {
  it('sends a closed task back to in_progress, counts it, notifies the owner and audits it', async () => {
    const id = h.demo.tasks.closed as string;
    const res = await (await h.as('office')).post(`/api/test/reopen/${id}`, { reason: '回访发现违规发放补贴反弹' });
    expect(res.statusCode).toBe(200);
    const row = await task(id);
    expect(row).toMatchObject({ status: 'in_progress', reopened_count: 1, closed_at: null });
    const detail = (await (await h.as('office')).get(`/api/tasks/${id}`)).json();
    expect(detail.history.at(-1)).toMatchObject({ event: 'reopen', reason: '回访发现违规发放补贴反弹' });
    const notice = await h.database.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .where('subject_id', '=', id)
      .where('kind', '=', 'task_reopened')
      .executeTakeFirstOrThrow();
    expect(notice).toEqual({ user_id: h.demo.users.zerenren, kind: 'task_reopened', link: `/tasks/${id}` });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('id')
      .where('action', '=', 'task.reopen')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('reopens a 阶段性完成 task too, and refuses any other state with 409 (nothing written)', async () => {
    const partly = h.demo.tasks.longterm as string;
    expect(
      (await (await h.as('office')).post(`/api/test/reopen/${partly}`, { reason: '回头看发现反弹' })).statusCode,
    ).toBe(200);
    expect((await task(partly)).status).toBe('in_progress');
    const events = await countRows(h, 'task_event');
    const res = await (await h.as('office')).post(`/api/test/reopen/${h.demo.tasks.open}`, { reason: '反弹' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('任务当前状态为“待整改”，不能重新整改');
    expect(await countRows(h, 'task_event')).toBe(events);
    expect(
      (await (await h.as('office')).post(`/api/test/reopen/${h.outsider.taskId}`, { reason: '反弹' })).statusCode,
    ).toBe(404);
  });
});
