// GET /api/inspections/:id/announcement.docx: the 公告 opened as Word would (unzipped XML), and its refusals.

import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../documents/docx/parts.ts';
import { committeeShortName, teamFullName } from '../../documents/templates/announcement.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { announcementUrl, completeDraft } from './announcement.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const base = () => announcementUrl(h);

async function documentXml(res: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

/** The paragraphs' text, in order (runs joined). */
function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
}

function paragraphWith(xml: string, text: string): string {
  const found = xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)?.find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** Inspections whose 公文 were generated (audit entries). */
async function generated() {
  const rows = await h.database.db
    .selectFrom('audit_entry')
    .select('entity_id')
    .where('action', '=', 'document.generate')
    .execute();
  return rows.map((r) => r.entity_id);
}

describe('GET /api/inspections/:id/announcement.docx', () => {
  it('is 409 while the announcement is not filled in, naming what is missing, and audits nothing', async () => {
    const res = await (await h.as('office')).get(`${base()}.docx`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      '巡察公告尚未填写完整，请先填写公告开始日期、公告结束日期、联系电话、邮政信箱、接待地点、接待时间，再下载公告',
    );
    expect(await generated()).toEqual([]);
  });

  it('is 401 without a session, 404 out of scope, 403 without inspection.read', async () => {
    expect((await h.anonymous.get(`${base()}.docx`)).statusCode).toBe(401);
    const outside = `/api/inspections/${h.outsider.inspectionId}/announcement.docx`;
    expect((await (await h.as('office')).get(outside)).statusCode).toBe(404);
    expect((await (await h.as('auditor')).get(`${base()}.docx`)).statusCode).toBe(403);
  });

  it('fills the 公告 from the record: mark, title, body, contacts, 落款 and date, audited', async () => {
    const office = await h.as('office');
    expect((await office.request({ method: 'PUT', url: base(), payload: completeDraft })).statusCode).toBe(200);
    const res = await office.get(`${base()}.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('巡察公告_区教育局.docx'));

    const xml = await documentXml(res);
    const team = '中共示例市城关区委第一巡察组';
    const text = paragraphs(xml).filter(Boolean);
    expect(text[0]).toBe(team);
    expect(text[1]).toBe(`${team}关于巡察区教育局党组织的公告`);
    expect(text[2]).toBe(
      '根据区委巡察工作统一部署，中共示例市城关区委第一巡察组于2026年6月1日至2026年7月31日进驻区教育局，对区教育局党组织开展常规巡察。',
    );
    expect(text[3]).toMatch(
      /^根据《中国共产党巡视工作条例》和区委关于巡察工作的有关规定，巡察组主要受理反映区教育局领导班子及其成员/,
    );
    expect(text.slice(5, 10)).toEqual([
      '联系电话：0571-86001234',
      '邮政信箱：城关区邮政 A018 号信箱',
      '接待地点：区委党校二楼 203 室',
      '接待时间：工作日 8:30—17:30',
      `网上举报：http://localhost:80/public/inspections/${h.demo.jiaoyuInspectionId}`,
    ]);
    expect(text.slice(-3)).toEqual(['特此公告。', team, chineseDate(h.today)]);

    // layout: red centred mark over the red rule, 二号 title, 仿宋 body with a 2-character indent, 落款 at the right
    expect(paragraphWith(xml, `>${team}</w:t>`)).toContain('<w:color w:val="FF0000"/>');
    const title = paragraphWith(xml, '关于巡察区教育局党组织的公告');
    expect(title).toContain('<w:pStyle w:val="GwTitle"/>');
    // two whole lines: the team, then 关于…的公告
    expect(title).toMatch(/第一巡察组<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>关于巡察/);
    expect(paragraphWith(xml, '网上举报：')).toContain('<w:jc w:val="left"/>');
    expect(paragraphWith(xml, '根据区委巡察工作统一部署')).toMatch(/<w:ind w:firstLine="640"/);
    expect(paragraphWith(xml, '联系电话：')).toContain('<w:pStyle w:val="GwBody"/>');
    expect(paragraphWith(xml, chineseDate(h.today))).toContain('<w:jc w:val="right"/>');
    // posted for the public: no 版记
    expect(xml).not.toContain('印发');

    expect(await generated()).toEqual([h.demo.jiaoyuInspectionId]);
  });

  it('lists the e-mail when there is one', async () => {
    const office = await h.as('office');
    await office.request({ method: 'PUT', url: base(), payload: { ...completeDraft, email: 'xuncha@example.gov.cn' } });
    const text = paragraphs(await documentXml(await office.get(`${base()}.docx`)));
    expect(text).toContain('电子邮箱：xuncha@example.gov.cn');
  });
});

describe('names in the 公告', () => {
  it('joins the committee and the team without repeating 区委', () => {
    expect(committeeShortName('中共示例市城关区委')).toBe('区委');
    expect(committeeShortName('中共示例县委')).toBe('县委');
    expect(teamFullName('中共示例市城关区委', '区委第二巡察组')).toBe('中共示例市城关区委第二巡察组');
    expect(teamFullName('中共示例市城关区委', '第三巡察组')).toBe('中共示例市城关区委第三巡察组');
    expect(teamFullName('中共示例市城关区委', null)).toBe('中共示例市城关区委巡察组');
  });
});
