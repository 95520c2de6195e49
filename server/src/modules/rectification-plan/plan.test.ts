// 整改方案 through the real HTTP API: versions with the three lists, compare, 报送 (with the completeness
// check) → 退回重来 → 报送 → 审核通过, notifications, and every refusal (400/401/403/404/409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { put } from '../report/report.fixtures.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import {
  addTask,
  FEEDBACK_DATE,
  issueJiaoyuFeedback,
  type PlanWorld,
  REVIEW_OK,
  REVIEW_WEAK,
} from './plan.fixtures.ts';

let h: Harness;
let w: PlanWorld;
beforeAll(async () => {
  h = await createHarness();
  w = await issueJiaoyuFeedback(h);
});
afterAll(() => h.close());

const url = (suffix = '') => `/api/inspections/${w.inspectionId}/rectification-plan${suffix}`;
const outside = (suffix = '') => `/api/inspections/${h.outsider.inspectionId}/rectification-plan${suffix}`;
const plan = () =>
  h.database.db
    .selectFrom('rectification_plan')
    .selectAll()
    .where('inspection_id', '=', w.inspectionId)
    .executeTakeFirstOrThrow();
const versionCount = async () =>
  (await h.database.db.selectFrom('rectification_plan_version').select('version').execute()).length;
const v1 = '一、总体要求\n坚持问题导向。\n二、整改措施\n逐项制定整改任务。';
const v2 = '一、总体要求\n坚持问题导向，举一反三。\n二、整改措施\n逐项制定整改任务。\n三、组织保障';

describe('GET /api/inspections/:id/rectification-plan', () => {
  it('exists as a draft once feedback is issued, with the 15-working-day deadline and abilities', async () => {
    const res = await (await h.as('jy_liaison')).get(url());
    expect(res.statusCode).toBe(200);
    const due = await deadlineFor(h.database.db, h.demo.committeeId, 'plan_submit', FEEDBACK_DATE);
    expect(due >= '2026-06-26').toBe(true);
    expect(res.json()).toMatchObject({
      status: 'draft',
      currentVersion: 0,
      content: null,
      unitName: '区教育局',
      feedbackDate: FEEDBACK_DATE,
      dueDate: due,
      overdue: false,
      dueSoon: false,
      unaddressedFindings: [{ findingId: w.findingId, seq: 1 }],
      abilities: { write: true, submit: false, approve: false, return: false },
    });
  });

  it('is 401 anonymous, 404 out of scope or for another unit, 403 without rectification.read', async () => {
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect((await (await h.as('office')).get(outside())).statusCode).toBe(404);
    expect((await (await h.as('danwei')).get(url())).statusCode).toBe(404);
    expect((await (await h.as('zuyuan')).get(url())).statusCode).toBe(403);
  });
});

describe('PUT /api/inspections/:id/rectification-plan', () => {
  it('refuses a blank text (400, Chinese), anonymous (401), the office (403), outsiders (404); writes nothing', async () => {
    const liaison = await h.as('jy_liaison');
    const blank = await put(liaison, url(), { content: '  ', note: 'x'.repeat(201) });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual(
      expect.arrayContaining([
        { path: 'content', message: '请填写方案内容' },
        { path: 'note', message: '版本说明不能超过 200 个字' },
      ]),
    );
    expect((await h.anonymous.request({ method: 'PUT', url: url(), payload: { content: v1 } })).statusCode).toBe(401);
    expect((await put(await h.as('office'), url(), { content: v1 })).statusCode).toBe(403);
    expect((await put(await h.as('danwei'), url(), { content: v1 })).statusCode).toBe(404);
    expect((await put(liaison, outside(), { content: v1 })).statusCode).toBe(404);
    expect(await versionCount()).toBe(0);
    const early = await (await h.as('jy_head')).post(url('/submit'));
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('整改方案尚未保存任何版本，不能报送');
    expect((await plan()).current_version).toBe(0);
  });

  it('saves each text as a new version with a snapshot of the three lists, audited without the text', async () => {
    const first = (await put(await h.as('jy_liaison'), url(), { content: v1, note: '初稿' })).json();
    expect(first).toMatchObject({ currentVersion: 1, content: v1, abilities: { write: true, submit: false } });
    // 完整性: a version exists, but the finding has no task yet
    const refused = await (await h.as('jy_head')).post(url('/submit'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      '以下问题尚未制定整改任务，不能报送整改方案：问题1“教育收费和食堂经费管理不规范”',
    );
    expect(refused.json().details).toEqual([
      { path: `findings.${w.findingId}`, message: '问题1“教育收费和食堂经费管理不规范”尚无整改任务' },
    ]);
    expect((await plan()).status).toBe('draft');
    await addTask(h, w, 1, '规范教育收费');
    const second = (await put(await h.as('jy_head'), url(), { content: v2 })).json();
    expect(second).toMatchObject({ currentVersion: 2, unaddressedFindings: [], abilities: { submit: true } });
    expect(second.history.map((e: { event: string }) => e.event)).toEqual(['write', 'write']);
    const audits = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'plan.write')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('问题导向');
  });
});

describe('versions and compare', () => {
  it('lists versions newest first, opens one with its lists, 404 for a missing version', async () => {
    const team = await h.as('zuzhang');
    const list = (await team.get(url('/versions'))).json();
    expect(list.items.map((v: { version: number; taskCount: number }) => [v.version, v.taskCount])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    const two = (await team.get(url('/versions/2'))).json();
    expect(two).toMatchObject({
      version: 2,
      content: v2,
      lists: [{ findingId: w.findingId, tasks: [{ title: '规范教育收费' }] }],
    });
    expect((await team.get(url('/versions/9'))).statusCode).toBe(404);
    expect((await team.get(outside('/versions'))).statusCode).toBe(404);
  });

  it('compares the text line by line and the lists task by task; 400 for the same version twice', async () => {
    const res = await (await h.as('office')).get(url('/diff?from=1&to=2'));
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    expect(diff).toMatchObject({ from: 1, to: 2, added: 2, removed: 1 });
    expect(diff.lists.added.map((t: { task: { title: string } }) => t.task.title)).toEqual(['规范教育收费']);
    expect(diff.lists).toMatchObject({ removed: [], changed: [] });
    const same = await (await h.as('office')).get(url('/diff?from=2&to=2'));
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toBe('请选择两个不同的版本进行比较');
  });
});

describe('submit, return (退回重来), resubmit, approve', () => {
  it('refuses the liaison (403), anonymous (401) and another unit (404), changing nothing', async () => {
    expect((await (await h.as('jy_liaison')).post(url('/submit'))).statusCode).toBe(403);
    expect((await h.anonymous.post(url('/submit'))).statusCode).toBe(401);
    expect((await (await h.as('danwei')).post(url('/submit'))).statusCode).toBe(404);
    expect((await plan()).status).toBe('draft');
  });

  it('submits the latest version (主要负责人), then refuses edits and a second submit (409)', async () => {
    const res = await (await h.as('jy_head')).post(url('/submit'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'submitted',
      submittedVersion: 2,
      abilities: { write: false, submit: false },
    });
    const again = await (await h.as('jy_head')).post(url('/submit'));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('整改方案当前状态为“待审核”，不能报送');
    const edit = await put(await h.as('jy_liaison'), url(), { content: v1 });
    expect(edit.statusCode).toBe(409);
    expect(await versionCount()).toBe(2);
    const office = (await (await h.as('office')).get(url())).json();
    expect(office.abilities).toEqual({ write: false, submit: false, approve: true, return: true });
  });

  it('validates the review: reasons required to return, every criterion met to approve (400); 403 for the unit', async () => {
    const office = await h.as('office');
    const noReasons = await office.post(url('/return'), { review: REVIEW_WEAK, reasons: ' ' });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.json().details).toEqual([{ path: 'reasons', message: '请填写退回理由' }]);
    const weakApproval = await office.post(url('/approve'), { review: REVIEW_WEAK });
    expect(weakApproval.statusCode).toBe(400);
    expect(weakApproval.json().message).toContain('均符合要求才能审核通过');
    expect((await office.post(url('/approve'), { review: { completeness: { ok: 'yes' } } })).statusCode).toBe(400);
    expect((await (await h.as('jy_head')).post(url('/approve'), { review: REVIEW_OK })).statusCode).toBe(403);
    expect((await office.post(outside('/approve'), { review: REVIEW_OK })).statusCode).toBe(404);
    expect((await plan()).status).toBe('submitted');
  });

  it('returns with reasons and the structured review, counts it, notifies the head and the liaison once', async () => {
    const res = await (await h.as('office')).post(url('/return'), {
      review: REVIEW_WEAK,
      reasons: '措施不具体，请重新制定',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', returnedCount: 1, abilities: { write: false } });
    const last = res.json().history.at(-1);
    expect(last).toMatchObject({ event: 'return', version: 2, comment: '措施不具体，请重新制定', review: REVIEW_WEAK });
    const notices = await h.database.db
      .selectFrom('notification')
      .select(['user_id', 'title'])
      .where('kind', '=', 'plan_reviewed')
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual([w.headId, w.liaisonId].sort());
    expect(notices[0]?.title).toBe('整改方案被退回重来');
    expect((await (await h.as('office')).post(url('/approve'), { review: REVIEW_OK })).statusCode).toBe(409);
  });

  it('resubmits the latest version after a return, and approval ends editing', async () => {
    const head = await h.as('jy_head');
    expect((await head.get(url())).json().abilities).toMatchObject({ write: true, submit: true });
    expect((await head.post(url('/submit'))).json()).toMatchObject({ status: 'submitted', submittedVersion: 2 });
    const approved = await (await h.as('banshi')).post(url('/approve'), { review: REVIEW_OK, comment: '同意' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', returnedCount: 1 });
    const returnLate = await (await h.as('office')).post(url('/return'), { review: REVIEW_WEAK, reasons: '再改' });
    expect(returnLate.statusCode).toBe(409);
    expect(returnLate.json().message).toBe('整改方案当前状态为“审核通过”，不能退回');
    const events = approved.json().history.map((e: { event: string }) => e.event);
    expect(events).toEqual(['write', 'write', 'submit', 'return', 'submit', 'approve']);
    const audited = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity', '=', 'rectification_plan')
      .execute();
    expect(audited.map((a) => a.action).filter((a) => a !== 'plan.write')).toEqual([
      'plan.submit',
      'plan.return',
      'plan.submit',
      'plan.approve',
    ]);
  });
});
