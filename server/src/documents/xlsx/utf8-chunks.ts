// exceljs's streaming reader decodes every decompressed chunk to text on its own, so a Chinese
// character whose UTF-8 bytes straddle two chunks turns into "���" (seen 4 times in a 50,000-row
// ledger). Re-chunking at character boundaries before exceljs sees the bytes prevents it.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** Length of the prefix of `buf` that ends on a complete UTF-8 character. */
function completeLength(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

export async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const buf = Buffer.concat([carry, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    const cut = completeLength(buf);
    carry = buf.subarray(cut);
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry.length) yield carry;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): unknown;
}

/** Routes the worksheet and shared-string XML of `reader` through `utf8Chunks` (internals of exceljs 4.4). */
export function decodeSafely(reader: ExcelJS.stream.xlsx.WorkbookReader): ExcelJS.stream.xlsx.WorkbookReader {
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Chunks(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(utf8Chunks(entry)));
  return reader;
}
