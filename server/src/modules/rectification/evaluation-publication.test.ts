// 整改评估 and 开门整改 through the real HTTP API, and the public (no login) page of a round that shows
// only public, not-withdrawn publications and nothing but their text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';
import { addOtherUnitHead, caseOf, fileReports } from './rectification.fixtures.ts';

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

const evaluations = () =>
  h.database.db.selectFrom('rectification_evaluation').selectAll().where('rectification_id', '=', caseId).execute();
const evaluate = async (user: string, body: unknown, id = caseId) =>
  (await h.as(user)).post(`/api/rectifications/${id}/evaluations`, body);

describe('POST /api/rectifications/:id/evaluations', () => {
  it('waits for the 整改情况报告 (409)', async () => {
    const res = await evaluate('office', { result: 'pass', comment: '整改到位' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('单位尚未报送整改情况报告，暂不能评估');
    expect(await evaluations()).toHaveLength(0);
  });

  const bad: [string, unknown, string][] = [
    ['fail without 补课 deadline', { result: 'fail', comment: '不到位' }, '评估不合格的，请确定补课期限'],
    [
      '补课 deadline not after today',
      { result: 'fail', comment: '不到位', remedialDue: '2026-06-15' },
      '补课期限应晚于今天',
    ],
    [
      'a deadline on a pass',
      { result: 'pass', comment: '好', remedialDue: '2026-09-01' },
      '只有评估不合格时才需确定补课期限',
    ],
  ];
  for (const [name, body, message] of bad) {
    it(`refuses ${name} (400), nothing written`, async () => {
      await fileReportsOnce();
      const res = await evaluate('office', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe(message);
      expect(await evaluations()).toHaveLength(0);
    });
  }

  it('refuses blank comments, anonymous, the unit (403) and other committees (404)', async () => {
    expect((await evaluate('office', { result: 'pass', comment: ' ' })).statusCode).toBe(400);
    expect(
      (await h.anonymous.post(`/api/rectifications/${caseId}/evaluations`, { result: 'pass', comment: 'x' }))
        .statusCode,
    ).toBe(401);
    expect((await evaluate('danwei', { result: 'pass', comment: 'x' })).statusCode).toBe(403);
    expect((await evaluate('office', { result: 'pass', comment: 'x' }, outsiderCase)).statusCode).toBe(404);
    expect(await evaluations()).toHaveLength(0);
  });

  it('不合格 → 补课 blocks the sign-off until a later evaluation; the document is generated', async () => {
    const fail = await evaluate('office', { result: 'fail', comment: '整改不彻底', remedialDue: '2026-08-31' });
    expect(fail.statusCode).toBe(200);
    expect(fail.json()).toMatchObject({ result: 'fail', remedialDue: '2026-08-31', evaluatedByName: '王芳' });
    const detail = (await (await h.as('office')).get(`/api/rectifications/${caseId}`)).json();
    expect(detail.latestEvaluation).toMatchObject({ result: 'fail', remedialDue: '2026-08-31' });
    expect(detail.blockers.map((b: { code: string }) => b.code)).toContain('evaluation_failed');
    const doc = await (await h.as('office')).get(`/api/evaluations/${fail.json().id}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect((await (await h.as('jiaoyu_head')).get(`/api/evaluations/${fail.json().id}/document`)).statusCode).toBe(404);

    h.clock.set(new Date(TEST_NOW.getTime() + 60_000));
    const pass = await evaluate('office', { result: 'basic_pass', comment: '补课后基本到位' });
    expect(pass.statusCode).toBe(200);
    const after = (await (await h.as('office')).get(`/api/rectifications/${caseId}`)).json();
    expect(after.blockers.map((b: { code: string }) => b.code)).not.toContain('evaluation_failed');
    const list = (await (await h.as('danwei')).get(`/api/rectifications/${caseId}/evaluations`)).json();
    expect(list.items.map((e: { result: string }) => e.result)).toEqual(['basic_pass', 'fail']);
    h.clock.set(TEST_NOW);
  });

  it('is refused on a signed-off case (409)', async () => {
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'signed_off', signed_off_at: new Date().toISOString() })
      .where('id', '=', caseId)
      .execute();
    expect((await evaluate('office', { result: 'pass', comment: 'x' })).statusCode).toBe(409);
    await h.database.db
      .updateTable('rectification')
      .set({ status: 'rectifying', signed_off_at: null })
      .where('id', '=', caseId)
      .execute();
  });
});

let reportsFiled = false;
async function fileReportsOnce() {
  if (!reportsFiled) await fileReports(h, caseId);
  reportsFiled = true;
}

describe('publications', () => {
  const publish = async (user: string, body: Record<string, string>, id = caseId) =>
    (await h.as(user)).post(`/api/rectifications/${id}/publications`, body);
  const input = (extra: Record<string, string> = {}) => ({
    channel: 'public',
    publishedOn: '2026-06-10',
    title: '区住建局关于巡察整改进展情况的通报',
    summary: '区住建局党组对巡察反馈的 4 个问题逐项整改……',
    ...extra,
  });
  const publicList = () => h.anonymous.get(`/api/public/rounds/${h.demo.roundId}/publications`);
  let publicId: string;

  it('records a public and an internal publication; validates and refuses as usual', async () => {
    const res = await publish('office', input());
    expect(res.statusCode).toBe(200);
    publicId = res.json().id;
    expect(res.json()).toMatchObject({ channel: 'public', canWithdraw: true, withdrawnAt: null });
    expect(
      (await publish('office', input({ channel: 'internal', title: '党内通报：住建局整改情况' }))).statusCode,
    ).toBe(200);
    expect((await publish('office', input({ publishedOn: '2026-06-16' }))).json().message).toBe('公开日期不能晚于今天');
    expect((await publish('office', input({ channel: 'newspaper' }))).statusCode).toBe(400);
    expect((await publish('danwei', input())).statusCode).toBe(403);
    expect((await publish('office', input(), outsiderCase)).statusCode).toBe(404);
    expect((await h.anonymous.post(`/api/rectifications/${caseId}/publications`, input())).statusCode).toBe(401);
    const count = await h.database.db
      .selectFrom('publication')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    const list = (await (await h.as('danwei')).get(`/api/rectifications/${caseId}/publications`)).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.every((p: { canWithdraw: boolean }) => !p.canWithdraw)).toBe(true);
  });

  it('the public page needs no login and shows only public text: no ids, no people', async () => {
    const res = await publicList();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      committeeName: '中共示例市城关区委',
      roundName: '十五届区委第三轮巡察',
      items: [
        { unitName: '区住房和城乡建设局', title: input().title, summary: input().summary, publishedOn: '2026-06-10' },
      ],
    });
    expect(res.body).not.toContain('王芳');
    expect(res.body).not.toContain(caseId);
    expect(res.body).not.toContain('党内通报');
    const unknown = await h.anonymous.get('/api/public/rounds/00000000-0000-4000-8000-000000000000/publications');
    expect(unknown.statusCode).toBe(404);
    expect((await h.anonymous.get('/api/public/rounds/x/publications')).statusCode).toBe(400);
  });

  it('withdraws once (409 after); the public page no longer shows it', async () => {
    const url = `/api/rectifications/${caseId}/publications/${publicId}/withdraw`;
    expect((await (await h.as('danwei')).post(url)).statusCode).toBe(403);
    expect((await h.anonymous.post(url)).statusCode).toBe(401);
    expect(
      (await (await h.as('office')).post(`/api/rectifications/${outsiderCase}/publications/${publicId}/withdraw`))
        .statusCode,
    ).toBe(404);
    const res = await (await h.as('office')).post(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ withdrawnByName: '王芳', canWithdraw: false });
    expect((await (await h.as('office')).post(url)).statusCode).toBe(409);
    expect((await publicList()).json().items).toEqual([]);
  });
});
