// GB/T 9704-2012 measurements and fonts, in the units Word uses (twips = 1/20 pt, half-points).
// The official fonts are not free: Chinese text names them (eastAsia; users' Word/WPS have them) and
// the other slots name the standard's fallback (仿宋, 宋体, 楷体), which Latin text and digits use.
import type { IFontAttributesProperties } from 'docx';

/** A4 hard-coded: convertMillimetersToTwip floors and would give 11905 × 16837. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** Margins 37 / 35 / 28 / 26 mm → 版心 156 × 225 mm. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Fixed 28 pt line spacing: 22 lines in the 版心. */
export const LINE = 560;

/**
 * 三号 is 16 pt, but 28 characters of 16 pt are 2 twips wider than the 156 mm 版心; tightening each
 * character by 0.25 pt gives exactly 28 per line. A run property, unlike a negative docGrid
 * charSpace, which LibreOffice renders as 20 characters per line.
 */
export const BODY_CHARACTER_SPACING = -5;
/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;
/** One body character (三号) in twips, the unit of every "空二字" indent. */
export const CHAR = 320;
/** One 四号 character, for the footer and 版记 indents. */
export const SMALL_CHAR = 280;
export const RED = 'FF0000';

/** Primary font names the document asks for, and the fallback the standard allows. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading1: { name: '黑体', fallback: '黑体' },
  heading2: { name: '楷体_GB2312', fallback: '楷体' },
  pageNumber: { name: '宋体', fallback: '宋体' },
} as const;

export type FontRole = keyof typeof FONTS;

export function fontOf(role: FontRole): IFontAttributesProperties {
  const { name, fallback } = FONTS[role];
  return { eastAsia: name, ascii: fallback, hAnsi: fallback, cs: fallback, hint: 'eastAsia' };
}

/** Paragraph styles carry the fonts so every run inherits them; runs only set what differs. */
export function paragraphStyles() {
  const style = (id: string, name: string, role: FontRole, size: number, characterSpacing = 0) => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf(role), size, ...(characterSpacing ? { characterSpacing } : {}) },
  });
  return [
    style('GwTitle', '公文标题', 'title', SIZE.erhao),
    style('GwBody', '公文正文', 'body', SIZE.sanhao, BODY_CHARACTER_SPACING),
    style('GwHeading1', '一级标题', 'heading1', SIZE.sanhao, BODY_CHARACTER_SPACING),
    style('GwHeading2', '二级标题', 'heading2', SIZE.sanhao, BODY_CHARACTER_SPACING),
    style('GwFooter', '页码', 'pageNumber', SIZE.sihao),
  ];
}
