// The 整改情况报告 template and the 整改评估报告, opened as Word would (unzipped XML): what they are
// prefilled with, and that generating them is audited and scoped.
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addOtherUnitHead, caseOf, fileReports } from './rectification.fixtures.ts';

let h: Harness;
let caseId: string;
beforeAll(async () => {
  h = await createHarness();
  caseId = await caseOf(h, h.demo.zhujianInspectionId);
  await addOtherUnitHead(h);
});
afterAll(() => h.close());

async function text(res: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const documentAudits = async () =>
  (await h.database.db.selectFrom('audit_entry').select('after').where('action', '=', 'document.generate').execute())
    .length;

describe('GET /api/rectifications/:id/report-template', () => {
  it('is prefilled from the three lists: every finding, its tasks and who answers for them', async () => {
    const before = await documentAudits();
    const res = await (await h.as('lianluo')).get(`/api/rectifications/${caseId}/report-template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('整改情况报告（模板）'));
    const body = await text(res);
    const [findings, tasks] = await Promise.all([
      h.database.db
        .selectFrom('finding')
        .select('title')
        .where('inspection_id', '=', h.demo.zhujianInspectionId)
        .execute(),
      h.database.db
        .selectFrom('task')
        .select(['title', 'responsible_department as department'])
        .where('inspection_id', '=', h.demo.zhujianInspectionId)
        .execute(),
    ]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(body).toContain(f.title);
    for (const t of tasks) expect(body).toContain(`${t.title}。`);
    expect(body).toContain(`责任部门：${tasks[0]?.department}`);
    expect(body).toContain('关于十五届区委第三轮巡察反馈意见整改情况的报告');
    expect(body).toContain('区委第一巡察组向我单位反馈了十五届区委第三轮巡察意见');
    expect(body).not.toContain('巡察巡察');
    expect(await documentAudits()).toBe(before + 1);
  });
});

describe('GET /api/evaluations/:id/document', () => {
  it('整改评估报告: the figures, the conclusion and the 补课 deadline', async () => {
    await fileReports(h, caseId);
    const created = await (await h.as('office')).post(`/api/rectifications/${caseId}/evaluations`, {
      result: 'fail',
      comment: '部分问题整改不彻底，台账资料不完整。',
      remedialDue: '2026-08-31',
    });
    expect(created.statusCode).toBe(200);
    const url = `/api/evaluations/${created.json().id}/document`;
    const res = await (await h.as('office')).get(url);
    expect(res.statusCode).toBe(200);
    const body = await text(res);
    for (const part of [
      '中共示例市城关区委巡察工作领导小组办公室',
      '关于区住房和城乡建设局巡察整改情况的评估报告',
      '共反馈问题 4 个，细化整改任务 6 项',
      '部分问题整改不彻底，台账资料不完整。',
      '评估结论为“不合格”',
      '2026年8月31日前完成',
    ])
      expect(body).toContain(part);
    expect(body).not.toContain('巡察巡察');
    expect((await h.anonymous.get(url)).statusCode).toBe(401);
    expect((await (await h.as('jiaoyu_head')).get(url)).statusCode).toBe(404);
    expect((await (await h.as('zerenren')).get(url)).statusCode).toBe(403);
    expect(
      (await (await h.as('office')).get('/api/evaluations/00000000-0000-4000-8000-000000000000/document')).statusCode,
    ).toBe(404);
  });
});
