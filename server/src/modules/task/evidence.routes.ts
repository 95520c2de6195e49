import { Evidence, IdParams } from '@xuncha/contracts';
import type { FastifyRequest } from 'fastify';
import { badRequest, payloadTooLarge } from '../../platform/errors.ts';
import { discardFile, receiveFile, type StoredFile } from '../../platform/files.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { addEvidence, assertCanAddEvidence, openEvidenceFile } from './evidence.service.ts';

/**
 * Reads the multipart form: text fields plus at most one file, streamed to a temporary file (also used by
 * rectification reports, whose text may be longer than the app-wide `fieldSize`: they pass their own).
 * A text field cut off at the limit is refused rather than stored shortened.
 */
export async function readEvidenceForm(req: FastifyRequest, filesDir: string, fieldSize?: number) {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传材料');
  const fields: Record<string, string> = {};
  let file: StoredFile | null = null;
  try {
    for await (const part of req.parts(fieldSize ? { limits: { fieldSize } } : undefined)) {
      if (part.type === 'file') {
        if (file || part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest('每次只能上传一个文件，字段名为 file');
        }
        file = await receiveFile(filesDir, part.filename, part.file);
      } else if (typeof part.value === 'string') {
        if (part.valueTruncated) throw payloadTooLarge('填写的内容过长');
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (file) await discardFile(filesDir, file);
    throw error;
  }
  return { fields, file };
}

/** RFC 6266: an ASCII fallback name for old clients, the real (often Chinese) name in filename*. */
function contentDisposition(fileName: string): string {
  const extension = fileName.includes('.')
    ? fileName.slice(fileName.lastIndexOf('.')).replace(/[^.a-zA-Z0-9]/g, '')
    : '';
  return `attachment; filename="attachment${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function evidenceRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/tasks/:id/evidence',
    { config: { permission: 'evidence.upload' }, schema: { params: IdParams, response: { 200: Evidence } } },
    async (req) => {
      const ctx = contextOf(deps, req);
      // refuse before receiving the upload, so a caller out of scope cannot make us write a file
      await assertCanAddEvidence(ctx.db, ctx, req.params.id);
      const { fields, file } = await readEvidenceForm(req, deps.config.filesDir);
      return addEvidence(ctx, req.params.id, fields, file);
    },
  );

  app.get(
    '/api/evidence/:id/file',
    { config: { permission: 'evidence.read' }, schema: { params: IdParams } },
    async (req, reply) => {
      const file = await openEvidenceFile(contextOf(deps, req), req.params.id);
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', file.size)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', contentDisposition(file.fileName))
        .send(file.stream);
    },
  );
}
