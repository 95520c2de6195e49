// The parts of a 公文 (版头, 主体, 版记) as paragraphs, each placed as GB/T 9704-2012 §7 describes.
import {
  AlignmentType,
  BorderStyle,
  type IParagraphOptions,
  LineRuleType,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { CHAR, LINE, RED, SIZE, SMALL_CHAR, TEXT_WIDTH } from './style.ts';

export type Block =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A short line such as a contact: indented like a paragraph but never justified, so a long
   * unbreakable address (a URL) does not spread out the characters before it. */
  | { kind: 'line'; text: string }
  | { kind: 'list'; items: string[] };

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: 2 * CHAR };

function para(text: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  return new Paragraph({ style: 'GwBody', spacing: exact, ...options, children: [new TextRun(text)] });
}

export const blankLine = () => new Paragraph({ style: 'GwBody', spacing: exact });

/** 2026-11-23 → 2026年11月23日: Arabic numerals, no leading zeros (§7.3.5.3). */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 密级和保密期限 and 紧急程度: 黑体 三号, top left (§7.2.2–7.2.3). */
export function marks(secrecy: string | undefined, urgency: string | undefined): Paragraph[] {
  return [secrecy, urgency]
    .filter((mark): mark is string => Boolean(mark))
    .map((mark) => new Paragraph({ style: 'GwHeading1', spacing: exact, children: [new TextRun(mark)] }));
}

/** 发文机关标志: red 小标宋, centred, as large as fits one line of the 版心 (at most 初号). */
export function issuerMark(issuer: string): Paragraph {
  // 95 %: glyphs are slightly wider than their point size in most CJK faces
  const fitsPt = Math.floor((TEXT_WIDTH / 20 / Math.max(issuer.length, 1)) * 0.95);
  const size = Math.min(42, fitsPt) * 2;
  return new Paragraph({
    style: 'GwTitle',
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.max(LINE, size * 12), lineRule: LineRuleType.EXACT, before: 0, after: 2 * LINE },
    children: [new TextRun({ text: issuer, color: RED, size })],
  });
}

/** 发文字号 centred under the mark, then the red separator line 4 mm below it (§7.2.5–7.2.7). */
export function docNumberLine(docNumber: string): Paragraph {
  return new Paragraph({
    style: 'GwBody',
    alignment: AlignmentType.CENTER,
    spacing: exact,
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    children: [new TextRun(docNumber)],
  });
}

// 二号 characters that fit the 版心 on one title line
const TITLE_LINE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.erhao * 10));

/** The title as one line of text (file metadata, the audit log), without its break marks. */
export const plainTitle = (text: string) => text.replaceAll('\n', '');

/**
 * A title too long for one line breaks only where words end (§7.3.1 词意完整): before its 关于 ("XX巡察组 /
 * 关于巡察XX的公告") and where its template marked a "\n" ("关于对XX局 / 巡察整改工作进行督办的通知").
 * The pieces are packed greedily into lines of at most one line's characters, so a short title stays whole
 * and a long one does not wrap mid-word at the margin.
 */
export function titleLines(text: string): string[] {
  const pieces = text
    .replace(/(.)关于/, '$1\n关于')
    .split('\n')
    .filter((piece) => piece.length > 0);
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] ?? '').length + piece.length <= TITLE_LINE_CHARS) lines[last] += piece;
    else lines.push(piece);
  }
  return lines;
}

/** 标题: 二号 小标宋, centred, one blank line below the red line (§7.3.1). */
export function title(text: string): Paragraph[] {
  return [
    blankLine(),
    new Paragraph({
      style: 'GwTitle',
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: titleLines(text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
    }),
    blankLine(),
  ];
}

/** 主送机关: flush left, ends with a full-width colon (§7.3.2). */
export function recipients(names: string[] | undefined): Paragraph[] {
  return names?.length ? [para(`${names.join('，')}：`)] : [];
}

const isHeading = (block: Block | undefined) => block?.kind === 'heading1' || block?.kind === 'heading2';

/**
 * A heading never ends a page: it is kept with what follows. Not when headings follow one another like
 * list items (（一）…（二）…（三）… in a report), where the chain would push a whole block to the next
 * page; there the chain is at most heading → heading → paragraph.
 */
function keepsWithNext(blocks: Block[], i: number): boolean {
  return isHeading(blocks[i]) && i + 1 < blocks.length && !(isHeading(blocks[i + 1]) && isHeading(blocks[i + 2]));
}

function bodyBlock(block: Block, keepNext: boolean): Paragraph[] {
  switch (block.kind) {
    case 'heading1':
      return [para(block.text, { style: 'GwHeading1', indent: indent2, keepNext })];
    case 'heading2':
      return [para(block.text, { style: 'GwHeading2', indent: indent2, keepNext })];
    case 'list':
      return block.items.map((item, i) => para(`${i + 1}. ${item}`, { indent: indent2 }));
    case 'line':
      return [para(block.text, { indent: indent2, alignment: AlignmentType.LEFT })];
    default:
      return [para(block.text, { indent: indent2, alignment: AlignmentType.JUSTIFIED })];
  }
}

export function bodyBlocks(blocks: Block[]): Paragraph[] {
  return blocks.flatMap((block, i) => bodyBlock(block, keepsWithNext(blocks, i)));
}

/** 附件说明: one blank line below the body, 空二字 "附件：", items numbered and aligned (§7.3.4). */
export function attachments(names: string[] | undefined): Paragraph[] {
  if (!names?.length) return [];
  const single = names.length === 1;
  return [
    blankLine(),
    ...names.map((name, i) => {
      const label = single ? name : `${i + 1}. ${name}`;
      return i === 0 ? para(`附件：${label}`, { indent: indent2 }) : para(label, { indent: { left: 5 * CHAR } });
    }),
  ];
}

/**
 * 落款 and 成文日期 (§7.3.5.2): the date 右空四字, the issuer's name centred above the date. Both are
 * placed by a right indent counted in characters, so they stay aligned whatever the name's length.
 */
export function signatureBlock(signature: string, date: string): Paragraph[] {
  const dateText = chineseDate(date);
  const dateIndent = 4 * CHAR;
  const signatureIndent = dateIndent + Math.max(0, Math.round(((dateText.length - signature.length) / 2) * CHAR));
  return [
    blankLine(),
    blankLine(),
    // 落款 and 成文日期 are never split across pages
    para(signature, { alignment: AlignmentType.RIGHT, indent: { right: signatureIndent }, keepNext: true }),
    para(dateText, { alignment: AlignmentType.RIGHT, indent: { right: dateIndent } }),
  ];
}

const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 };
const recordRun = (...children: (string | Tab)[]) => new TextRun({ children, size: SIZE.sihao });

/**
 * 版记 (§7.4): 抄送 and 印发机关/印发日期 in 四号, between a thick first and last rule with a thin rule
 * between them; 印发日期 right-aligned by a tab stop one character inside the 版心.
 */
export function recordBlock(copyTo: string[] | undefined, printedBy: string, printedOn: string): Paragraph[] {
  const record = { style: 'GwBody', spacing: exact, indent: { left: SMALL_CHAR, right: SMALL_CHAR } };
  const printed = new Paragraph({
    ...record,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * SMALL_CHAR }],
    border: { bottom: thick, ...(copyTo?.length ? {} : { top: thick }) },
    // a <w:tab/> element: a raw tab character inside <w:t> is not a tab to Word
    children: [recordRun(printedBy), recordRun(new Tab(), `${chineseDate(printedOn)}印发`)],
  });
  if (!copyTo?.length) return [blankLine(), printed];
  const copy = new Paragraph({
    ...record,
    border: { top: thick, bottom: thin },
    children: [recordRun(`抄送：${copyTo.join('，')}。`)],
  });
  return [blankLine(), copy, printed];
}
