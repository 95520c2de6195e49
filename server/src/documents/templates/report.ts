// 巡察报告 as a 公文: the team's report to the 巡察工作领导小组, from the text of its latest version.
// The text keeps 公文 numbering at the start of lines; each level gets its font (一、 黑体, （一） 楷体).
import type { Block, OfficialDocumentSpec } from '../docx/layout.ts';
import { committeeShortName, teamFullName } from './announcement.ts';

const HEADING1 = /^[一二三四五六七八九十百]+、/;
const HEADING2 = /^（[一二三四五六七八九十百]+）/;

// A first line such as 关于XX专项巡察情况的报告: the text's own title, which the 公文 already prints.
const OWN_TITLE = /^[^，。；：]*关于[^，。；：]*(报告|意见)(（[^）]*）)?$/;

/**
 * One block per non-blank line: 一、 → heading1, （一） → heading2, anything else a paragraph. A first
 * line that is the text's own title is left out, so the title is not printed twice.
 */
export function blocksFromText(text: string): Block[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return (OWN_TITLE.test(lines[0] ?? '') ? lines.slice(1) : lines).map((line): Block => {
    if (HEADING1.test(line)) return { kind: 'heading1', text: line };
    if (HEADING2.test(line)) return { kind: 'heading2', text: line };
    return { kind: 'paragraph', text: line };
  });
}

export interface ReportDocumentInput {
  committeeName: string;
  teamName: string | null;
  unitName: string;
  content: string;
  /** 成文日期: the day the version was saved */
  date: string;
}

export function reportDocument(input: ReportDocumentInput): OfficialDocumentSpec {
  const team = teamFullName(input.committeeName, input.teamName);
  return {
    issuer: team,
    // 巡察报告 are handled as 秘密 documents; the office sets the exact period when filing
    secrecy: '秘密',
    title: `${team}关于巡察${input.unitName}\n党组织情况的报告`,
    recipients: [`${committeeShortName(input.committeeName)}巡察工作领导小组`],
    body: blocksFromText(input.content),
    signature: team,
    date: input.date,
  };
}
