// The case list, overview and 见底清零 through the real HTTP API: scope (other committee / other unit →
// 404), permissions (403), blockers (409 with Chinese reasons) and the conditional sign-off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import {
  addOtherUnitHead,
  approvePlan,
  caseOf,
  closeAllTasks,
  concludeAllHandovers,
  fileReports,
} from './rectification.fixtures.ts';

let h: Harness;
let caseId: string;
let outsiderCase: string;
beforeAll(async () => {
  h = await createHarness();
  caseId = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderCase = await caseOf(h, h.outsider.inspectionId);
  await addOtherUnitHead(h);
});
afterAll(() => h.close());

const auditCount = async (action: string) =>
  Number(
    (
      await h.database.db
        .selectFrom('audit_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('GET /api/rectifications', () => {
  it('lists the committee’s cases with derived deadlines and counts', async () => {
    const res = await (await h.as('office')).get('/api/rectifications');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(1);
    const c = page.items[0];
    // feedback 100 days ago (2026-03-07): 15 working days → 2026-03-27, 2 months → 2026-05-07
    expect(c).toMatchObject({
      id: caseId,
      unitName: '区住房和城乡建设局',
      feedbackDate: '2026-03-07',
      status: 'rectifying',
      planStatus: 'draft',
      planDue: '2026-03-27',
      planOverdue: true,
      reportDue: '2026-05-07',
      reportSubmitted: false,
      reportOverdue: true,
      findings: 4,
      tasksTotal: 6,
      latestEvaluation: null,
    });
    expect(c.tasksOverdue).toBeGreaterThan(0);
    expect(c.abilities).toMatchObject({ signOff: true, evaluate: true, publish: true, submitReport: false });
  });

  it('filters by status, overdue and keyword; the unit sees its own case, another unit none', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/rectifications?status=signed_off')).json().total).toBe(0);
    expect((await office.get('/api/rectifications?overdue=false')).json().total).toBe(0);
    expect((await office.get('/api/rectifications?overdue=true')).json().total).toBe(1);
    expect((await office.get(`/api/rectifications?q=${encodeURIComponent('住房')}`)).json().total).toBe(1);
    expect((await office.get(`/api/rectifications?roundId=${h.outsider.roundId}`)).json().total).toBe(0);
    const unit = (await (await h.as('danwei')).get('/api/rectifications')).json();
    expect(unit.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(unit.items[0].abilities).toMatchObject({ signOff: false, submitReport: true, submitDuty: true });
    const liaison = (await (await h.as('lianluo')).get('/api/rectifications')).json();
    expect(liaison.items[0].abilities).toMatchObject({ submitProgress: true, submitReport: false, submitDuty: false });
    expect((await (await h.as('jiaoyu_head')).get('/api/rectifications')).json().total).toBe(0);
  });

  it('refuses bad filters, anonymous callers and users without rectification.read', async () => {
    const bad = await (await h.as('office')).get('/api/rectifications?overdue=yes&pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBeTruthy();
    expect((await h.anonymous.get('/api/rectifications')).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get('/api/rectifications')).statusCode).toBe(403);
  });

  it('exports the list as .xlsx and audits the export', async () => {
    const before = await auditCount('rectification.export');
    const res = await (await h.as('office')).get('/api/rectifications/export?status=rectifying');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditCount('rectification.export')).toBe(before + 1);
    expect((await h.anonymous.get('/api/rectifications/export')).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get('/api/rectifications/export')).statusCode).toBe(403);
  });
});

describe('GET /api/rectifications/:id and /api/inspections/:id/rectification', () => {
  it('shows the overview with its blockers', async () => {
    const res = await (await h.as('office')).get(`/api/rectifications/${caseId}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    const codes = detail.blockers.map((b: { code: string }) => b.code);
    expect(codes).toEqual(['tasks_open', 'handovers_open', 'plan_not_approved', 'report_missing', 'duty_missing']);
    const tasks = detail.blockers[0];
    expect(tasks.message).toMatch(/^还有 \d 项整改任务未销号$/);
    expect(tasks.items[0].link).toMatch(/^\/tasks\//);
    const byInspection = await (await h.as('office')).get(
      `/api/inspections/${h.demo.zhujianInspectionId}/rectification`,
    );
    expect(byInspection.json().id).toBe(caseId);
  });

  it('never shows the unit the clue handed to 纪委监委 (need-to-know)', async () => {
    const detail = (await (await h.as('danwei')).get(`/api/rectifications/${caseId}`)).json();
    expect(detail.blockers.map((b: { code: string }) => b.code)).not.toContain('handovers_open');
    expect(JSON.stringify(detail)).not.toContain('移交〔');
  });

  it('404 out of scope or unknown, 400 for a bad id, 401 anonymous, 403 without permission', async () => {
    const office = await h.as('office');
    expect((await office.get(`/api/rectifications/${outsiderCase}`)).statusCode).toBe(404);
    expect((await (await h.as('jiaoyu_head')).get(`/api/rectifications/${caseId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/inspections/${h.demo.jiaoyuInspectionId}/rectification`)).json().message).toBe(
      '该巡察尚未反馈意见，还没有整改事项',
    );
    expect((await office.get('/api/rectifications/not-a-uuid')).statusCode).toBe(400);
    expect((await h.anonymous.get(`/api/rectifications/${caseId}`)).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(`/api/rectifications/${caseId}`)).statusCode).toBe(403);
  });
});

describe('POST /api/rectifications/:id/sign-off (见底清零)', () => {
  const signOff = async (user: string, id = caseId, body: unknown = { comment: '经对账，问题已见底清零' }) =>
    (await h.as(user)).post(`/api/rectifications/${id}/sign-off`, body);
  const status = async () =>
    (
      await h.database.db
        .selectFrom('rectification')
        .select('status')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).status;

  it('is refused while a task is open, listing every blocker in Chinese; nothing changes', async () => {
    const res = await signOff('office');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(
      /^尚不能见底清零：还有 \d 项整改任务未销号；还有 1 件移交事项尚无办理结果；整改方案尚未审核通过/,
    );
    expect(await status()).toBe('rectifying');
  });

  it('is refused while a handover has no result, even with every task closed', async () => {
    await closeAllTasks(h, h.demo.zhujianInspectionId);
    await approvePlan(h, caseId);
    await fileReports(h, caseId);
    const res = await signOff('office');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('尚不能见底清零：还有 1 件移交事项尚无办理结果');
    expect(await status()).toBe('rectifying');
  });

  it('checks input, scope and permission first', async () => {
    const blank = await signOff('office', caseId, { comment: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain('请填写见底清零意见');
    expect((await signOff('office', outsiderCase)).statusCode).toBe(404);
    expect((await signOff('danwei')).statusCode).toBe(403);
    expect((await signOff('leader')).statusCode).toBe(403);
    expect((await h.anonymous.post(`/api/rectifications/${caseId}/sign-off`, { comment: 'x' })).statusCode).toBe(401);
    expect(await status()).toBe('rectifying');
  });

  it('is allowed once all is clear, audited, and only once (409 after)', async () => {
    await concludeAllHandovers(h, h.demo.zhujianInspectionId);
    const before = await auditCount('rectification.sign_off');
    const res = await signOff('office');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'signed_off',
      blockers: [],
      signOffComment: '经对账，问题已见底清零',
      signedOffByName: '王芳',
      abilities: { signOff: false, evaluate: false, submitProgress: false },
    });
    expect(await auditCount('rectification.sign_off')).toBe(before + 1);
    const again = await signOff('office');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该整改事项已见底清零');
    expect((await (await h.as('office')).get('/api/rectifications?status=signed_off')).json().total).toBe(1);
  });
});
