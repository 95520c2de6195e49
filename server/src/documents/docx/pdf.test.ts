// The sample 公文 converted to PDF by LibreOffice, the way a server-side preview would: page count,
// page numbers on every page (odd right, even left), and the pages rendered to PNG for a person to look at.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialDocument } from './layout.ts';
import { type Converter, canConvert, createConverter } from './libreoffice.ts';
import { SAMPLE_DOCUMENT } from './sample.ts';

const OUT = path.resolve('test-output/docx');

describe.skipIf(!canConvert)('LibreOffice preview of the sample', () => {
  let converter: Converter;
  beforeAll(async () => {
    converter = await createConverter();
    await converter.convert({ sample: await buildOfficialDocument(SAMPLE_DOCUMENT) });
    await mkdir(OUT, { recursive: true });
  }, 120_000);

  it('converts to an A4 PDF with "— n —" odd right / even left and renders the pages', async () => {
    const { pages, pageSize, text } = await converter.info('sample');
    expect(pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    // LibreOffice sets 21 lines per page where Word sets 22, so the sample takes 3 pages here (2 in Word)
    expect(pages).toBe(3);
    const numberLines = text.split('\n').filter((line) => /^\s*—\s*\d+\s*—\s*$/.test(line));
    expect(numberLines).toHaveLength(pages);
    // odd pages right (indented far), even pages left
    const indents = numberLines.map((line) => line.search(/\S/));
    expect(indents[0]).toBeGreaterThan(20);
    expect(indents[1]).toBeLessThan(5);
    expect(indents[2]).toBeGreaterThan(20);
    expect(text).toContain('2026 年 11 月 24 日印发');
    for (const page of [1, 2, 3]) await converter.render('sample', OUT, page);
    console.info(`公文 preview: ${OUT}/sample.png, sample-2.png, sample-3.png`);
  }, 120_000);
});
