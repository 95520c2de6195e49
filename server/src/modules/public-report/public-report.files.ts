// The public filing's multipart body (fields and up to three files) and its sealed attachments. Each file
// passes the platform's checks (extension allow-list, magic bytes, size), then its bytes are sealed with the
// same keyring as the text (SM4-CBC + HMAC-SM3 over the base64 form) before anything is kept: the plaintext
// copy in tmp is removed at once, and the original file name is sealed too (a name can identify a person).

import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PUBLIC_REPORT_MAX_FILES } from '@xuncha/contracts';
import type { FastifyRequest } from 'fastify';
import { type Keyring, open, seal } from '../../platform/crypto/sealed.ts';
import { badRequest } from '../../platform/errors.ts';
import { discardFile, receiveFile, type StoredFile, storedPath } from '../../platform/files.ts';
import type { NewAttachment } from './public-channel.repository.ts';

/** Public uploads are smaller than the team's own: 10 MB each (or less when UPLOAD_MAX_MB is lower). */
const PUBLIC_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** 5000 Chinese characters are 15,000 bytes of UTF-8; the app-wide field limit is lower. */
const FIELD_MAX_BYTES = 20_000;

export type SealedUpload = StoredFile & NewAttachment;

async function sealUpload(filesDir: string, keyring: Keyring, file: StoredFile): Promise<SealedUpload> {
  const plainPath = path.join(filesDir, 'tmp', file.storedName);
  const storedName = randomUUID();
  try {
    const bytes = await readFile(plainPath);
    await writeFile(path.join(filesDir, 'tmp', storedName), seal(keyring, bytes.toString('base64')), { mode: 0o600 });
  } finally {
    await rm(plainPath, { force: true });
  }
  return { ...file, storedName, nameSealed: seal(keyring, file.fileName) };
}

export interface PublicFiling {
  fields: Record<string, string>;
  files: SealedUpload[];
}

/** Reads the whole body; on any refusal every file received so far is removed. */
export async function readFiling(req: FastifyRequest, filesDir: string, keyring: Keyring, maxBytes: number) {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式提交');
  const fields: Record<string, string> = {};
  const files: SealedUpload[] = [];
  const limits = {
    files: PUBLIC_REPORT_MAX_FILES,
    fileSize: Math.min(maxBytes, PUBLIC_FILE_MAX_BYTES),
    fieldSize: FIELD_MAX_BYTES,
    fields: 10,
  };
  try {
    for await (const part of req.parts({ limits })) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw badRequest('反映内容过长', [{ path: part.fieldname, message: '内容过长' }]);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'files') {
        part.file.resume();
        throw badRequest('附件的字段名应为 files');
      }
      files.push(await sealUpload(filesDir, keyring, await receiveFile(filesDir, part.filename, part.file)));
    }
  } catch (error) {
    await discardUploads(filesDir, files);
    throw error;
  }
  return { fields, files } satisfies PublicFiling;
}

export async function discardUploads(filesDir: string, files: readonly StoredFile[]) {
  await Promise.all(files.map((f) => discardFile(filesDir, f)));
}

/** The original bytes of a sealed attachment (for a reader who passed readerWhere). */
export async function openAttachmentBytes(filesDir: string, keyring: Keyring, storedName: string): Promise<Buffer> {
  return Buffer.from(open(keyring, await readFile(storedPath(filesDir, storedName), 'utf8')), 'base64');
}
