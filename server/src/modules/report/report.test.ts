// 巡察报告 through the real HTTP API: versions, compare, 报送 → 退回 → 报送 → 审定, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { put } from './report.fixtures.ts';

let h: Harness;
/** Rows the demo seeded (区住建局's approved report and feedback draft): tests count what they add. */
let seeded: Record<'report' | 'report_version', number>;
beforeAll(async () => {
  h = await createHarness();
  seeded = { report: await count('report'), report_version: await count('report_version') };
});
afterAll(() => h.close());

const url = (suffix = '') => `/api/inspections/${h.demo.jiaoyuInspectionId}/report${suffix}`;
const outside = (suffix = '') => `/api/inspections/${h.outsider.inspectionId}/report${suffix}`;
const count = async (table: 'report' | 'report_version' | 'report_event') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const v1 = '一、基本情况\n巡察组开展个别谈话 20 人次。\n二、发现的主要问题';
const v2 = '一、基本情况\n巡察组开展个别谈话 25 人次。\n召开座谈会 3 次。\n二、发现的主要问题';

describe('GET /api/inspections/:id/report', () => {
  it('answers an empty report with abilities before anything is written, and why nothing can be written', async () => {
    const res = await (await h.as('zuzhang')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: null,
      currentVersion: 0,
      content: null,
      unitName: '区教育局',
      blockedReason: '巡察当前处于“进驻”阶段，不能起草巡察报告',
      abilities: { write: false, submit: false, approve: false, return: false, issue: false },
    });
  });

  it('is 401 without a session, 404 out of scope, 403 for roles without report.read', async () => {
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect((await (await h.as('office')).get(outside())).statusCode).toBe(404);
    expect((await (await h.as('jiwei')).get(url())).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).get(url())).statusCode).toBe(403);
  });
});

describe('PUT /api/inspections/:id/report', () => {
  it('is 409 before the team investigates, naming the phase, and writes nothing', async () => {
    const res = await put(await h.as('zuzhang'), url(), { content: v1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('巡察当前处于“进驻”阶段，不能起草巡察报告');
    expect(await count('report_version')).toBe(seeded.report_version);
    const never = await (await h.as('leader')).post(url('/approve'), {});
    expect(never.statusCode).toBe(409);
    expect(never.json().message).toBe('巡察报告尚未起草，不能审定');
    const investigate = { event: 'investigate' };
    const moved = await (await h.as('zuzhang')).post(
      `/api/inspections/${h.demo.jiaoyuInspectionId}/advance`,
      investigate,
    );
    expect(moved.statusCode).toBe(200);
  });

  it('is 400 with Chinese field messages for a blank text, 401, 403 without report.write, 404 out of scope', async () => {
    const zuzhang = await h.as('zuzhang');
    const blank = await put(zuzhang, url(), { content: '   ', note: 'x'.repeat(201) });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual(
      expect.arrayContaining([
        { path: 'content', message: '请填写报告内容' },
        { path: 'note', message: '版本说明不能超过 200 个字' },
      ]),
    );
    expect((await h.anonymous.request({ method: 'PUT', url: url(), payload: { content: v1 } })).statusCode).toBe(401);
    expect((await put(await h.as('zuyuan'), url(), { content: v1 })).statusCode).toBe(403);
    expect((await put(await h.as('office'), url(), { content: v1 })).statusCode).toBe(403);
    expect((await put(zuzhang, outside(), { content: v1 })).statusCode).toBe(404);
    expect(await count('report_version')).toBe(seeded.report_version);
    expect(await count('report')).toBe(seeded.report);
  });

  it('saves each text as a new version, audited without the text', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await put(zuzhang, url(), { content: v1, note: '初稿' })).json()).toMatchObject({
      status: 'draft',
      currentVersion: 1,
      content: v1,
      abilities: { write: true, submit: true, approve: false },
    });
    const second = (await put(zuzhang, url(), { content: v2 })).json();
    expect(second).toMatchObject({ currentVersion: 2, content: v2 });
    expect(second.history.map((e: { event: string; version: number }) => [e.event, e.version])).toEqual([
      ['write', 1],
      ['write', 2],
    ]);
    const audits = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('action', '=', 'report.write')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('个别谈话');
  });
});

describe('versions and compare', () => {
  it('lists versions newest first and opens one; 404 for a version that does not exist', async () => {
    const zuyuan = await h.as('zuyuan');
    const list = (await zuyuan.get(url('/versions'))).json();
    expect(list.items.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, null],
      [1, '初稿'],
    ]);
    expect(list.items[1]).toMatchObject({ authorName: expect.any(String), length: v1.length });
    expect((await zuyuan.get(url('/versions/1'))).json()).toMatchObject({ version: 1, content: v1 });
    const missing = await zuyuan.get(url('/versions/9'));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('巡察报告第 9 版不存在');
    expect((await zuyuan.get(url('/versions/abc'))).statusCode).toBe(400);
    expect((await (await h.as('office')).get(outside('/versions'))).statusCode).toBe(404);
  });

  it('compares two versions line by line', async () => {
    const office = await h.as('office');
    const diff = (await office.get(url('/diff?from=1&to=2'))).json();
    expect(diff).toMatchObject({ from: 1, to: 2, added: 2, removed: 1 });
    expect(diff.lines.map((l: { kind: string }) => l.kind)).toEqual(['same', 'removed', 'added', 'added', 'same']);
    const same = await office.get(url('/diff?from=2&to=2'));
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toBe('请选择两个不同的版本进行比较');
    const bad = await office.get(url('/diff?from=abc&to=2'));
    expect(bad.json().details[0]).toEqual({ path: 'from', message: '比较的原版本必须是数字' });
    expect((await office.get(url('/diff?from=1&to=7'))).statusCode).toBe(404);
    expect((await h.anonymous.get(url('/diff?from=1&to=2'))).statusCode).toBe(401);
  });
});

describe('报送, 退回, 审定', () => {
  it('submits: 403 for a team member, then the text is locked (409) until returned', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await (await h.as('zuyuan')).post(url('/submit'))).statusCode).toBe(403);
    expect((await zuzhang.post(outside('/submit'))).statusCode).toBe(404);
    const res = await zuzhang.post(url('/submit'));
    expect(res.json()).toMatchObject({ status: 'submitted', abilities: { write: false, submit: false } });
    const locked = await put(zuzhang, url(), { content: v1 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toBe('巡察报告当前状态为“已报送”，不能修改');
    const again = await zuzhang.post(url('/submit'));
    expect(again.json().message).toBe('巡察报告当前状态为“已报送”，不能报送');
    const leaderView = (await (await h.as('leader')).get(url())).json();
    expect(leaderView.abilities).toMatchObject({ approve: true, return: true, write: false });
  });

  it('returns with a required comment; 403 for the team, 404 out of scope', async () => {
    const leader = await h.as('leader');
    const events = await count('report_event');
    const blank = await leader.post(url('/return'), { comment: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details[0]).toEqual({ path: 'comment', message: '请填写退回意见' });
    expect((await (await h.as('zuzhang')).post(url('/return'), { comment: '补充' })).statusCode).toBe(403);
    expect((await leader.post(outside('/return'), { comment: '补充' })).statusCode).toBe(404);
    expect(await count('report_event')).toBe(events);
    const res = await leader.post(url('/return'), { comment: '请补充意见建议部分' });
    expect(res.json()).toMatchObject({ status: 'returned', decisionComment: '请补充意见建议部分' });
  });

  it('takes a new version after the return, is approved once, and refuses a second decision (409)', async () => {
    const zuzhang = await h.as('zuzhang');
    const leader = await h.as('leader');
    expect((await put(zuzhang, url(), { content: `${v2}\n四、意见建议` })).json().currentVersion).toBe(3);
    expect((await zuzhang.post(url('/submit'))).json().status).toBe('submitted');
    const unknownDecision = await leader.post(url('/approve'), { decisionId: crypto.randomUUID() });
    expect(unknownDecision.statusCode).toBe(400);
    expect(unknownDecision.json().details[0].path).toBe('decisionId');
    const approved = (await leader.post(url('/approve'), { comment: '同意' })).json();
    expect(approved).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    expect(approved.history.map((e: { event: string }) => e.event)).toEqual([
      'write',
      'write',
      'submit',
      'return',
      'write',
      'submit',
      'approve',
    ]);
    const twice = await leader.post(url('/approve'), {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('巡察报告当前状态为“已审定”，不能审定');
    expect((await leader.post(url('/return'), { comment: '再改' })).json().message).toBe(
      '巡察报告当前状态为“已审定”，不能退回',
    );
    const actions = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity', '=', 'report')
      .where('action', 'not in', ['report.write'])
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['report.submit', 'report.return', 'report.submit', 'report.approve']);
  });

  it('refuses writing after the inspection left 报告', async () => {
    const zhujian = `/api/inspections/${h.demo.zhujianInspectionId}/report`;
    const late = await put(await h.as('zuzhang'), zhujian, { content: v1 });
    expect(late.json().message).toBe('巡察当前处于“整改”阶段，不能起草巡察报告');
  });
});
