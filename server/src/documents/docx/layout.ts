// One GB/T 9704-2012 公文 layout for every document the system prints; templates only fill the spec.
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import {
  attachments,
  type Block,
  bodyBlocks,
  docNumberLine,
  issuerMark,
  marks,
  plainTitle,
  recipients,
  recordBlock,
  signatureBlock,
  title,
} from './parts.ts';
import { fontOf, LINE, MARGIN, PAGE, paragraphStyles, SIZE, SMALL_CHAR } from './style.ts';

export type { Block } from './parts.ts';

export interface OfficialDocumentSpec {
  /** 发文机关标志, e.g. 中共示例市东城区委巡察工作领导小组 */
  issuer: string;
  /** 发文字号, e.g. 区巡组〔2026〕3号; a posted 公告 has none (the red line stays under the mark). */
  docNumber?: string;
  /** 密级和保密期限, e.g. 秘密★1年 */
  secrecy?: string;
  /** 紧急程度: 特急 / 加急 */
  urgency?: string;
  /** 标题; a "\n" marks where a title too long for one line may break (词意完整) */
  title: string;
  /** 主送机关 */
  recipients?: string[];
  body: Block[];
  /** 附件 names, in order */
  attachments?: string[];
  /** 落款: the issuing body's name */
  signature: string;
  /** 成文日期 'YYYY-MM-DD' */
  date: string;
  /** 抄送机关 */
  copyTo?: string[];
  /** 印发机关; without it (and 印发日期) there is no 版记, as on a 公告 posted for the public */
  printedBy?: string;
  /** 印发日期 'YYYY-MM-DD' */
  printedOn?: string;
}

// The page number sits 7 mm below the 版心: footer distance = bottom margin − 7 mm − one 四号 line.
const FOOTER_DISTANCE = MARGIN.bottom - 397 - SIZE.sihao * 10;

/** "— 1 —" in 宋体 四号, 空一字 from the outer edge: odd pages right, even pages left (§7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        style: 'GwFooter',
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('pageNumber') })],
      }),
    ],
  });
}

export async function buildOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const children = [
    ...marks(spec.secrecy, spec.urgency),
    issuerMark(spec.issuer),
    docNumberLine(spec.docNumber ?? ''),
    ...title(spec.title),
    ...recipients(spec.recipients),
    ...bodyBlocks(spec.body),
    ...attachments(spec.attachments),
    ...signatureBlock(spec.signature, spec.date),
    ...(spec.printedBy && spec.printedOn ? recordBlock(spec.copyTo, spec.printedBy, spec.printedOn) : []),
  ];
  const document = new Document({
    creator: spec.signature,
    title: plainTitle(spec.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: fontOf('body'), size: SIZE.sanhao } } },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
