// Attachments of a 了解情况 record (谈话笔录 scans, 测评表, 自查材料). The file is received first (type and
// size checked by platform/files.ts), the row and its audit entry are written in one transaction, and only
// then is the file moved into place. An attachment of a sensitive record is as sensitive as its notes:
// downloading it needs the same permission. Audit entries carry ids, sizes and digests, never file names.
import { createReadStream } from 'node:fs';
import type { FieldworkAttachment } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { commitFile, discardFile, type StoredFile, storedPath } from '../../platform/files.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { decideChange, enforce, mayReadContent } from './fieldwork.policy.ts';
import * as repo from './fieldwork.repository.ts';
import { fieldworkPlace, loadRecord } from './fieldwork.service.ts';

/** May this user attach files to this record now? 404 / 403 / 409 otherwise. */
export async function assertCanAttach(db: Db, ctx: RequestContext, recordId: string): Promise<void> {
  enforce(decideChange(ctx.user, fieldworkPlace(await loadRecord(db, ctx.user, recordId))));
}

export async function addAttachment(
  ctx: RequestContext,
  recordId: string,
  file: StoredFile | null,
): Promise<FieldworkAttachment> {
  if (!file) throw badRequest('请选择要上传的文件', [{ path: 'file', message: '请选择要上传的文件' }]);
  // one place discards the received file, whichever step refuses it
  try {
    const attachment = await withTransaction(ctx.db, async (tx) => {
      await assertCanAttach(tx, ctx, recordId);
      const id = await repo.insertAttachment(tx, { recordId, ...file }, ctx.user.id, ctx.clock.now().toISOString());
      await writeAudit(tx, ctx.actor, {
        action: 'fieldwork.attach',
        entity: 'fieldwork_attachment',
        entityId: id,
        after: { recordId, mime: file.mime, size: file.size, sm3: file.sm3 },
      });
      const created = (await repo.attachmentsOf(tx, recordId)).find((a) => a.id === id);
      if (!created) throw notFound('附件不存在');
      return created;
    });
    await commitFile(ctx.config.filesDir, file);
    return attachment;
  } catch (error) {
    await discardFile(ctx.config.filesDir, file);
    throw error;
  }
}

export async function openAttachment(ctx: RequestContext, recordId: string, attachmentId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const record = await loadRecord(tx, ctx.user, recordId);
    if (!mayReadContent(ctx.user, fieldworkPlace(record))) throw forbidden('无权查看该记录内容');
    const file = await repo.findAttachment(tx, recordId, attachmentId);
    if (!file) throw notFound('附件不存在');
    await writeAudit(tx, ctx.actor, {
      action: 'fieldwork.download',
      entity: 'fieldwork_attachment',
      entityId: attachmentId,
      after: { recordId },
    });
    return {
      fileName: file.fileName,
      mime: file.mime,
      size: Number(file.size),
      stream: createReadStream(storedPath(ctx.config.filesDir, file.storedName)),
    };
  });
}
