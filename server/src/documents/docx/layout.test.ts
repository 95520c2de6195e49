// The generated .docx opened as Word would: unzip, read the XML and check the GB/T 9704-2012 layout.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialDocument } from './layout.ts';
import { chineseDate, plainTitle, titleLines } from './parts.ts';
import { paragraphWith as paragraphXmlWith, readDocx } from './read-docx.ts';
import { SAMPLE_DOCUMENT } from './sample.ts';

let files: Record<string, string>;
beforeAll(async () => {
  const zip = await JSZip.loadAsync(await buildOfficialDocument(SAMPLE_DOCUMENT));
  files = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) files[name] = (await zip.file(name)?.async('string')) ?? '';
  }
});

const doc = () => files['word/document.xml'] ?? '';
function styleXml(id: string): string {
  const pattern = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`);
  return (files['word/styles.xml'] ?? '').match(pattern)?.[0] ?? '';
}

/** The paragraph whose text contains `text`. */
function paragraphWith(text: string): string {
  const found = doc()
    .match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)
    ?.find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

describe('page setup', () => {
  it('is A4 with the 37/35/28/26 mm margins and a 22-line grid', () => {
    expect(doc()).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc()).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc()).toMatch(/<w:docGrid w:type="lines" w:linePitch="560"/);
    // 28 characters of 三号 tightened by 0.25 pt fit the 156 mm 版心 (8845 twips)
    expect(styleXml('GwBody')).toContain('<w:spacing w:val="-5"/>');
    expect(28 * (320 - 5)).toBeLessThanOrEqual(11906 - 1587 - 1474);
    expect(29 * (320 - 5)).toBeGreaterThan(11906 - 1587 - 1474);
  });

  it('has different odd and even footers', () => {
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(doc()).toMatch(/<w:footerReference w:type="default"/);
    expect(doc()).toMatch(/<w:footerReference w:type="even"/);
  });

  it('numbers pages "— n —" in 宋体 四号, odd right and even left, one character in', () => {
    const footers = Object.entries(files).filter(([name]) => name.startsWith('word/footer'));
    expect(footers).toHaveLength(2);
    const alignments = footers.map(([, xml]) => /<w:jc w:val="(\w+)"/.exec(xml)?.[1]).sort();
    expect(alignments).toEqual(['left', 'right']);
    for (const [, xml] of footers) {
      expect(xml).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toContain('<w:t xml:space="preserve"> —</w:t>');
      expect(xml).toMatch(/<w:ind w:(left|right)="280"/);
      expect(xml).toMatch(/w:eastAsia="宋体"/);
    }
    expect(styleXml('GwFooter')).toMatch(/<w:sz w:val="28"\/>/);
  });
});

describe('fonts and sizes', () => {
  it('names the official fonts with their fallbacks', () => {
    expect(styleXml('GwTitle')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(styleXml('GwTitle')).toMatch(/w:ascii="宋体"/);
    expect(styleXml('GwTitle')).toMatch(/<w:sz w:val="44"\/>/);
    expect(styleXml('GwBody')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(styleXml('GwBody')).toMatch(/w:ascii="仿宋"/);
    expect(styleXml('GwBody')).toMatch(/<w:sz w:val="32"\/>/);
    expect(styleXml('GwHeading1')).toMatch(/w:eastAsia="黑体"/);
    expect(styleXml('GwHeading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(styleXml('GwHeading2')).toMatch(/w:ascii="楷体"/);
  });

  it('uses exact 28 pt line spacing for the body and a 2-character first-line indent', () => {
    const body = paragraphWith('根据区委巡察工作统一部署');
    expect(body).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(body).toMatch(/<w:ind w:firstLine="640"/);
    expect(body).toContain('<w:pStyle w:val="GwBody"/>');
    expect(paragraphWith('一、巡察时间')).toContain('<w:pStyle w:val="GwHeading1"/>');
    expect(paragraphWith('（一）主要任务')).toContain('<w:pStyle w:val="GwHeading2"/>');
  });
});

describe('版头, 主体 and 版记', () => {
  it('puts 密级 and 紧急程度 first, then the red issuer mark and the 发文字号 over a red rule', () => {
    const text = doc();
    expect(text.indexOf('秘密★1年')).toBeLessThan(text.indexOf('加急'));
    expect(text.indexOf('加急')).toBeLessThan(text.indexOf('中共示例市东城区委巡察工作领导小组'));
    const issuer = paragraphWith('中共示例市东城区委巡察工作领导小组');
    expect(issuer).toContain('<w:color w:val="FF0000"/>');
    expect(issuer).toContain('<w:jc w:val="center"/>');
    const number = paragraphWith('区巡组〔2026〕3号');
    expect(number).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  it('centres the title and ends 主送 with a full-width colon', () => {
    const titleParagraph = paragraphWith('关于区委第三轮巡察进驻');
    expect(titleParagraph).toContain('<w:pStyle w:val="GwTitle"/>');
    expect(titleParagraph).toContain('<w:jc w:val="center"/>');
    expect(paragraphWith('区住房和城乡建设局党组：')).not.toContain('w:firstLine');
  });

  it('lists attachments, the signature and the 成文日期 in Arabic numerals 右空四字', () => {
    expect(paragraphWith('附件：1. 巡察组联系方式')).toMatch(/w:firstLine="640"/);
    expect(paragraphWith('2. 来信来访受理须知')).toMatch(/w:left="1600"/);
    const date = paragraphWith('2026年11月23日');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toMatch(/<w:ind w:right="1280"/);
    expect(paragraphWith('>区委第一巡察组</w:t>')).toContain('<w:jc w:val="right"/>');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('puts 密级 and 紧急程度 in 黑体 三号 at the top left, without indent', () => {
    for (const mark of ['秘密★1年', '加急']) {
      const p = paragraphWith(mark);
      expect(p).toContain('<w:pStyle w:val="GwHeading1"/>');
      expect(p).not.toContain('<w:jc ');
      expect(p).not.toContain('<w:ind ');
    }
  });

  it('keeps the 落款 on the page of the 成文日期, and a heading with what follows', () => {
    expect(paragraphWith('>区委第一巡察组</w:t>')).toContain('<w:keepNext/>');
    expect(paragraphWith('（一）主要任务')).toContain('<w:keepNext/>');
    expect(paragraphWith('一、巡察时间')).toContain('<w:keepNext/>');
    expect(paragraphWith('2026年11月23日')).not.toContain('<w:keepNext/>');
  });

  it('ends with 抄送 and 印发 between rules, the date at a right tab stop', () => {
    const copy = paragraphWith('抄送：区纪委监委，区委组织部。');
    expect(copy).toMatch(/<w:top w:val="single"[^>]*w:sz="8"/);
    expect(copy).toMatch(/<w:bottom w:val="single"[^>]*w:sz="4"/);
    const printed = paragraphWith('2026年11月24日印发');
    expect(printed).toContain('区委巡察工作领导小组办公室');
    expect(printed).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    // a real tab element before the date: a tab character inside <w:t> is not a tab to Word
    expect(printed).toMatch(/<w:tab\/><w:t[^>]*>2026年11月24日印发<\/w:t>/);
    expect(printed).not.toContain('\t');
    // 版记 in 四号
    expect(printed).toContain('<w:sz w:val="28"/>');
    expect(printed).toMatch(/<w:bottom w:val="single"[^>]*w:sz="8"/);
    expect(doc().lastIndexOf('印发')).toBeGreaterThan(doc().lastIndexOf('抄送'));
  });
});

describe('titles and headings', () => {
  it("breaks a long title only between words: before 关于 and at the template's marks, packed into lines", () => {
    expect(titleLines('关于区教育局整改方案的审核意见')).toEqual(['关于区教育局整改方案的审核意见']);
    expect(titleLines('中共示例市城关区委第一巡察组关于巡察区教育局\n党组织情况的报告')).toEqual([
      '中共示例市城关区委第一巡察组',
      '关于巡察区教育局党组织情况的报告',
    ]);
    expect(titleLines('中共示例市城关区委第一巡察组关于巡察区住房和城乡建设局\n党组织情况的报告')).toEqual([
      '中共示例市城关区委第一巡察组',
      '关于巡察区住房和城乡建设局',
      '党组织情况的报告',
    ]);
    // 20 characters fit one 二号 line; 25 do not
    expect(titleLines('关于对区教育局\n巡察整改工作进行督办的通知')).toEqual([
      '关于对区教育局巡察整改工作进行督办的通知',
    ]);
    expect(titleLines('关于对区住房和城乡建设局\n巡察整改工作进行督办的通知')).toEqual([
      '关于对区住房和城乡建设局',
      '巡察整改工作进行督办的通知',
    ]);
    expect(plainTitle('关于对区教育局\n巡察整改工作进行督办的通知')).toBe('关于对区教育局巡察整改工作进行督办的通知');
  });

  it('names the title without its break marks in the file properties', async () => {
    const zip = await readDocx(
      await buildOfficialDocument({
        ...SAMPLE_DOCUMENT,
        title: '关于对区住房和城乡建设局\n巡察整改工作进行督办的通知',
      }),
    );
    expect(zip.files['docProps/core.xml']).toContain(
      '<dc:title>关于对区住房和城乡建设局巡察整改工作进行督办的通知</dc:title>',
    );
    expect(zip.document).toMatch(
      /关于对区住房和城乡建设局<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>巡察整改工作进行督办的通知/,
    );
  });

  it('does not chain headings used as list items: heading → heading → paragraph at most', async () => {
    const { document } = await readDocx(
      await buildOfficialDocument({
        ...SAMPLE_DOCUMENT,
        body: [
          { kind: 'heading1', text: '一、发现的主要问题' },
          { kind: 'heading2', text: '（一）问题甲' },
          { kind: 'heading2', text: '（二）问题乙' },
          { kind: 'heading1', text: '二、意见建议' },
          { kind: 'paragraph', text: '建议正文。' },
        ],
      }),
    );
    const keeps = (text: string) => paragraphXmlWith(document, text).includes('<w:keepNext/>');
    expect(['一、发现的主要问题', '（一）问题甲', '（二）问题乙', '二、意见建议'].map(keeps)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('has no 版头 number but still the red rule, and no 版记, for a posted 公告', async () => {
    const { document } = await readDocx(
      await buildOfficialDocument({
        ...SAMPLE_DOCUMENT,
        docNumber: undefined,
        printedBy: undefined,
        copyTo: undefined,
      }),
    );
    expect(document).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(document).not.toContain('印发');
    expect(document).not.toContain('抄送');
  });
});
