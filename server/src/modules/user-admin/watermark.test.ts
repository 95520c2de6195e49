// Exports of sensitive data (线索处置台账, 了解情况台账) name who exported them and when: a banner row above the
// headers and the print header/footer of every page. Read back from the real downloads.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTime, exportWatermark } from '../../documents/xlsx/watermark.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const BANNER = '导出人：赵刚（zuzhang） 导出时间：2026-06-15 12:00:00 内部资料 注意保密';

async function firstSheet(url: string) {
  const res = await (await h.as('zuzhang')).get(url);
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book.worksheets[0] as ExcelJS.Worksheet;
}

describe('watermarked exports', () => {
  it.each([
    ['线索处置台账', () => '/api/clues/export', '线索编号'],
    ['了解情况台账', () => `/api/fieldwork/export?inspectionId=${h.demo.jiaoyuInspectionId}`, undefined],
  ])('%s carries the exporting user and time', async (_name, url, firstHeader) => {
    const sheet = await firstSheet(url());
    expect(sheet.getCell('A1').value).toBe(BANNER);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.headerFooter.oddHeader).toBe('&L导出人：赵刚（zuzhang）&R导出时间：2026-06-15 12:00:00');
    expect(sheet.headerFooter.oddFooter).toBe('&L内部资料 注意保密&C第 &P 页 共 &N 页&R赵刚（zuzhang）');
    if (firstHeader) expect(sheet.getCell('A2').value).toBe(firstHeader);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('leaves other exports as they were', async () => {
    const sheet = await firstSheet('/api/findings/export');
    expect(sheet.headerFooter?.oddHeader ?? '').toBe('');
    expect(String(sheet.getCell('A1').value)).not.toContain('导出人');
  });
});

describe('the watermark text', () => {
  it('is Shanghai time, and an & in a name is not read as a header code', () => {
    expect(exportTime(new Date('2026-01-01T16:30:05Z'))).toBe('2026-01-02 00:30:05');
    const mark = exportWatermark({ displayName: 'A&B', username: 'ab' }, fixedClock(new Date('2026-01-01T00:00:00Z')));
    expect(mark.oddHeader).toBe('&L导出人：A&&B（ab）&R导出时间：2026-01-01 08:00:00');
    expect(mark.banner).toBe('导出人：A&B（ab） 导出时间：2026-01-01 08:00:00 内部资料 注意保密');
  });
});
