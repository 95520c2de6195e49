// GET /api/handovers/:id/document: the 移交函 opened as Word would (unzipped XML), and who may generate it.
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addClue, addFinding, addHandoverDecision, addOutsiderHandover, CLUE_CONTENT } from './handover.fixtures.ts';

let h: Harness;
let clueHandover: string;
let cadreHandover: string;

async function text(res: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  h = await createHarness();
  const zhujian = h.demo.zhujianInspectionId;
  const url = `/api/inspections/${zhujian}/handovers`;
  const office = await h.as('office');
  const clueId = await addClue(h, zhujian, 'preliminary');
  const decisionId = await addHandoverDecision(h, zhujian);
  clueHandover = (await office.post(url, { kind: 'clue', clueId, decisionId, letterNo: '城巡办函〔2026〕9号' })).json()
    .id;
  const finding = await addFinding(h, zhujian, ['cadre_selection'], '选人用人工作不规范，干部档案审核不严');
  cadreHandover = (await office.post(url, { kind: 'cadre', findingId: finding })).json().id;
});
afterAll(() => h.close());

describe('GET /api/handovers/:id/document', () => {
  it('问题线索移交函: the clue’s content, the decision, the due date; opening the clue is audited', async () => {
    const res = await (await h.as('office')).get(`/api/handovers/${clueHandover}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('问题线索移交函'));
    const body = await text(res);
    for (const part of [
      '中共示例市城关区委巡察工作领导小组办公室',
      '城巡办函〔2026〕9号',
      '秘密',
      '关于移交区住房和城乡建设局有关问题线索的函',
      '示例市城关区纪委监委：',
      `被反映人：${CLUE_CONTENT.subjectName}（${CLUE_CONTENT.subjectPost}）`,
      `反映问题：${CLUE_CONTENT.allegation}`,
      '问题类别：违反廉洁纪律',
      '经区委巡察工作领导小组2026年第3次会议研究同意',
      '2026年9月15日前',
      '2026年6月15日',
    ])
      expect(body).toContain(part);
    const audits = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('action', 'in', ['clue.read_content', 'document.generate'])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['clue.read_content', 'document.generate']);
    expect(JSON.stringify(audits)).not.toContain(CLUE_CONTENT.subjectName);
  });

  it('问题移交函 for a 选人用人 problem: the finding’s title and facts, numbered with the handover code', async () => {
    const res = await (await h.as('zuzhang')).get(`/api/handovers/${cadreHandover}/document`);
    expect(res.statusCode).toBe(200);
    const body = await text(res);
    for (const part of [
      '移交〔2026〕4号',
      '关于移交区住房和城乡建设局选人用人问题的函',
      '中共示例市城关区委组织部：',
      '选人用人工作不规范，干部档案审核不严',
      '干部档案专项审核',
    ])
      expect(body).toContain(part);
    expect(body).not.toContain('秘密');
  });

  it('is 403 for a sender who may not read the clue, or a recipient; 404 out of scope; 401 anonymous', async () => {
    expect((await (await h.as('banshi')).get(`/api/handovers/${clueHandover}/document`)).statusCode).toBe(403);
    expect((await (await h.as('banshi')).get(`/api/handovers/${cadreHandover}/document`)).statusCode).toBe(200);
    expect((await (await h.as('jiwei')).get(`/api/handovers/${clueHandover}/document`)).statusCode).toBe(403);
    const outsider = await addOutsiderHandover(h);
    expect((await (await h.as('office')).get(`/api/handovers/${outsider}/document`)).statusCode).toBe(404);
    expect((await h.anonymous.get(`/api/handovers/${clueHandover}/document`)).statusCode).toBe(401);
    expect((await (await h.as('office')).get('/api/handovers/x/document')).statusCode).toBe(400);
  });
});
