// The assembled 巡察报告 text (counts only, never clue content) and the .docx opened as Word would.
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { put } from './report.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const zhujian = (suffix: string) => `/api/inspections/${h.demo.zhujianInspectionId}/report${suffix}`;

async function paragraphs(res: LightMyRequestResponse): Promise<string[]> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '';
    return `${style}|${[...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')}`;
  });
}

describe('GET /api/inspections/:id/report/assemble', () => {
  it('assembles 基本情况 with fieldwork and clue counts, the findings by 四个方面, 经验做法 and 移交建议', async () => {
    const res = await (await h.as('zuzhang')).get(zhujian('/assemble'));
    expect(res.statusCode).toBe(200);
    const text: string = res.json().content;
    const lines = text.split('\n');
    expect(lines.filter((l) => /^[一二三四五]、/.test(l))).toEqual([
      '一、基本情况',
      '二、发现的主要问题',
      '三、经验做法',
      '四、意见建议',
      '五、问题线索和移交建议',
    ]);
    expect(text).toMatch(/巡察期间，巡察组开展个别谈话\d+人次/);
    expect(text).toMatch(/问题线索[1-9]\d*件/);
    expect(lines.find((l) => /^（一）.+方面$/.test(l))).toBeDefined();
    expect(text).toContain('建议移交区纪委监委依规依纪依法处理');
    // numbering restarts at 1. under each aspect
    expect(lines.filter((l) => l.startsWith('1. ')).length).toBeGreaterThan(1);
    const clues = await h.database.db.selectFrom('clue').select('content_sealed').execute();
    for (const clue of clues) expect(text).not.toContain(clue.content_sealed);
  });

  it('is 401 without a session, 403 for readers who do not write, 404 out of scope', async () => {
    expect((await h.anonymous.get(zhujian('/assemble'))).statusCode).toBe(401);
    expect((await (await h.as('zuyuan')).get(zhujian('/assemble'))).statusCode).toBe(403);
    expect((await (await h.as('office')).get(zhujian('/assemble'))).statusCode).toBe(403);
    const outside = `/api/inspections/${h.outsider.inspectionId}/report/assemble`;
    expect((await (await h.as('zuzhang')).get(outside)).statusCode).toBe(404);
  });
});

describe('GET /api/inspections/:id/report/document', () => {
  it('is the latest version as a 公文: title, 一、 in 黑体 (GwHeading1), （一） in 楷体 (GwHeading2), audited', async () => {
    const res = await (await h.as('leader')).get(zhujian('/document'));
    expect(res.statusCode).toBe(200);
    const { unitName } = (await (await h.as('leader')).get(zhujian(''))).json();
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`巡察报告_${unitName}.docx`));
    const text = await paragraphs(res);
    const title = `关于巡察${unitName}党组织情况的报告`;
    expect(text.find((p) => p.startsWith('GwTitle|') && p.includes(title))).toBeDefined();
    expect(text.some((p) => /^GwHeading1\|一、/.test(p))).toBe(true);
    expect(text.some((p) => /^GwHeading2\|（一）/.test(p))).toBe(true);
    const generated = await h.database.db
      .selectFrom('audit_entry')
      .select('entity_id')
      .where('action', '=', 'document.generate')
      .execute();
    expect(generated.map((g) => g.entity_id)).toContain(h.demo.zhujianInspectionId);
  });

  it('carries a finding title written into the text', async () => {
    const jiaoyu = `/api/inspections/${h.demo.jiaoyuInspectionId}`;
    const zuzhang = await h.as('zuzhang');
    const none = await zuzhang.get(`${jiaoyu}/report/document`);
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toBe('巡察报告尚未保存任何版本，不能下载');
    await zuzhang.post(`${jiaoyu}/advance`, { event: 'investigate' });
    const content = (await zuzhang.get(`${jiaoyu}/report/assemble`)).json().content;
    expect((await put(zuzhang, `${jiaoyu}/report`, { content })).statusCode).toBe(200);
    const text = await paragraphs(await zuzhang.get(`${jiaoyu}/report/document`));
    expect(text).toContain('GwBody|1. 教育收费和食堂经费管理不规范');
    expect(text).toContain('GwHeading2|（一）党风廉政建设和反腐败方面');
  });

  it('is 401 without a session, 403 without report.read, 404 out of scope', async () => {
    expect((await h.anonymous.get(zhujian('/document'))).statusCode).toBe(401);
    expect((await (await h.as('jiwei')).get(zhujian('/document'))).statusCode).toBe(403);
    const outside = `/api/inspections/${h.outsider.inspectionId}/report/document`;
    expect((await (await h.as('office')).get(outside)).statusCode).toBe(404);
  });
});
