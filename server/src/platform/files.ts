// Uploaded files: extension allow-list, magic-byte sniffing, size limit, stored under the data
// directory (never the web root) with a random name, and an SM3 digest of the content.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest, payloadTooLarge, unsupportedMedia } from './errors.ts';

interface FileType {
  mime: string;
  magic: number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ALLOWED_FILE_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  ofd: { mime: 'application/ofd', magic: ZIP },
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

/** Only the last path segment of a client file name, without control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return cleaned.slice(-120) || '未命名文件';
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
  if (!type.magic.every((byte, i) => head[i] === byte)) {
    throw await fail(unsupportedMedia(`文件内容与扩展名“.${extension}”不符`));
  }
  return { storedName, fileName, extension, mime: type.mime, size, sm3: sm3.digest('hex') };
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
