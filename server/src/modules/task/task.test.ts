// The task ledger and lifecycle through the real HTTP API on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A 对账销号 checklist over every piece of the task's evidence. */
async function checklistFor(taskId: string, comment?: string) {
  const rows = await h.database.db.selectFrom('evidence').select('id').where('task_id', '=', taskId).execute();
  return {
    comment,
    checkedEvidenceIds: rows.length ? rows.map((r) => r.id) : ['00000000-0000-4000-8000-000000000000'],
    items: { evidenceMatches: true, measuresDone: true },
  };
}

const validTask = (ownerUserId: string, dueDate: string) => ({
  title: '建立工程项目招标前置审查制度',
  measures: '制定审查清单，所有项目招标前由法规科审查。',
  responsibleLeader: '吴建国',
  responsibleDepartment: '政策法规科',
  ownerUserId,
  dueDate,
});

describe('GET /api/tasks (整改台账)', () => {
  it('lists the unit ledger for the liaison with derived overdue', async () => {
    const res = await (await h.as('lianluo')).get('/api/tasks?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    const overdue = body.items.filter((t: { overdue: boolean }) => t.overdue);
    expect(overdue.map((t: { id: string }) => t.id)).toEqual([h.demo.tasks.overdue]);
  });

  it('filters by overdue, status and keyword', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/tasks?overdue=true')).json().total).toBe(1);
    expect((await office.get('/api/tasks?status=submitted')).json().items.map((t: { id: string }) => t.id)).toEqual([
      h.demo.tasks.submitted,
    ]);
    expect((await office.get(`/api/tasks?q=${encodeURIComponent('招标管理办法')}`)).json().total).toBe(1);
    expect((await office.get(`/api/tasks?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });

  it('overdue follows the clock (time travel)', async () => {
    h.clock.set(new Date('2027-06-15T04:00:00Z'));
    try {
      // a year later the cached session has expired: log in again
      const office = await h.login('office');
      expect((await office.get('/api/tasks?overdue=true')).json().total).toBe(5);
    } finally {
      h.clock.set(new Date('2026-06-15T04:00:00Z'));
    }
  });

  it('shows a task owner only their own tasks', async () => {
    const body = (await (await h.as('zerenren2')).get('/api/tasks')).json();
    expect(body.total).toBe(2);
    expect(body.items.every((t: { ownerName: string }) => t.ownerName === '陈晨')).toBe(true);
  });

  it('never shows another committee’s tasks', async () => {
    const body = (await (await h.as('office')).get('/api/tasks?pageSize=100')).json();
    expect(body.items.some((t: { id: string }) => t.id === h.outsider.taskId)).toBe(false);
  });

  it('rejects bad filters with a Chinese message', async () => {
    const res = await (await h.as('office')).get('/api/tasks?pageSize=1000&overdue=yes');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
    expect(res.json().message).toMatch(/每页最多 100 条/);
    expect(
      res
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['overdue', 'pageSize']);
  });

  it('requires login and the permission', async () => {
    expect((await h.anonymous.get('/api/tasks')).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get('/api/tasks')).statusCode).toBe(403);
  });
});

describe('GET /api/tasks/:id', () => {
  it('returns history, evidence and abilities', async () => {
    const res = await (await h.as('office')).get(`/api/tasks/${h.demo.tasks.submitted}`);
    expect(res.statusCode).toBe(200);
    const task = res.json();
    expect(task.history.map((e: { event: string }) => e.event)).toEqual(['create', 'start', 'submit']);
    expect(task.evidence).toHaveLength(1);
    expect(task.abilities).toMatchObject({
      verify: true,
      return: true,
      start: false,
      submit: false,
      uploadEvidence: false,
    });
  });

  it('is 404 out of scope and for unknown ids, 400 for a malformed id', async () => {
    const office = await h.as('office');
    expect((await office.get(`/api/tasks/${h.outsider.taskId}`)).statusCode).toBe(404);
    expect((await office.get('/api/tasks/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await office.get('/api/tasks/abc')).statusCode).toBe(400);
    // a task owner cannot open a colleague's task
    expect((await (await h.as('zerenren2')).get(`/api/tasks/${h.demo.tasks.submitted}`)).statusCode).toBe(404);
  });
});

describe('POST /api/findings/:id/tasks (分解任务)', () => {
  it('creates a task with history and grants the owner the task_owner role', async () => {
    const liaison = await h.as('lianluo');
    const res = await liaison.post(
      `/api/findings/${h.demo.findings.f4}/tasks`,
      validTask(h.demo.users.zerenren2 as string, '2026-08-31'),
    );
    expect(res.statusCode).toBe(200);
    const task = res.json();
    expect(task).toMatchObject({ status: 'open', seq: 1, ownerName: '陈晨', overdue: false, dueDate: '2026-08-31' });
    const detail = (await liaison.get(`/api/tasks/${task.id}`)).json();
    expect(detail.history).toHaveLength(1);
    expect((await (await h.as('zerenren2')).get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
  });

  it('rejects bad input and writes nothing', async () => {
    const liaison = await h.as('lianluo');
    const before = await countRows(h, 'task');
    const cases = [
      { ...validTask(h.demo.users.zerenren as string, '2026-08-31'), title: '   ' },
      { ...validTask(h.demo.users.zerenren as string, '2026-02-30') },
      { ...validTask(h.demo.users.zerenren as string, '2026-01-01') },
      { ...validTask(h.demo.users.office as string, '2026-08-31') },
      { ...validTask(h.outsider.ownerId, '2026-08-31') },
    ];
    for (const body of cases) {
      const res = await liaison.post(`/api/findings/${h.demo.findings.f4}/tasks`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countRows(h, 'task')).toBe(before);
  });

  it('is 401 / 403 / 404 / 409 as appropriate', async () => {
    const body = validTask(h.demo.users.zerenren as string, '2026-08-31');
    expect((await h.anonymous.post(`/api/findings/${h.demo.findings.f4}/tasks`, body)).statusCode).toBe(401);
    expect((await (await h.as('office')).post(`/api/findings/${h.demo.findings.f4}/tasks`, body)).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).post(`/api/findings/${h.outsider.findingId}/tasks`, body)).statusCode).toBe(
      404,
    );
    // 区教育局's finding is a draft: the unit cannot even see it
    const draft = await h.database.db
      .selectFrom('finding')
      .select('id')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect((await (await h.as('lianluo')).post(`/api/findings/${draft.id}/tasks`, body)).statusCode).toBe(404);
  });
});

describe('task transitions', () => {
  it('walks open → in_progress → submitted → returned → in_progress → submitted → closed', async () => {
    const liaison = await h.as('lianluo');
    const owner = await h.as('zerenren');
    const office = await h.as('office');
    const id = h.demo.tasks.open as string;
    expect((await owner.post(`/api/tasks/${id}/start`, {})).json().status).toBe('in_progress');
    // submitting needs evidence first
    const refused = await owner.post(`/api/tasks/${id}/submit`, { summary: '已完成' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('请先上传佐证材料，再申请销号');
    await h.database.db
      .insertInto('evidence')
      .values({
        task_id: id,
        kind: 'person',
        description: '专题会议纪要',
        uploaded_by: h.demo.users.zerenren as string,
        amount: null,
      })
      .execute();
    expect((await owner.post(`/api/tasks/${id}/submit`, { summary: '已召开专题会议' })).json().status).toBe(
      'submitted',
    );
    const returned = await office.post(`/api/tasks/${id}/return`, { reason: '缺少监督清单' });
    expect(returned.json().status).toBe('returned');
    expect(returned.json().history.at(-1)).toMatchObject({
      event: 'return',
      reason: '缺少监督清单',
      actorName: '王芳',
    });
    await liaison.post(`/api/tasks/${id}/start`, {});
    await liaison.post(`/api/tasks/${id}/submit`, { summary: '已补充监督清单' });
    const closed = await office.post(`/api/tasks/${id}/verify`, await checklistFor(id, '同意销号'));
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
  });

  it('refuses an event the state does not allow with 409 and a Chinese reason', async () => {
    const res = await (await h.as('office')).post(
      `/api/tasks/${h.demo.tasks.closed}/verify`,
      await checklistFor(h.demo.tasks.closed as string),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('任务当前状态为“已销号”，不能对账销号');
  });

  it('refuses a verify by a unit user (403), out of scope (404), without login (401), bad reason (400)', async () => {
    const id = h.demo.tasks.submitted as string;
    const body = await checklistFor(id);
    expect((await (await h.as('lianluo')).post(`/api/tasks/${id}/verify`, body)).statusCode).toBe(403);
    expect((await (await h.as('office')).post(`/api/tasks/${h.outsider.taskId}/verify`, body)).statusCode).toBe(404);
    expect((await h.anonymous.post(`/api/tasks/${id}/verify`, body)).statusCode).toBe(401);
    const before = await countRows(h, 'task_event');
    const bad = await (await h.as('office')).post(`/api/tasks/${id}/return`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({ path: 'reason', message: '请填写退回理由' });
    expect(await countRows(h, 'task_event')).toBe(before);
  });

  it('lets only one of two concurrent verifications win; the other gets 409', async () => {
    const office = await h.as('office');
    const id = h.demo.tasks.submitted as string;
    const results = await Promise.all([
      office.post(`/api/tasks/${id}/verify`, await checklistFor(id)),
      office.post(`/api/tasks/${id}/return`, { reason: '再核实' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await h.database.db.selectFrom('task_event').select('event').where('task_id', '=', id).execute();
    expect(events.filter((e) => e.event === 'verify' || e.event === 'return')).toHaveLength(1);
  });

  it('writes an audit entry in the same transaction as each change', async () => {
    const entries = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'task')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['task.create', 'task.start', 'task.submit', 'task.return', 'task.verify']),
    );
  });
});
