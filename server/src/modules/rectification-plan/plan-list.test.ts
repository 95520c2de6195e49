// 整改方案审核 list (scope, filters, derived overdue, pagination), its .xlsx export, and the
// 整改方案审核意见 .docx opened as Word would.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';
import { put } from '../report/report.fixtures.ts';
import { addTask, issueJiaoyuFeedback, type PlanWorld, REVIEW_WEAK } from './plan.fixtures.ts';

let h: Harness;
let w: PlanWorld;
beforeAll(async () => {
  h = await createHarness();
  w = await issueJiaoyuFeedback(h);
});
afterAll(() => h.close());

const LIST = '/api/rectification-plans';
const planUrl = (suffix = '') => `/api/inspections/${w.inspectionId}/rectification-plan${suffix}`;
type Item = { unitName: string; status: string; overdue: boolean; dueDate: string; inspectionId: string };
const units = (items: Item[]) => items.map((i) => i.unitName).sort();

describe('GET /api/rectification-plans', () => {
  it('lists the plans in the office scope with the derived due date; pages; filters by unit, status, keyword', async () => {
    const office = await h.as('office');
    const all = (await office.get(LIST)).json();
    expect(units(all.items)).toEqual(expect.arrayContaining(['区住房和城乡建设局', '区教育局']));
    expect(all.items.map((i: Item) => i.inspectionId)).not.toContain(h.outsider.inspectionId);
    const jiaoyu = all.items.find((i: Item) => i.unitName === '区教育局');
    expect(jiaoyu).toMatchObject({
      status: 'draft',
      feedbackDate: '2026-06-05',
      overdue: false,
      roundName: expect.any(String),
    });
    const paged = (await office.get(`${LIST}?pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(units((await office.get(`${LIST}?unitId=${w.unitId}`)).json().items)).toEqual(['区教育局']);
    expect(units((await office.get(`${LIST}?q=${encodeURIComponent('教育')}`)).json().items)).toEqual(['区教育局']);
    expect((await office.get(`${LIST}?status=approved&unitId=${w.unitId}`)).json().total).toBe(0);
  });

  it('derives overdue from the clock: 区住建局 (feedback 100 days ago, not approved) is overdue, 区教育局 not yet', async () => {
    const office = await h.as('office');
    const zhujian = await h.database.db
      .selectFrom('rectification_plan')
      .select('status')
      .where('inspection_id', '=', h.demo.zhujianInspectionId)
      .executeTakeFirstOrThrow();
    const overdue = units((await office.get(`${LIST}?overdue=true`)).json().items);
    const onTime = units((await office.get(`${LIST}?overdue=false`)).json().items);
    expect(onTime).toContain('区教育局');
    expect(overdue).not.toContain('区教育局');
    if (zhujian.status === 'draft' || zhujian.status === 'returned') expect(overdue).toContain('区住房和城乡建设局');
    try {
      // a month later the cached session has expired: log in afresh at each moment
      h.clock.set(new Date('2026-07-20T04:00:00Z'));
      const later = await h.login('office');
      expect(units((await later.get(`${LIST}?overdue=true`)).json().items)).toContain('区教育局');
      expect((await later.get(planUrl())).json()).toMatchObject({ overdue: true, dueSoon: false });
      h.clock.set(new Date('2026-06-22T04:00:00Z'));
      const soon = await h.login('office');
      expect((await soon.get(planUrl())).json()).toMatchObject({ overdue: false, dueSoon: true });
    } finally {
      h.clock.set(TEST_NOW);
    }
  });

  it('shows a unit only its own plans', async () => {
    const items = (await (await h.as('jy_liaison')).get(LIST)).json().items;
    expect(units(items)).toEqual(['区教育局']);
    expect(units((await (await h.as('danwei')).get(LIST)).json().items)).not.toContain('区教育局');
  });

  it('is 400 for bad filters (Chinese), 401 anonymous, 403 without rectification.read', async () => {
    const bad = await (await h.as('office')).get(`${LIST}?status=done&overdue=yes&pageSize=500`);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['overdue', 'pageSize', 'status']);
    expect((await h.anonymous.get(LIST)).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(LIST)).statusCode).toBe(403);
  });
});

describe('GET /api/rectification-plans/export', () => {
  it('streams the filtered rows as .xlsx and audits the export', async () => {
    const res = await (await h.as('office')).get(`${LIST}/export?unitId=${w.unitId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet).toContain('区教育局');
    expect(sheet).toContain('起草中');
    expect(sheet).not.toContain('区住房和城乡建设局');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'rectification_plan.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 1 });
    expect((await h.anonymous.get(`${LIST}/export`)).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(`${LIST}/export`)).statusCode).toBe(403);
  });
});

describe('GET …/rectification-plan/review-document', () => {
  it('is 409 before any review, 404 out of scope, 401 anonymous', async () => {
    const before = await (await h.as('office')).get(planUrl('/review-document'));
    expect(before.statusCode).toBe(409);
    expect(before.json().message).toBe('整改方案尚未审核，没有审核意见可下载');
    const outside = `/api/inspections/${h.outsider.inspectionId}/rectification-plan/review-document`;
    expect((await (await h.as('office')).get(outside)).statusCode).toBe(404);
    expect((await h.anonymous.get(planUrl('/review-document'))).statusCode).toBe(401);
  });

  it('prints the title, each criterion with its comment and the reasons of a return, in the 公文 layout', async () => {
    await put(await h.as('jy_liaison'), planUrl(), { content: '一、总体要求\n立行立改。' });
    await addTask(h, w, 1, '规范教育收费');
    expect((await (await h.as('jy_head')).post(planUrl('/submit'))).statusCode).toBe(200);
    const returned = await (await h.as('office')).post(planUrl('/return'), {
      review: REVIEW_WEAK,
      reasons: '措施不具体，请重新制定',
    });
    expect(returned.statusCode).toBe(200);
    const res = await (await h.as('jy_head')).get(planUrl('/review-document'));
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('整改方案审核意见_区教育局.docx');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('关于区教育局整改方案的审核意见');
    expect(text).toContain('一、关于完整性');
    expect(text).toContain('不符合要求。整改措施针对性不强，未触及根源');
    expect(text).toContain('退回理由：措施不具体，请重新制定');
    expect(text).toContain('中共示例市城关区委巡察工作领导小组办公室');
    expect(xml).toContain('w:w="11906"');
  });
});
