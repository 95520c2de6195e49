// Upload routes for imports and their templates. An import is parsed and checked completely first,
// then applied in ONE transaction together with its audit entry: either every row lands or none.
import type { Permission } from '@xuncha/contracts';
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, payloadTooLarge } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { attachmentDisposition, datedFileName, XLSX_MIME } from '../download.ts';
import { IMPORT_MAX_BYTES, type ImportRow, type ImportSpec, parseImport } from './import.ts';
import { buildTemplate } from './template.ts';

export interface ImportOptions {
  path: string;
  permission: Permission;
  spec: ImportSpec;
  /** Audited as `<entity>.import`; defaults to the permission's resource. */
  entity?: string;
  /** Writes the rows; may throw `importInvalid(…)` for rule errors (unknown parent, duplicate in the database). */
  apply(tx: Tx, ctx: RequestContext, rows: ImportRow[]): Promise<void>;
}

export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传 .xlsx 文件');
  const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw badRequest('请选择要导入的 .xlsx 文件（字段名为 file）', [{ path: 'file', message: '缺少文件' }]);
  }
  try {
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw payloadTooLarge('导入文件不能超过 10 MB，请分批导入');
    }
    throw error;
  }
}

export function registerImport(app: App, deps: AppDeps, options: ImportOptions) {
  const entity = options.entity ?? options.permission.split('.')[0] ?? 'import';
  app.post(options.path, { config: { permission: options.permission } }, async (req) => {
    const ctx = contextOf(deps, req);
    const upload = await readUpload(req);
    const { rows } = await parseImport(upload.content, options.spec);
    await withTransaction(ctx.db, async (tx) => {
      await options.apply(tx, ctx, rows);
      await writeAudit(tx, ctx.actor, {
        action: `${entity}.import`,
        entity,
        entityId: null,
        after: { fileName: upload.fileName, rows: rows.length },
      });
    });
    return { imported: rows.length };
  });
}

export function registerTemplate(
  app: App,
  deps: AppDeps,
  options: { path: string; permission: Permission; spec: ImportSpec },
) {
  app.get(options.path, { config: { permission: options.permission } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const fileName = datedFileName(`${options.spec.sheetName}导入模板`, 'xlsx', ctx.clock);
    return reply
      .header('Content-Type', XLSX_MIME)
      .header('Content-Disposition', attachmentDisposition(fileName))
      .send(await buildTemplate(options.spec));
  });
}
