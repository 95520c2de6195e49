// 问责 through the HTTP API: propose (links checked against the case), decide, withdraw, the 问责清单 per unit,
// export and 问责建议, with the standard refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { caseOf, count } from '../supervision/supervision.fixtures.ts';

let h: Harness;
let zhujianCase: string;
let outsiderCase: string;
const url = () => `/api/rectifications/${zhujianCase}/accountability`;
const proposal = () => ({
  personName: '张某',
  personPost: '区住建局建筑市场管理科副科长',
  ground: 'false_rectification',
  facts: '以会议纪要代替整改，伪造销号材料',
  proposedMeasure: 'admonishment',
  taskIds: [h.demo.tasks.overdue],
  findingIds: [h.demo.findings.f2],
});

async function propose(as = 'office'): Promise<string> {
  const res = await (await h.as(as)).post(url(), proposal());
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

beforeAll(async () => {
  h = await createHarness();
  zhujianCase = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderCase = await caseOf(h, h.outsider.inspectionId);
});
afterAll(() => h.close());

describe('POST /api/rectifications/:id/accountability', () => {
  it('records a proposal with its links, history and audit', async () => {
    const id = await propose();
    const detail = (await (await h.as('leader')).get(`/api/accountability/${id}`)).json();
    expect(detail).toMatchObject({
      status: 'proposed',
      personName: '张某',
      proposedByName: '王芳',
      tasks: [{ id: h.demo.tasks.overdue }],
      findings: [{ id: h.demo.findings.f2 }],
      abilities: { decide: true, withdraw: false, document: true },
    });
    expect(detail.history).toMatchObject([{ event: 'propose', toStatus: 'proposed' }]);
  });

  it('refuses bad input and links outside the case, writing nothing', async () => {
    const office = await h.as('office');
    const before = await count(h, 'accountability');
    const cases = [
      [{ ...proposal(), personName: '' }, '请填写被问责人姓名'],
      [{ ...proposal(), proposedMeasure: 'fine' }, 'proposedMeasure'],
      [{ ...proposal(), taskIds: [h.outsider.taskId] }, '关联的任务须属于该单位的整改'],
      [{ ...proposal(), findingIds: [h.outsider.findingId] }, '关联的问题须属于该单位的巡察'],
    ] as const;
    for (const [body, message] of cases) {
      const res = await office.post(url(), body);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
    }
    expect(await count(h, 'accountability')).toBe(before);
  });

  it('answers 401, 403 (the unit head) and 404 (another committee)', async () => {
    expect((await h.anonymous.post(url(), proposal())).statusCode).toBe(401);
    expect((await (await h.as('danwei')).post(url(), proposal())).statusCode).toBe(403);
    const res = await (await h.as('office')).post(`/api/rectifications/${outsiderCase}/accountability`, proposal());
    expect(res.statusCode).toBe(404);
  });
});

describe('decide and withdraw', () => {
  it('decides with measure, 文号 and date; a decided one cannot be decided or withdrawn again (409)', async () => {
    const id = await propose();
    const decision = {
      measure: 'reminder_talk',
      docNo: '城纪〔2026〕12号',
      decidedOn: '2026-06-12',
      comment: '认错态度好',
    };
    expect((await (await h.as('office')).post(`/api/accountability/${id}/decide`, decision)).statusCode).toBe(403);
    const jiwei = await h.as('jiwei');
    const bad = await jiwei.post(`/api/accountability/${id}/decide`, { ...decision, decidedOn: '2026-06-20' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('决定日期不能晚于今天');
    const res = await jiwei.post(`/api/accountability/${id}/decide`, decision);
    expect(res.json()).toMatchObject({
      status: 'decided',
      decidedMeasure: 'reminder_talk',
      decisionDocNo: '城纪〔2026〕12号',
    });
    expect((await jiwei.post(`/api/accountability/${id}/decide`, decision)).statusCode).toBe(409);
    expect(
      (await (await h.as('office')).post(`/api/accountability/${id}/withdraw`, { reason: '撤回' })).statusCode,
    ).toBe(409);
  });

  it('is withdrawn by its proposer or by 巡察办, not by another proposer or the unit', async () => {
    const byJiwei = await propose('jiwei');
    expect(
      (await (await h.as('danwei')).post(`/api/accountability/${byJiwei}/withdraw`, { reason: '撤回' })).statusCode,
    ).toBe(403);
    const empty = await (await h.as('jiwei')).post(`/api/accountability/${byJiwei}/withdraw`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    const withdrawn = await (await h.as('banshi')).post(`/api/accountability/${byJiwei}/withdraw`, {
      reason: '事实不清',
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const byOffice = await propose('office');
    expect(
      (await (await h.as('jiwei')).post(`/api/accountability/${byOffice}/withdraw`, { reason: '撤回' })).statusCode,
    ).toBe(403);
    expect(
      (await (await h.as('office')).post(`/api/accountability/${byOffice}/withdraw`, { reason: '重复提出' }))
        .statusCode,
    ).toBe(200);
    expect((await h.anonymous.post(`/api/accountability/${byOffice}/withdraw`, { reason: 'x' })).statusCode).toBe(401);
  });
});

describe('GET /api/accountability (问责清单)', () => {
  it('lists per unit with filters and pagination; 404/403 outside; exports and prints', async () => {
    const office = await h.as('office');
    const unit = (await office.get(`/api/accountability?unitId=${h.demo.units.zhujian}&pageSize=2`)).json();
    expect(unit.total).toBe(4);
    expect(unit.items).toHaveLength(2);
    expect((await office.get('/api/accountability?status=decided')).json().total).toBe(1);
    expect((await office.get('/api/accountability?measure=reminder_talk')).json().total).toBe(1);
    expect((await office.get('/api/accountability?ground=perfunctory')).json().total).toBe(0);
    expect((await office.get('/api/accountability?q=张某')).json().total).toBe(4);
    expect((await office.get(`/api/accountability?unitId=${h.demo.units.jiaoyu}`)).json().total).toBe(0);
    expect((await office.get('/api/accountability?status=nope')).statusCode).toBe(400);
    expect((await (await h.as('lianluo')).get('/api/accountability')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/accountability')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/accountability')).json().total).toBe(4);
    const xlsx = await office.get(`/api/accountability/export?unitId=${h.demo.units.zhujian}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const id = unit.items[0].id;
    const doc = await office.get(`/api/accountability/${id}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const outsider = await h.database.db
      .insertInto('accountability')
      .values({
        committee_id: h.outsider.committeeId,
        rectification_id: outsiderCase,
        unit_id: h.outsider.unitId,
        person_name: '城西某',
        person_post: '科长',
        ground: 'ineffective',
        facts: '不应看到',
        proposed_measure: 'reminder_talk',
        proposed_by: h.outsider.ownerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await office.get(`/api/accountability/${outsider.id}`)).statusCode).toBe(404);
  });
});
