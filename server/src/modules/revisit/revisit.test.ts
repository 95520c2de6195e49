// 回访 through the HTTP API: planning with the default date, recording outcomes (稳固; 反弹 → reopen a closed
// task or a new linked finding), cancelling, the list, export and 回访报告, with the standard refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addOtherUnitLiaison, caseOf, count } from '../supervision/supervision.fixtures.ts';

let h: Harness;
let zhujianCase: string;
let outsiderCase: string;
const tasks = () => h.demo.tasks as Record<string, string>;

async function plan(): Promise<string> {
  const res = await (await h.as('office')).post(`/api/rectifications/${zhujianCase}/revisits`, {
    kind: 'revisit',
    plannedOn: '2026-06-10',
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

beforeAll(async () => {
  h = await createHarness();
  zhujianCase = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderCase = await caseOf(h, h.outsider.inspectionId);
  await addOtherUnitLiaison(h);
});
afterAll(() => h.close());

describe('POST /api/rectifications/:id/revisits', () => {
  it('plans a 回头看 six months after the end of the 集中整改期 when no 整改报告 exists', async () => {
    const res = await (await h.as('office')).post(`/api/rectifications/${zhujianCase}/revisits`, { kind: 'look_back' });
    expect(res.statusCode).toBe(200);
    // feedback 2026-03-07 + 2 months = 2026-05-07, + 6 months
    expect(res.json()).toMatchObject({ kind: 'look_back', status: 'planned', plannedOn: '2026-11-07', late: false });
    expect(res.json().abilities).toEqual({ conduct: true, cancel: true, document: true });
  });

  it('counts from the 整改报告 date when there is one', async () => {
    await h.database.db
      .insertInto('rectification_report')
      .values({
        rectification_id: zhujianCase,
        committee_id: h.demo.committeeId,
        unit_id: h.demo.units.zhujian as string,
        kind: 'rectification',
        title: '整改情况报告',
        content: '……',
        submitted_by: h.demo.users.danwei as string,
        submitted_at: '2026-05-20T02:00:00Z',
      })
      .execute();
    const res = await (await h.as('office')).post(`/api/rectifications/${zhujianCase}/revisits`, { kind: 'revisit' });
    expect(res.json().plannedOn).toBe('2026-11-20');
  });

  it('refuses bad input, anonymous, the unit (403) and another committee (404), writing nothing', async () => {
    const before = await count(h, 'revisit');
    const office = await h.as('office');
    const bad = await office.post(`/api/rectifications/${zhujianCase}/revisits`, {
      kind: 'visit',
      plannedOn: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('日期不存在');
    expect(
      (await h.anonymous.post(`/api/rectifications/${zhujianCase}/revisits`, { kind: 'revisit' })).statusCode,
    ).toBe(401);
    expect(
      (await (await h.as('danwei')).post(`/api/rectifications/${zhujianCase}/revisits`, { kind: 'revisit' }))
        .statusCode,
    ).toBe(403);
    expect((await office.post(`/api/rectifications/${outsiderCase}/revisits`, { kind: 'revisit' })).statusCode).toBe(
      404,
    );
    expect(await count(h, 'revisit')).toBe(before);
  });
});

describe('POST /api/revisits/:id/conduct', () => {
  it('records 稳固, and 反弹 that reopens the closed task and notifies its owner', async () => {
    const id = await plan();
    const res = await (await h.as('office')).post(`/api/revisits/${id}/conduct`, {
      summary: '实地查看并抽查台账',
      outcomes: [
        { taskId: tasks().submitted, outcome: 'stable' },
        { taskId: tasks().closed, outcome: 'rebound', action: 'reopen', note: '又发放了加班补助' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', conductedOn: '2026-06-15', stableCount: 1, reboundCount: 1 });
    const task = await h.database.db
      .selectFrom('task')
      .select(['status', 'reopened_count'])
      .where('id', '=', tasks().closed as string)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ status: 'in_progress', reopened_count: 1 });
    const detail = (await (await h.as('lianluo')).get(`/api/revisits/${id}`)).json();
    expect(detail.outcomes.find((o: { taskId: string }) => o.taskId === tasks().closed)).toMatchObject({
      outcome: 'rebound',
      reopened: true,
      newFindingId: null,
    });
    expect(detail.tasks.length).toBeGreaterThan(0);
    // a reopened task is suggested for 督办 as 反弹
    const suggestions = (await (await h.as('office')).get('/api/supervision/suggestions')).json();
    expect(suggestions.items.find((s: { taskId: string }) => s.taskId === tasks().closed)?.reason).toBe('rebound');
  });

  it('files 反弹 as a new finding linked to the original, with its classification', async () => {
    const id = await plan();
    const findingsBefore = await count(h, 'finding');
    const res = await (await h.as('office')).post(`/api/revisits/${id}/conduct`, {
      summary: '回访',
      outcomes: [{ taskId: tasks().overdue, outcome: 'rebound', action: 'new_finding', note: '仍先施工后招标' }],
    });
    expect(res.statusCode).toBe(200);
    expect(await count(h, 'finding')).toBe(findingsBefore + 1);
    const outcome = (await (await h.as('office')).get(`/api/revisits/${id}`)).json().outcomes[0];
    const [created, origin] = await Promise.all([
      h.database.db.selectFrom('finding').selectAll().where('id', '=', outcome.newFindingId).executeTakeFirstOrThrow(),
      h.database.db
        .selectFrom('finding')
        .selectAll()
        .where('id', '=', h.demo.findings.f2 as string)
        .executeTakeFirstOrThrow(),
    ]);
    expect(created).toMatchObject({
      origin_finding_id: origin.id,
      inspection_id: origin.inspection_id,
      aspect: origin.aspect,
      discipline: origin.discipline,
      areas: origin.areas,
      facts: '仍先施工后招标',
      status: 'fed_back',
    });
    expect(outcome.newFindingTitle).toBe(`（反弹）${origin.title}`);
  });

  it('refuses bad outcomes with nothing written: no action, foreign task, reopen of an open task', async () => {
    const id = await plan();
    const office = await h.as('office');
    const before = [await count(h, 'revisit_outcome'), await count(h, 'task_event'), await count(h, 'finding')];
    const cases = [
      [[{ taskId: tasks().open, outcome: 'rebound', note: '反弹' }], '请选择处理方式'],
      [[{ taskId: h.outsider.taskId, outcome: 'stable' }], '所选任务不属于该单位的整改'],
      [[{ taskId: tasks().open, outcome: 'rebound', action: 'reopen', note: '反弹' }], '尚未销号，不能重新打开'],
      [[], '请至少记录一项'],
    ] as const;
    for (const [outcomes, message] of cases) {
      const res = await office.post(`/api/revisits/${id}/conduct`, { summary: '回访', outcomes });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
    }
    expect([await count(h, 'revisit_outcome'), await count(h, 'task_event'), await count(h, 'finding')]).toEqual(
      before,
    );
  });

  it('answers 401, 403, 404 and 409 (already conducted or cancelled)', async () => {
    const id = await plan();
    const body = { summary: '回访', outcomes: [{ taskId: tasks().open, outcome: 'stable' }] };
    expect((await h.anonymous.post(`/api/revisits/${id}/conduct`, body)).statusCode).toBe(401);
    expect((await (await h.as('lianluo')).post(`/api/revisits/${id}/conduct`, body)).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.post(`/api/revisits/${id}/cancel`, { reason: ' ' })).statusCode).toBe(400);
    const cancelled = await office.post(`/api/revisits/${id}/cancel`, { reason: '单位主要负责人调整，改期' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', summary: '单位主要负责人调整，改期' });
    expect((await office.post(`/api/revisits/${id}/conduct`, body)).statusCode).toBe(409);
    expect((await office.post(`/api/revisits/${id}/cancel`, { reason: '再取消' })).statusCode).toBe(409);
    expect((await (await h.as('jiaoyu_lianluo')).get(`/api/revisits/${id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/revisits, export and 回访报告', () => {
  it('lists with filters and pagination, derives late, exports and prints', async () => {
    const office = await h.as('office');
    const all = (await office.get('/api/revisits?pageSize=2')).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(6);
    const late = (await office.get('/api/revisits?late=true')).json();
    expect(late.items.every((r: { late: boolean; status: string }) => r.late && r.status === 'planned')).toBe(true);
    expect((await office.get('/api/revisits?status=cancelled')).json().total).toBe(1);
    expect((await office.get(`/api/revisits?unitId=${h.demo.units.jiaoyu}`)).json().total).toBe(0);
    expect((await office.get('/api/revisits?kind=bad')).statusCode).toBe(400);
    expect((await (await h.as('zerenren')).get('/api/revisits')).statusCode).toBe(403);
    expect((await (await h.as('jiaoyu_lianluo')).get('/api/revisits')).json().total).toBe(0);
    const xlsx = await office.get('/api/revisits/export?status=done');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const done = (await office.get('/api/revisits?status=done')).json().items[0].id;
    const doc = await office.get(`/api/revisits/${done}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
