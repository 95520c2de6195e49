import {
  FieldworkAttachment,
  FieldworkCounts,
  FieldworkCreate,
  FieldworkDetail,
  FieldworkListQuery,
  FieldworkPage,
  FieldworkSummary,
  FieldworkUpdate,
  Id,
  IdParams,
} from '@xuncha/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentDisposition } from '../../documents/download.ts';
import { badRequest } from '../../platform/errors.ts';
import { discardFile, receiveFile, type StoredFile } from '../../platform/files.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { fieldworkExportRoutes } from './fieldwork.export.ts';
import * as service from './fieldwork.service.ts';
import { addAttachment, assertCanAttach, openAttachment } from './fieldwork-attachment.service.ts';

const AttachmentParams = z.object({ id: Id, attachmentId: Id });

/** Reads a multipart body holding exactly one file under the field name `file`. */
async function readOneFile(req: FastifyRequest, filesDir: string): Promise<StoredFile | null> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传附件');
  let file: StoredFile | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (file || part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('每次只能上传一个文件，字段名为 file');
      }
      file = await receiveFile(filesDir, part.filename, part.file);
    }
  } catch (error) {
    if (file) await discardFile(filesDir, file);
    throw error;
  }
  return file;
}

export function fieldworkRoutes(app: App, deps: AppDeps) {
  fieldworkExportRoutes(app, deps);
  const read = { permission: 'fieldwork.read' } as const;
  app.get(
    '/api/inspections/:id/fieldwork',
    { config: read, schema: { params: IdParams, querystring: FieldworkListQuery, response: { 200: FieldworkPage } } },
    (req) => service.listFieldwork(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/inspections/:id/fieldwork/counts',
    { config: read, schema: { params: IdParams, response: { 200: FieldworkCounts } } },
    (req) => service.countFieldwork(contextOf(deps, req), req.params.id),
  );
  // the team registers with fieldwork.create, the unit its self-check with fieldwork.self_check: the policy decides
  app.post(
    '/api/inspections/:id/fieldwork',
    { config: read, schema: { params: IdParams, body: FieldworkCreate, response: { 200: FieldworkSummary } } },
    (req) => service.createFieldwork(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/fieldwork/:id',
    { config: read, schema: { params: IdParams, response: { 200: FieldworkDetail } } },
    (req) => service.getFieldwork(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/fieldwork/:id',
    { config: read, schema: { params: IdParams, body: FieldworkUpdate, response: { 200: FieldworkSummary } } },
    (req) => service.updateFieldwork(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/fieldwork/:id/attachments',
    { config: read, schema: { params: IdParams, response: { 200: FieldworkAttachment } } },
    async (req) => {
      const ctx = contextOf(deps, req);
      // refuse before receiving the upload, so a caller out of scope cannot make us write a file
      await assertCanAttach(ctx.db, ctx, req.params.id);
      return addAttachment(ctx, req.params.id, await readOneFile(req, deps.config.filesDir));
    },
  );
  app.get(
    '/api/fieldwork/:id/attachments/:attachmentId',
    { config: read, schema: { params: AttachmentParams } },
    async (req, reply) => {
      const file = await openAttachment(contextOf(deps, req), req.params.id, req.params.attachmentId);
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', file.size)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', attachmentDisposition(file.fileName))
        .send(file.stream);
    },
  );
}
