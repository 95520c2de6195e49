// Uploaded files: extension allow-list, magic-byte sniffing, size limit, stored under the data
// directory (never the web root) with a random name, and an SM3 digest of the content.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest, payloadTooLarge, unsupportedMedia } from './errors.ts';

interface FileType {
  mime: string;
  magic: number[];
  /**
   * For zip-based formats: entries the archive must hold (a name ending in `/` is a folder prefix), so
   * that any zip renamed .docx is refused — only a real Office/OFD package has these.
   */
  parts?: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ALLOWED_FILE_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
    parts: ['[Content_Types].xml', 'word/'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: ZIP,
    parts: ['[Content_Types].xml', 'xl/'],
  },
  ofd: { mime: 'application/ofd', magic: ZIP, parts: ['OFD.xml'] },
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png']);

export interface StoredFile {
  storedName: string;
  fileName: string;
  extension: string;
  mime: string;
  size: number;
  sm3: string;
}

/** Control characters, and the bidirectional overrides that make `invoice[RLO]fdp.exe` display as `invoiceexe.pdf`. */
const UNSAFE_CHARACTER = /[\p{Cc}\p{Bidi_Control}]/gu;

/**
 * The name shown and offered on download: the last path segment of the client's name (so
 * `../../etc/passwd` is `passwd`), without unsafe characters, at most 120 characters keeping the end
 * (the extension). It is never a path on disk: files are stored under a generated name.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_CHARACTER, '').trim();
  return [...cleaned].slice(-120).join('') || '未命名文件';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Streams an upload into `<filesDir>/tmp`, checking type and size on the way.
 * Returns the temporary file; `commitFile` moves it into place once the database write succeeded.
 */
export async function receiveFile(
  filesDir: string,
  clientName: string,
  stream: Readable & { truncated?: boolean },
): Promise<StoredFile> {
  const fileName = safeFileName(clientName);
  const extension = extensionOf(fileName);
  const type = ALLOWED_FILE_TYPES[extension];
  if (!type) {
    stream.resume();
    throw unsupportedMedia(
      `不支持的文件类型“.${extension || '无扩展名'}”，允许：${Object.keys(ALLOWED_FILE_TYPES).join('、')}`,
    );
  }
  await mkdir(path.join(filesDir, 'tmp'), { recursive: true });
  const storedName = randomUUID();
  const tmpPath = path.join(filesDir, 'tmp', storedName);
  const sm3 = createHash('sm3');
  let size = 0;
  let head = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    sm3.update(chunk);
    size += chunk.length;
    if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
  });
  await pipeline(stream, createWriteStream(tmpPath));
  const fail = async (error: Error) => {
    await rm(tmpPath, { force: true });
    return error;
  };
  if (stream.truncated) throw await fail(payloadTooLarge('文件超过大小限制'));
  if (size === 0) throw await fail(badRequest('文件为空', [{ path: 'file', message: '文件为空' }]));
  const matches = type.magic.every((byte, i) => head[i] === byte) && (await holdsParts(tmpPath, type.parts));
  if (!matches) throw await fail(unsupportedMedia(`文件内容与扩展名“.${extension}”不符`));
  return { storedName, fileName, extension, mime: type.mime, size, sm3: sm3.digest('hex') };
}

async function holdsParts(file: string, parts: string[] | undefined): Promise<boolean> {
  if (!parts) return true;
  const names = await zipEntryNames(file);
  return parts.every((part) =>
    part.endsWith('/') ? names.some((name) => name.startsWith(part)) : names.includes(part),
  );
}

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The entry names in a zip's central directory; empty when it is not a readable zip. */
async function zipEntryNames(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    // the end record is the last 22 bytes, followed by a comment of at most 65,535 bytes
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const end = tail.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
    if (end < 0 || end + 22 > tail.length) return [];
    const count = tail.readUInt16LE(end + 10);
    const directory = Buffer.alloc(tail.readUInt32LE(end + 12));
    const offset = tail.readUInt32LE(end + 16);
    if (offset + directory.length > size) return [];
    await handle.read(directory, 0, directory.length, offset);
    const names: string[] = [];
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return [];
      const nameEnd = at + 46 + directory.readUInt16LE(at + 28);
      names.push(directory.toString('utf8', at + 46, nameEnd));
      at = nameEnd + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return names;
  } finally {
    await handle.close();
  }
}

export function storedPath(filesDir: string, storedName: string): string {
  return path.join(filesDir, storedName.slice(0, 2), storedName);
}

export async function commitFile(filesDir: string, file: StoredFile): Promise<void> {
  const target = storedPath(filesDir, file.storedName);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(path.join(filesDir, 'tmp', file.storedName), target);
}

export async function discardFile(filesDir: string, file: StoredFile): Promise<void> {
  await rm(path.join(filesDir, 'tmp', file.storedName), { force: true });
}
