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

export function multipart(fields: Record<string, string>, file?: MultipartFile): MultipartBody {
  const boundary = `----xuncha${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
