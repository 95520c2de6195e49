// 反馈意见: the draft is written only after the report is approved, assembled from the findings with the
// rectification deadlines, and issued by POST …/feedback (latest version, or the edited text as a new one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { approveReport, put } from './report.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  const moved = await (await h.as('zuzhang')).post(`/api/inspections/${h.demo.jiaoyuInspectionId}/advance`, {
    event: 'investigate',
  });
  expect(moved.statusCode).toBe(200);
});
afterAll(() => h.close());

const id = () => h.demo.jiaoyuInspectionId;
const url = (suffix = '') => `/api/inspections/${id()}/feedback-draft${suffix}`;
const issue = (body: object) => h.as('zuzhang').then((c) => c.post(`/api/inspections/${id()}/feedback`, body));
const versionsOf = async (inspectionId: string) =>
  (
    await h.database.db
      .selectFrom('report_version as v')
      .innerJoin('report as r', 'r.id', 'v.report_id')
      .select('v.version')
      .where('r.inspection_id', '=', inspectionId)
      .where('r.kind', '=', 'feedback')
      .execute()
  ).length;

describe('feedback draft before the report is approved', () => {
  it('explains that the report must be approved first, and refuses to write or assemble (409)', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await zuzhang.get(url())).json()).toMatchObject({
      kind: 'feedback',
      status: null,
      blockedReason: '巡察报告尚未审定，不能起草反馈意见',
      abilities: { write: false, issue: false },
    });
    const write = await put(zuzhang, url(), { content: '反馈意见' });
    expect(write.statusCode).toBe(409);
    expect(write.json().message).toBe('巡察报告尚未审定，不能起草反馈意见');
    expect((await zuzhang.get(url('/assemble'))).json().message).toBe('巡察报告尚未审定，不能起草反馈意见');
    expect(await versionsOf(id())).toBe(0);
  });

  it('is 401, 403 without report.write, 404 out of scope', async () => {
    expect((await h.anonymous.get(url('/assemble'))).statusCode).toBe(401);
    expect((await (await h.as('leader')).get(url('/assemble'))).statusCode).toBe(403);
    expect((await put(await h.as('zuyuan'), url(), { content: 'x' })).statusCode).toBe(403);
    const outside = `/api/inspections/${h.outsider.inspectionId}/feedback-draft`;
    expect((await put(await h.as('zuzhang'), outside, { content: 'x' })).statusCode).toBe(404);
    expect((await (await h.as('office')).get(outside)).statusCode).toBe(404);
  });
});

describe('feedback draft once the report is approved', () => {
  it('assembles 直指问题 by 四个方面 with the rectification deadlines in words', async () => {
    await approveReport(h, id());
    const res = await (await h.as('zuzhang')).get(url('/assemble'));
    expect(res.statusCode).toBe(200);
    const lines: string[] = res.json().content.split('\n');
    expect(lines).toContain('一、巡察发现的主要问题');
    expect(lines).toContain('（一）党风廉政建设和反腐败方面');
    expect(lines).toContain(
      '1. 教育收费和食堂经费管理不规范。个别学校以“资料费”名义收取费用；食堂采购未执行集中采购制度。',
    );
    expect(lines).toContain('二、整改要求');
    const text = lines.join('\n');
    expect(text).toContain('收到反馈意见后十五个工作日内制定整改方案');
    expect(text).toContain('集中整改期为两个月');
  });

  it('is refused for issuing without a draft or with another inspection’s decision; nothing is written', async () => {
    await (await h.as('zuzhang')).post(`/api/inspections/${id()}/advance`, { event: 'report' });
    const none = await issue({ issuedOn: '2026-06-15' });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toBe('尚未起草反馈意见，请先起草或在下发时填写反馈意见');
    const wrong = await issue({ issuedOn: '2026-06-15', content: '反馈意见', decisionId: h.demo.decisions.feedback });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].path).toBe('decisionId');
    expect(await versionsOf(id())).toBe(0);
    const inspection = await (await h.as('office')).get(`/api/inspections/${id()}`);
    expect(inspection.json()).toMatchObject({ phase: 'reporting', feedbackDate: null });
  });

  it('saves versions, then issues the latest one when the body gives no text', async () => {
    const zuzhang = await h.as('zuzhang');
    const draft = '一、巡察发现的主要问题\n（一）党风廉政建设和反腐败方面\n1. 教育收费和食堂经费管理不规范。';
    const saved = (await put(zuzhang, url(), { content: draft, note: '反馈意见稿' })).json();
    expect(saved).toMatchObject({ currentVersion: 1, blockedReason: null, abilities: { write: true, issue: true } });
    const res = await issue({ issuedOn: '2026-06-15' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'feedback', feedbackDate: '2026-06-15' });
    const stored = await h.database.db
      .selectFrom('inspection')
      .select('feedback_content')
      .where('id', '=', id())
      .executeTakeFirstOrThrow();
    expect(stored.feedback_content).toBe(draft);
    const after = (await zuzhang.get(url())).json();
    expect(after).toMatchObject({
      issuedVersion: 1,
      blockedReason: '巡察当前处于“反馈”阶段，不能起草反馈意见',
      abilities: { write: false, issue: false },
    });
    expect(after.history.map((e: { event: string }) => e.event)).toEqual(['write', 'issue']);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'feedback.issue')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('食堂');
  });

  it('downloads the draft as a 公文', async () => {
    const res = await (await h.as('office')).get(url('/document'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('反馈意见_区教育局.docx'));
  });
});
