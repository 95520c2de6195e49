// The team's inbox: list (metadata only), open one report (content, contact, reply — audited), download an
// attachment (audited), reply to the reporter, and set the status (受理 / 重新办理). A report the user may not
// read is "not found", whoever asks: no 403 that would confirm it exists. Audit entries carry ids and
// statuses only, never the text, the contact or the reply.
import {
  type PublicReportDetail,
  type PublicReportEvent,
  type PublicReportListItem,
  type PublicReportListQuery,
  type PublicReportStatus,
  publicReportEventLabel,
  publicReportStatusLabel,
} from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { type Keyring, open, openJson, seal } from '../../platform/crypto/sealed.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { INSPECTION_COLUMNS, mayDo, readerWhere } from './public-report.access.ts';
import { openAttachmentBytes } from './public-report.files.ts';
import * as repo from './public-report.repository.ts';
import { nextReportStatus } from './public-report.status.ts';

export const REPORT_NOT_FOUND = '群众举报/意见不存在';

export async function loadReadable(db: Db, user: SessionUser, id: string): Promise<repo.ReportRow> {
  const row = await repo.findReadable(db, user, id);
  if (!row) throw notFound(REPORT_NOT_FOUND);
  return row;
}

/** Visible inspection (404) whose reports this user may read (403: says nothing about any report). */
export async function assertInboxReader(db: Db, user: SessionUser, inspectionId: string) {
  await loadInspection(db, user, inspectionId);
  const row = await db
    .selectFrom('inspection as i')
    .select('i.id')
    .where('i.id', '=', inspectionId)
    .where(readerWhere(user, INSPECTION_COLUMNS))
    .executeTakeFirst();
  if (!row) throw forbidden('无权查看该巡察收到的群众举报/意见');
}

type ListRow = Awaited<ReturnType<typeof repo.readableRows>>[number];
export function presentListItem(row: ListRow): PublicReportListItem {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind as PublicReportListItem['kind'],
    status: row.status as PublicReportStatus,
    filedAt: row.filedAt,
    updatedAt: row.updatedAt,
    anonymous: row.anonymous,
    attachmentCount: row.attachmentCount,
    repliedAt: row.repliedAt,
    convertedTo: row.convertedTo as PublicReportListItem['convertedTo'],
  };
}

export async function listReports(ctx: RequestContext, inspectionId: string, query: PublicReportListQuery) {
  const { page, pageSize, ...filter } = query;
  await assertInboxReader(ctx.db, ctx.user, inspectionId);
  const { items, total } = await repo.listReadable(ctx.db, ctx.user, { ...filter, inspectionId }, { page, pageSize });
  return pageResult(items.map(presentListItem), total, query);
}

export async function listInboxes(ctx: RequestContext) {
  return { items: await repo.inboxes(ctx.db, ctx.user) };
}

function abilities(user: SessionUser, row: repo.ReportRow): PublicReportDetail['abilities'] {
  const status = row.status as PublicReportStatus;
  const may = (event: PublicReportEvent) =>
    nextReportStatus(status, event) !== undefined && mayDo(user, 'public_report.reply', row);
  return {
    reply: may('reply'),
    start: may('start'),
    reopen: may('reopen'),
    convert: may('transfer') && (mayDo(user, 'fieldwork.create', row) || mayDo(user, 'clue.create', row)),
  };
}

export async function present(
  tx: Tx,
  keyring: Keyring,
  user: SessionUser,
  row: repo.ReportRow,
): Promise<PublicReportDetail> {
  const contact = row.contactSealed
    ? openJson<{ name: string | null; phone: string | null }>(keyring, row.contactSealed)
    : null;
  const [files, steps] = await Promise.all([repo.attachments(tx, row.id), repo.history(tx, row.id)]);
  return {
    ...presentListItem(row),
    inspectionId: row.inspectionId,
    text: open(keyring, row.contentSealed),
    contactName: contact?.name ?? null,
    contactPhone: contact?.phone ?? null,
    reply: row.replySealed ? open(keyring, row.replySealed) : null,
    convertedId: row.convertedId,
    attachments: files.map((f) => ({ id: f.id, fileName: open(keyring, f.nameSealed), size: Number(f.size) })),
    history: [
      { event: 'file', toStatus: 'received', actorName: null, at: row.filedAt },
      ...steps.map((s) => ({
        event: s.event as PublicReportEvent,
        toStatus: s.toStatus as PublicReportStatus,
        actorName: s.actorName,
        at: s.at,
      })),
    ],
    abilities: abilities(user, row),
  };
}

/** Opening a report is a read of sensitive content: audited by id, in the same transaction. */
export function getReport(ctx: RequestContext, id: string) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadReadable(tx, ctx.user, id);
    await writeAudit(tx, ctx.actor, { action: 'public_report.read_content', entity: 'public_report', entityId: id });
    return present(tx, keyringFor(ctx.config), ctx.user, row);
  });
}

export function openReportAttachment(ctx: RequestContext, id: string, attachmentId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadReadable(tx, ctx.user, id);
    const file = (await repo.attachments(tx, id)).find((a) => a.id === attachmentId);
    if (!file) throw notFound('附件不存在');
    await writeAudit(tx, ctx.actor, {
      action: 'public_report.download',
      entity: 'public_report',
      entityId: id,
      after: { attachmentId },
    });
    const keyring = keyringFor(ctx.config);
    return {
      fileName: open(keyring, file.nameSealed),
      mime: file.mime,
      bytes: await openAttachmentBytes(ctx.config.filesDir, keyring, file.storedName),
    };
  });
}

/** Loads a readable report the user may act on, and the status `event` leads to (404 / 403 / 409). */
export async function loadForStep(tx: Tx, ctx: RequestContext, id: string, event: PublicReportEvent) {
  const row = await loadReadable(tx, ctx.user, id);
  if (!mayDo(ctx.user, 'public_report.reply', row)) throw forbidden('无权办理该群众举报/意见');
  const from = row.status as PublicReportStatus;
  const to = nextReportStatus(from, event);
  if (!to) throw conflict(`该反映当前状态为“${publicReportStatusLabel[from]}”，不能${publicReportEventLabel[event]}`);
  return { row, from, to };
}

export async function moveOrConflict(tx: Tx, move: repo.Move) {
  if (!(await repo.moveReport(tx, move))) throw conflict('该反映的状态已被他人更新，请刷新后重试');
}

async function step(ctx: RequestContext, id: string, event: PublicReportEvent, set?: repo.Move['set']) {
  return withTransaction(ctx.db, async (tx) => {
    const { from, to } = await loadForStep(tx, ctx, id, event);
    await moveOrConflict(tx, { id, event, from, to, actorId: ctx.user.id, at: ctx.clock.now().toISOString(), set });
    await writeAudit(tx, ctx.actor, {
      action: `public_report.${event}`,
      entity: 'public_report',
      entityId: id,
      before: from,
      after: to,
    });
    return present(tx, keyringFor(ctx.config), ctx.user, await loadReadable(tx, ctx.user, id));
  });
}

export const startReport = (ctx: RequestContext, id: string) => step(ctx, id, 'start');
export const reopenReport = (ctx: RequestContext, id: string) => step(ctx, id, 'reopen');
export const replyReport = (ctx: RequestContext, id: string, text: string) =>
  step(ctx, id, 'reply', {
    reply_sealed: seal(keyringFor(ctx.config), text),
    replied_at: ctx.clock.now().toISOString(),
  });
