// Issuing 督办单 and reading them through the real HTTP API: scope, permission, state of the case, numbering,
// default response date on the working-day calendar, notices to the unit, the list, suggestions and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addOtherUnitLiaison, addOutsiderOrder, caseOf, count } from './supervision.fixtures.ts';

let h: Harness;
let zhujianCase: string;
let outsiderCase: string;
let outsiderOrder: string;
let overdueTask: string;
const issueUrl = (id: string) => `/api/rectifications/${id}/supervision-orders`;

beforeAll(async () => {
  h = await createHarness();
  zhujianCase = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderCase = await caseOf(h, h.outsider.inspectionId);
  outsiderOrder = await addOutsiderOrder(h);
  overdueTask = h.demo.tasks.overdue as string;
  await addOtherUnitLiaison(h);
});
afterAll(() => h.close());

describe('POST /api/rectifications/:id/supervision-orders', () => {
  it('suggests the overdue task before any order exists', async () => {
    const res = await (await h.as('office')).get('/api/supervision/suggestions');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((s: { taskId: string }) => s.taskId === overdueTask);
    expect(item).toMatchObject({ reason: 'overdue', overdue: true, overdueDays: 10, rectificationId: zhujianCase });
  });

  it('issues 督办〔2026〕1号 on a task, due in 10 working days (端午 skipped), and notifies head and liaison', async () => {
    const before = await count(h, 'notification');
    const res = await (await h.as('office')).post(issueUrl(zhujianCase), {
      reason: 'overdue',
      content: '请说明逾期原因并限期完成',
      taskId: overdueTask,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '督办〔2026〕1号',
      status: 'issued',
      responseDue: '2026-06-30',
      taskId: overdueTask,
      unitName: '区住房和城乡建设局',
      answerOverdue: false,
      abilities: { answer: false, close: false, reject: false, escalate: true, document: true },
    });
    expect(await count(h, 'notification')).toBe(before + 2);
    const notices = await h.database.db
      .selectFrom('notification')
      .innerJoin('app_user as u', 'u.id', 'notification.user_id')
      .select(['u.username', 'notification.kind'])
      .where('notification.subject_id', '=', res.json().id)
      .orderBy('u.username')
      .execute();
    expect(notices).toEqual([
      { username: 'danwei', kind: 'supervision' },
      { username: 'lianluo', kind: 'supervision' },
    ]);
  });

  it('no longer suggests a task with an open order', async () => {
    const res = await (await h.as('office')).get('/api/supervision/suggestions');
    expect(res.json().items.map((s: { taskId: string }) => s.taskId)).not.toContain(overdueTask);
  });

  it('issues the next number to the unit as a whole with a chosen date', async () => {
    const res = await (await h.as('banshi')).post(issueUrl(zhujianCase), {
      reason: 'slow',
      content: '整改进度明显滞后',
      responseDue: '2026-07-10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '督办〔2026〕2号', taskId: null, responseDue: '2026-07-10' });
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const office = await h.as('office');
    const before = await count(h, 'supervision_order');
    const cases = [
      [{ reason: 'nope', content: 'x' }, 'reason'],
      [{ reason: 'manual', content: '  ' }, '请填写督办事项'],
      [{ reason: 'manual', content: 'x', responseDue: '2026-06-15' }, '答复期限应晚于今天'],
      [{ reason: 'manual', content: 'x', taskId: h.outsider.taskId }, '所选任务不属于该单位的整改'],
    ] as const;
    for (const [body, message] of cases) {
      const res = await office.post(issueUrl(zhujianCase), body);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
    }
    expect(await count(h, 'supervision_order')).toBe(before);
  });

  it('answers 401 anonymous, 403 without supervision.issue, 404 out of scope, 409 after sign-off', async () => {
    const body = { reason: 'manual', content: '督办' };
    expect((await h.anonymous.post(issueUrl(zhujianCase), body)).statusCode).toBe(401);
    expect((await (await h.as('lianluo')).post(issueUrl(zhujianCase), body)).statusCode).toBe(403);
    expect((await (await h.as('office')).post(issueUrl(outsiderCase), body)).statusCode).toBe(404);
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'signed_off', signed_off_at: '2026-06-15T00:00:00Z' })
      .where('id', '=', zhujianCase)
      .execute();
    const before = await count(h, 'supervision_order');
    const res = await (await h.as('office')).post(issueUrl(zhujianCase), body);
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'rectifying', signed_off_at: null })
      .where('id', '=', zhujianCase)
      .execute();
    expect(res.statusCode).toBe(409);
    expect(await count(h, 'supervision_order')).toBe(before);
  });
});

describe('GET /api/supervision-orders', () => {
  it('lists the committee orders for the office and the unit its own, filters and paginates', async () => {
    const office = await h.as('office');
    const all = await office.get('/api/supervision-orders?pageSize=1');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.json().items).toHaveLength(1);
    expect((await office.get('/api/supervision-orders?reason=slow')).json().total).toBe(1);
    expect(
      (await office.get(`/api/supervision-orders?unitId=${h.demo.units.zhujian}&status=issued`)).json().total,
    ).toBe(2);
    expect((await office.get('/api/supervision-orders?overdue=true')).json().total).toBe(0);
    expect((await office.get('/api/supervision-orders?q=1号')).json().total).toBe(1);
    const unit = await (await h.as('lianluo')).get('/api/supervision-orders');
    expect(unit.json().total).toBe(2);
    expect(unit.json().items[0].abilities.answer).toBe(true);
    expect((await (await h.as('jiaoyu_lianluo')).get('/api/supervision-orders')).json().total).toBe(0);
  });

  it('derives answer-overdue from the date: two days past the response date', async () => {
    h.clock.set(new Date('2026-07-02T04:00:00Z'));
    // a fresh session: the cached one has been idle for two weeks of clock time
    const res = await (await h.login('office')).get('/api/supervision-orders?overdue=true');
    h.clock.set(new Date('2026-06-15T04:00:00Z'));
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({ code: '督办〔2026〕1号', answerOverdue: true, overdueDays: 2 });
  });

  it('refuses bad filters, anonymous and users without supervision.read', async () => {
    const bad = await (await h.as('office')).get('/api/supervision-orders?status=nope');
    expect(bad.statusCode).toBe(400);
    expect((await h.anonymous.get('/api/supervision-orders')).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get('/api/supervision-orders')).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).get('/api/supervision/suggestions')).statusCode).toBe(403);
  });

  it('exports the list as .xlsx and audits it', async () => {
    const res = await (await h.as('office')).get('/api/supervision-orders/export?reason=overdue');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'supervision_order.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 1 });
  });
});

describe('GET /api/supervision-orders/:id and its document', () => {
  it('shows the order with its history; 404 for another unit and another committee', async () => {
    const list = await (await h.as('office')).get('/api/supervision-orders?reason=overdue');
    const id = list.json().items[0].id;
    const res = await (await h.as('danwei')).get(`/api/supervision-orders/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().history).toMatchObject([{ event: 'issue', toStatus: 'issued', actorName: '王芳' }]);
    expect((await (await h.as('jiaoyu_lianluo')).get(`/api/supervision-orders/${id}`)).statusCode).toBe(404);
    expect((await (await h.as('office')).get(`/api/supervision-orders/${outsiderOrder}`)).statusCode).toBe(404);
    expect((await h.anonymous.get(`/api/supervision-orders/${id}`)).statusCode).toBe(401);
    expect((await (await h.as('office')).get('/api/supervision-orders/not-an-id')).statusCode).toBe(400);
  });

  it('generates the 督办通知单 as .docx', async () => {
    const list = await (await h.as('office')).get('/api/supervision-orders?reason=overdue');
    const id = list.json().items[0].id;
    const res = await (await h.as('lianluo')).get(`/api/supervision-orders/${id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await h.as('office')).get(`/api/supervision-orders/${outsiderOrder}/document`)).statusCode).toBe(
      404,
    );
  });
});
