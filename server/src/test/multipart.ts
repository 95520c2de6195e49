// Builds a multipart/form-data body by hand, so upload tests control every byte (file names with
// paths, wrong extensions, oversized files) exactly as a browser or an attacker would send them.
import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  filename: string;
  content: Buffer;
  /** The part's Content-Type; the server must not trust it. */
  contentType?: string;
  /** Form field name of the file part (the API expects `file`). */
  field?: string;
}

export interface MultipartBody {
  payload: Buffer;
  headers: { 'content-type': string };
}

/** One file, or several (the public report form sends up to three under one field name). */
export function multipart(fields: Record<string, string>, file?: MultipartFile | MultipartFile[]): MultipartBody {
  const boundary = `----xuncha${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const part of [file ?? []].flat()) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
