// Use cases of 函询/函调: the office sends enquiries to several recipients at once, a recipient answers, the
// office withdraws a mistaken one. load → policy → conditional write + audit, one transaction each.
import type { Enquiry, EnquiryCreate, EnquiryListQuery, EnquiryStatus, InspectionPhase } from '@xuncha/contracts';
import { enquiryStatusLabel } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import * as repo from './enquiry.repository.ts';
import { acceptsEnquiries, nextEnquiryStatus } from './enquiry.status.ts';

const PHASE_REFUSAL = '函询只能在巡察准备阶段发出或撤回';

function enquiryScope(row: repo.EnquiryRow): ScopedRecord {
  return {
    committeeId: row.committeeId,
    unitPath: row.recipientUnitPath,
    inspectionId: row.inspectionId,
    ownerUserId: null,
  };
}

function presentEnquiry(row: repo.EnquiryRow, user: SessionUser): Enquiry {
  const { committeeId: _c, recipientUnitPath: _p, inspectionPhase, ...rest } = row;
  const status = row.status as EnquiryStatus;
  const open = nextEnquiryStatus(status, 'answer') !== undefined;
  return {
    ...rest,
    status,
    recipientKind: row.recipientKind as Enquiry['recipientKind'],
    abilities: {
      answer: open && can(user, 'enquiry.answer', enquiryScope(row)),
      withdraw:
        open && acceptsEnquiries(inspectionPhase as InspectionPhase) && can(user, 'enquiry.create', enquiryScope(row)),
    },
  };
}

export type EnquiryRowsQuery = repo.EnquiryFilter & { page: number; pageSize: number };

/** Enquiries visible to the user, filtered; serves the inbox, the inspection panel and the export. */
export async function enquiryRows(ctx: RequestContext, query: EnquiryRowsQuery) {
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.listEnquiries(
    ctx.db,
    ctx.user,
    filter,
    { page, pageSize },
    shanghaiToday(ctx.clock),
  );
  return { items: items.map((row) => presentEnquiry(row, ctx.user)), total };
}

export async function listEnquiries(ctx: RequestContext, query: EnquiryListQuery & { inspectionId?: string }) {
  const { items, total } = await enquiryRows(ctx, query);
  return pageResult(items, total, query);
}

/** The enquiries of one inspection: the inspection must be visible (else 404), then enquiry.read applies. */
export async function listInspectionEnquiries(ctx: RequestContext, inspectionId: string, query: EnquiryListQuery) {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  return listEnquiries(ctx, { ...query, inspectionId });
}

async function validRecipients(db: Db, committeeId: string, targetPath: string, input: EnquiryCreate) {
  const ids = input.recipients.map((r) => r.unitId);
  const units = await repo.recipientUnits(db, committeeId, ids);
  const bad = ids.filter((id) => {
    const unit = units.find((u) => u.id === id);
    // the inspected unit (or a unit inside it) must never receive an enquiry about itself
    return !unit?.active || unit.path.startsWith(targetPath);
  });
  if (bad.length)
    throw badRequest('函询对象应为本党委的其他在用单位，不能是被巡察单位', [
      { path: 'recipients', message: `有 ${bad.length} 个函询对象不符合要求` },
    ]);
}

export async function sendEnquiries(ctx: RequestContext, inspectionId: string, input: EnquiryCreate) {
  const today = shanghaiToday(ctx.clock);
  if (input.dueDate < today)
    throw badRequest('答复期限不能早于今天', [{ path: 'dueDate', message: '答复期限不能早于今天' }]);
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'enquiry.create', inspectionScope(inspection))) throw forbidden('无权就该巡察发出函询');
    if (!acceptsEnquiries(inspection.phase as InspectionPhase)) throw conflict(PHASE_REFUSAL);
    await validRecipients(tx, inspection.committeeId, inspection.unitPath, input);
    const ids = input.recipients.map((r) => r.unitId);
    const open = await repo.openEnquiriesTo(tx, inspectionId, ids);
    const duplicate = `已向${open.map((o) => o.name).join('、')}发出函询，尚未答复`;
    if (open.length) throw conflict(duplicate);
    const created = await insertOrConflict(
      () =>
        repo.insertEnquiries(
          tx,
          input.recipients.map((r) => ({
            committeeId: inspection.committeeId,
            inspectionId,
            recipientUnitId: r.unitId,
            recipientKind: r.kind,
            subject: input.subject,
            dueDate: input.dueDate,
            sentBy: ctx.user.id,
          })),
        ),
      duplicate,
    );
    for (const id of created)
      await writeAudit(tx, ctx.actor, { action: 'enquiry.create', entity: 'enquiry', entityId: id, after: input });
    const rows = await Promise.all(created.map((id) => repo.findEnquiry(tx, ctx.user, id, today)));
    return { items: rows.filter((r) => r !== undefined).map((r) => presentEnquiry(r, ctx.user)) };
  });
}

async function close(
  ctx: RequestContext,
  id: string,
  change: { event: 'answer'; content: string } | { event: 'withdraw'; reason: string },
) {
  const today = shanghaiToday(ctx.clock);
  return withTransaction(ctx.db, async (tx) => {
    const row = await repo.findEnquiry(tx, ctx.user, id, today);
    if (!row) throw notFound('函询不存在');
    const permission = change.event === 'answer' ? 'enquiry.answer' : 'enquiry.create';
    if (!can(ctx.user, permission, enquiryScope(row))) throw forbidden();
    const from = row.status as EnquiryStatus;
    const to = nextEnquiryStatus(from, change.event);
    if (!to)
      throw conflict(`函询当前状态为“${enquiryStatusLabel[from]}”，不能${change.event === 'answer' ? '答复' : '撤回'}`);
    if (change.event === 'withdraw' && !acceptsEnquiries(row.inspectionPhase as InspectionPhase))
      throw conflict(PHASE_REFUSAL);
    const moved = await repo.closeEnquiry(
      tx,
      id,
      change.event === 'answer'
        ? { to: 'answered', content: change.content, by: ctx.user.id }
        : { to: 'withdrawn', reason: change.reason, by: ctx.user.id },
    );
    if (!moved) throw conflict('函询状态已被他人更新，请刷新后重试');
    await writeAudit(tx, ctx.actor, {
      action: `enquiry.${change.event}`,
      entity: 'enquiry',
      entityId: id,
      before: from,
      after: { status: to, ...(change.event === 'withdraw' ? { reason: change.reason } : {}) },
    });
    const updated = await repo.findEnquiry(tx, ctx.user, id, today);
    if (!updated) throw notFound('函询不存在');
    return presentEnquiry(updated, ctx.user);
  });
}

export const answerEnquiry = (ctx: RequestContext, id: string, content: string) =>
  close(ctx, id, { event: 'answer', content });

export const withdrawEnquiry = (ctx: RequestContext, id: string, reason: string) =>
  close(ctx, id, { event: 'withdraw', reason });
