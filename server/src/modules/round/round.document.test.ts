// GET /api/rounds/:id/work-plan.docx: the 巡察工作方案 opened as Word would (unzipped XML), and its refusals.
import { PLEDGE_ITEMS } from '@xuncha/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../documents/docx/parts.ts';
import { paragraphWith, paragraphXml, readDocx, styleOf, textOf } from '../../documents/docx/read-docx.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { announcementUrl, completeDraft } from '../announcement/announcement.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const url = (id = h.demo.roundId) => `/api/rounds/${id}/work-plan.docx`;

const generated = async () =>
  (
    await h.database.db
      .selectFrom('audit_entry')
      .select(['entity_id as entityId', 'after'])
      .where('action', '=', 'document.generate')
      .execute()
  ).map((a) => a.entityId);

describe('GET /api/rounds/:id/work-plan.docx refusals', () => {
  it('is 401 without a session, 403 without round.read, 404 out of scope or unknown, 400 for a bad id', async () => {
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    const forbidden = await (await h.as('zuzhang')).get(url());
    expect(forbidden.statusCode).toBe(403);
    const office = await h.as('office');
    const outside = await office.get(url(h.outsider.roundId));
    expect([outside.statusCode, outside.json().message]).toEqual([404, '巡察轮次不存在']);
    expect((await office.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const bad = await office.get(url('not-a-round'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await generated()).toEqual([]);
  });
});

describe('GET /api/rounds/:id/work-plan.docx', () => {
  let xml: string;
  let files: Record<string, string>;
  let text: string[];
  beforeAll(async () => {
    // the 区教育局 公告's contacts appear under 联系方式
    await (await h.as('office')).request({ method: 'PUT', url: announcementUrl(h), payload: completeDraft });
    const res = await (await h.as('leader')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('巡察工作方案_十五届区委第三轮巡察.docx'));
    ({ document: xml, files } = await readDocx(res.rawPayload));
    text = paragraphXml(xml).map(textOf).filter(Boolean);
  });

  it('is headed by the leading group in red, titled after the round, sent to the teams and the inspected', () => {
    const group = '中共示例市城关区委巡察工作领导小组';
    expect(text.slice(0, 3)).toEqual([group, '十五届区委第三轮巡察工作方案', '区委各巡察组，各被巡察党组织：']);
    expect(paragraphWith(xml, `>${group}</w:t>`)).toContain('<w:color w:val="FF0000"/>');
    expect(styleOf(paragraphWith(xml, '十五届区委第三轮巡察工作方案'))).toBe('GwTitle');
    const round = (text[3] ?? '').replace(/\s/g, '');
    expect(round).toMatch(/^根据《中国共产党巡视工作条例》和区委巡察工作规划，经区委同意，十五届区委第三轮巡察定于/);
  });

  it('has the eight sections, 一、 in 黑体 and （一） in 楷体', () => {
    const headings = paragraphXml(xml)
      .filter((p) => styleOf(p) === 'GwHeading1')
      .map(textOf);
    expect(headings).toEqual([
      '一、指导思想',
      '二、巡察对象和组织分工',
      '三、时间安排',
      '四、巡察内容',
      '五、工作方式',
      '六、组织领导',
      '七、巡察纪律',
      '八、联系方式',
    ]);
    expect(styleOf(paragraphWith(xml, '（一）中共示例市城关区委第一巡察组'))).toBe('GwHeading2');
    expect(styleOf(paragraphWith(xml, '（二）进驻了解阶段'))).toBe('GwHeading2');
  });

  it('lists the team’s members by post with their units, the branch secretary and the targets', () => {
    expect(text).toContain('本轮巡察派出1个巡察组，分工如下。');
    expect(text).toContain('组长：赵刚（区纪委监委第一纪检监察室主任）');
    expect(text).toContain('成员：钱进（区审计局审计一科科长）');
    expect(text).toContain('临时党支部书记：赵刚');
    expect(text).not.toContain('副组长：');
    expect(text).toContain('巡察对象：区住房和城乡建设局、区教育局（常规巡察）。');
  });

  it('dates the stays, lists the methods and the 八个严禁, and gives the 公告 contacts', async () => {
    // both units on the same dates: one line
    expect(text.filter((t) => t.startsWith('区委第一巡察组：'))).toEqual([
      '区委第一巡察组：2026年1月16日至2026年2月25日，进驻区住房和城乡建设局、区教育局',
    ]);
    expect(text).toContain('2. 与被巡察单位领导班子成员和干部职工进行个别谈话；');
    expect(text.some((t) => t.includes('调阅、复制有关文件'))).toBe(true);
    expect(text.some((t) => t.includes('来信、来电、来访'))).toBe(true);
    for (const [i, item] of PLEDGE_ITEMS.entries())
      expect(text.some((t) => t.startsWith(`${i + 1}. ${item}`))).toBe(true);
    expect(text).toContain(
      `区委第一巡察组（区教育局）：值班电话${completeDraft.phone}，邮政信箱${completeDraft.mailbox}`,
    );
  });

  it('ends with the 落款, today’s date and the 版记 (抄送, 印发)', () => {
    const today = chineseDate(h.today);
    const dateAt = text.indexOf(today);
    expect(text[dateAt - 1]).toBe('中共示例市城关区委巡察工作领导小组');
    expect(text.slice(-2)).toEqual(['抄送：区纪委监委，区委组织部。', `区委巡察工作领导小组办公室${today}印发`]);
    expect(paragraphWith(xml, today)).toContain('<w:jc w:val="right"/>');
  });

  it('keeps the GB/T 9704 page: A4, margins, 22-line grid, odd/even page numbers', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="560"/);
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(paragraphWith(xml, '组长：赵刚')).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
  });

  it('is audited as a download of the round', async () => {
    expect(await generated()).toContain(h.demo.roundId);
  });
});
