// Upload and download of 佐证材料. The file is received first (type/size checked), the record is
// written in one transaction, and only then is the file moved into place; on failure it is discarded.
import { createReadStream } from 'node:fs';
import { type Evidence, EvidenceFields, type TaskStatus } from '@xuncha/contracts';
import type { z } from 'zod';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { commitFile, discardFile, IMAGE_EXTENSIONS, type StoredFile, storedPath } from '../../platform/files.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { evidenceOfTask, findEvidenceFile, insertEvidence } from './evidence.repository.ts';
import { loadTask, taskScope } from './task.service.ts';
import { acceptsEvidence } from './task.status.ts';

type Fields = z.output<typeof EvidenceFields>;

function checkEvidenceFields(raw: Record<string, string>, file: StoredFile | null): Fields {
  const parsed = EvidenceFields.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw badRequest(`材料填写有误：${details.map((d) => d.message).join('；')}`, details);
  }
  const fields = parsed.data;
  const needsFile = fields.kind === 'document' || fields.kind === 'photo' || fields.kind === 'institution';
  if (needsFile && !file) throw badRequest('请选择要上传的文件', [{ path: 'file', message: '请选择要上传的文件' }]);
  if (fields.kind === 'photo' && file && !IMAGE_EXTENSIONS.has(file.extension)) {
    throw badRequest('照片只能是 JPG 或 PNG 格式', [{ path: 'file', message: '照片只能是 JPG 或 PNG 格式' }]);
  }
  if (fields.kind === 'money' && fields.amount === undefined) {
    throw badRequest('请填写挽回/追缴金额', [{ path: 'amount', message: '请填写挽回/追缴金额' }]);
  }
  const missing = missingKindFields(fields);
  if (missing.length) {
    throw badRequest(
      `请填写${missing.map((m) => m.label).join('、')}`,
      missing.map((m) => ({ path: m.path, message: `请填写${m.label}` })),
    );
  }
  return fields;
}

/** 制度 evidence counts as 建章立制 only with its name, 文号 and date; 人员处理 needs how many people. */
function missingKindFields(fields: Fields): { path: string; label: string }[] {
  const missing: { path: string; label: string }[] = [];
  if (fields.kind === 'institution') {
    if (!fields.institutionName) missing.push({ path: 'institutionName', label: '制度名称' });
    if (!fields.institutionDocNo) missing.push({ path: 'institutionDocNo', label: '文号' });
    if (!fields.institutionDate) missing.push({ path: 'institutionDate', label: '印发日期' });
  }
  if (fields.kind === 'person' && fields.personsCount === undefined) {
    missing.push({ path: 'personsCount', label: '处理人数' });
  }
  return missing;
}

/** May this user add evidence to this task now? 404 / 403 / 409 otherwise. */
export async function assertCanAddEvidence(db: Db, ctx: RequestContext, taskId: string): Promise<void> {
  const task = await loadTask(db, ctx, taskId);
  if (!can(ctx.user, 'evidence.upload', taskScope(task))) throw forbidden('无权为该任务上传佐证材料');
  if (!acceptsEvidence(task.status as TaskStatus)) throw conflict('任务已申请销号或已销号，不能再上传材料');
}

export async function addEvidence(
  ctx: RequestContext,
  taskId: string,
  rawFields: Record<string, string>,
  file: StoredFile | null,
): Promise<Evidence> {
  // one place discards the received file, whichever step refuses it
  try {
    const fields = checkEvidenceFields(rawFields, file);
    const evidence = await withTransaction(ctx.db, async (tx) => {
      await assertCanAddEvidence(tx, ctx, taskId);
      const at = ctx.clock.now().toISOString();
      const id = await insertEvidence(tx, {
        taskId,
        kind: fields.kind,
        description: fields.description,
        amount: fields.kind === 'money' ? (fields.amount ?? null) : null,
        // kind-specific fields are kept only for their kind, so a stray form field cannot mislabel a record
        institution:
          fields.kind === 'institution' && fields.institutionName && fields.institutionDocNo && fields.institutionDate
            ? { name: fields.institutionName, docNo: fields.institutionDocNo, date: fields.institutionDate }
            : null,
        persons:
          fields.kind === 'person' && fields.personsCount !== undefined
            ? { count: fields.personsCount, note: fields.personsNote || null }
            : null,
        file,
        uploadedBy: ctx.user.id,
        at,
      });
      await writeAudit(tx, ctx.actor, {
        action: 'evidence.upload',
        entity: 'evidence',
        entityId: id,
        after: {
          taskId,
          kind: fields.kind,
          fileName: file?.fileName ?? null,
          size: file?.size ?? null,
          sm3: file?.sm3 ?? null,
        },
      });
      const all = await evidenceOfTask(tx, taskId);
      const created = all.find((e) => e.id === id);
      if (!created) throw notFound('佐证材料不存在');
      return { ...created, kind: created.kind as Evidence['kind'] };
    });
    if (file) await commitFile(ctx.config.filesDir, file);
    return evidence;
  } catch (error) {
    if (file) await discardFile(ctx.config.filesDir, file);
    throw error;
  }
}

export async function openEvidenceFile(ctx: RequestContext, evidenceId: string) {
  const row = await findEvidenceFile(ctx.db, ctx.user, evidenceId);
  if (!row?.storedName) throw notFound('文件不存在');
  return {
    fileName: row.fileName ?? '附件',
    mime: row.mime ?? 'application/octet-stream',
    size: row.size ?? 0,
    stream: createReadStream(storedPath(ctx.config.filesDir, row.storedName)),
  };
}
