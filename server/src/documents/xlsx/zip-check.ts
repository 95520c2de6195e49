// Looks inside an uploaded .xlsx before the spreadsheet reader does: it must be a zip holding a
// workbook (a renamed .docx or any other zip is refused with a clear reason), and it must not unpack
// to more than MAX_UNPACKED_BYTES (a "zip bomb" of a few MB would otherwise make the XML reader chew
// through gigabytes). The sizes are measured by inflating, since a zip's declared sizes can lie.
import { createInflateRaw } from 'node:zlib';
import { badRequest } from '../../platform/errors.ts';

/** A 10 MB ledger unpacks to ≈ 100 MB of XML; ten times the ratio of real files is still refused. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const corrupt = () =>
  badRequest('文件已损坏或不是有效的 Excel 工作簿（.xlsx）', [{ path: 'file', message: '压缩包结构损坏' }]);
const notWorkbook = (what: string) =>
  badRequest(`${what}，不是 Excel 工作簿（.xlsx），请使用导入模板填写后上传`, [
    { path: 'file', message: '不是 .xlsx 文件' },
  ]);
const tooBig = () =>
  badRequest('文件解压后过大（可能是恶意构造的压缩包），请使用导入模板重新填写', [
    { path: 'file', message: '解压后超过上限' },
  ]);

/** The end-of-central-directory record sits in the last 64 KB + 22 bytes of the file. */
function centralDirectory(file: Buffer): { count: number; offset: number } {
  for (let at = file.length - 22; at >= Math.max(0, file.length - 65_557); at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) {
      return { count: file.readUInt16LE(at + 10), offset: file.readUInt32LE(at + 16) };
    }
  }
  throw corrupt();
}

function entriesOf(file: Buffer): ZipEntry[] {
  const { count, offset } = centralDirectory(file);
  if (count > MAX_ENTRIES) throw tooBig();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt();
    const nameLength = file.readUInt16LE(at + 28);
    entries.push({
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      declaredSize: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

function dataOf(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_SIGNATURE) throw corrupt();
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  if (start + entry.compressedSize > file.length) throw corrupt();
  return file.subarray(start, start + entry.compressedSize);
}

/** Inflates `data` without keeping it, stopping as soon as more than `budget` bytes came out. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // 1 MB output chunks: with the default 16 KB, 256 MB take 9 s of event overhead instead of 0.3 s
    const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(tooBig());
      }
    });
    inflate.on('error', () => reject(corrupt()));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

/** Throws 400 unless `file` is a well-formed .xlsx package of a sane unpacked size. */
export async function checkXlsxPackage(file: Buffer): Promise<void> {
  const entries = entriesOf(file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) throw notWorkbook('这是 Word 文档（.docx）');
    if (names.has('ppt/presentation.xml')) throw notWorkbook('这是演示文稿（.pptx）');
    throw notWorkbook('这是一个普通压缩包');
  }
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > MAX_UNPACKED_BYTES) throw tooBig();
  let budget = MAX_UNPACKED_BYTES;
  for (const entry of entries) {
    const data = dataOf(file, entry);
    if (entry.method === STORED) budget -= data.length;
    else if (entry.method === DEFLATED) budget -= await inflatedSize(data, budget);
    else throw corrupt();
    if (budget < 0) throw tooBig();
  }
}
