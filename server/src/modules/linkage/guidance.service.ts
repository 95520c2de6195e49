// 指导意见 use cases. The upper committee (guidance.publish) drafts, edits and publishes; publishing fixes the
// receiving committees and notifies their offices. A receiving committee (guidance.read) lists what reached it
// and records 已阅 / 已落实 with a note; the publisher sees every receipt. Each write: one transaction, audited.
import type {
  GuidanceAck,
  GuidanceAckStatus,
  GuidanceCreate,
  GuidanceDetail,
  GuidanceListQuery,
  GuidanceSummary,
  GuidanceUpdate,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { committeesWith } from '../analytics/analytics.filter.ts';
import { notify } from '../notification/notify.ts';
import * as repo from './guidance.repository.ts';
import { ownCommittee } from './linkage.access.ts';
import { GUIDANCE_NOTICE_KIND } from './linkage.notices.ts';

const values = (input: GuidanceUpdate): repo.GuidanceValues => ({
  title: input.title,
  body: input.body,
  docNo: input.docNo || null,
  targetAll: input.targetAll,
  targetCommitteeIds: input.targetAll ? [] : [...new Set(input.targetCommitteeIds)],
});

async function checkTargets(ctx: RequestContext, committeeId: string, v: repo.GuidanceValues) {
  const wrong = await repo.notBelow(ctx.db, committeeId, v.targetCommitteeIds);
  if (wrong.length)
    throw badRequest('下发对象须是本党委的下级党委', [
      { path: 'targetCommitteeIds', message: '下发对象须是本党委的下级党委' },
    ]);
}

const presentSummary = (r: repo.SummaryRow): GuidanceSummary => ({
  ...r,
  status: r.status as GuidanceSummary['status'],
});

/** The guidance, 404 unless the caller holds `permission` on its publisher (and, for a draft, may publish). */
async function publisherView(ctx: RequestContext, id: string, permission: 'guidance.read' | 'guidance.publish') {
  const g = await repo.findGuidance(ctx.db, id);
  const record = g ? committeeRecord(g.committeeId) : null;
  if (!g || !record || !can(ctx.user, permission, record)) throw notFound('指导意见不存在');
  if (g.status === 'draft' && !can(ctx.user, 'guidance.publish', record)) throw notFound('指导意见不存在');
  return g;
}

export async function getGuidance(ctx: RequestContext, id: string): Promise<GuidanceDetail> {
  await publisherView(ctx, id, 'guidance.read');
  const row = await repo.detail(ctx.db, id);
  if (!row) throw notFound('指导意见不存在');
  const { targetIds, ...summary } = row;
  const targets = await repo.targetList(ctx.db, id, row.status === 'draft' ? targetIds : null);
  return {
    ...presentSummary(summary),
    body: row.body,
    targetList: targets.map((t) => ({ ...t, ack: t.ack as GuidanceAckStatus | null })),
  };
}

export async function createGuidance(ctx: RequestContext, input: GuidanceCreate): Promise<GuidanceDetail> {
  const committeeId = ownCommittee(ctx.user, 'guidance.publish', input.committeeId);
  const v = values(input);
  await checkTargets(ctx, committeeId, v);
  const id = await withTransaction(ctx.db, async (tx) => {
    const created = await repo.insertGuidance(tx, committeeId, ctx.user.id, v);
    await writeAudit(tx, ctx.actor, { action: 'guidance.create', entity: 'guidance', entityId: created, after: v });
    return created;
  });
  return getGuidance(ctx, id);
}

export async function updateGuidance(ctx: RequestContext, id: string, input: GuidanceUpdate): Promise<GuidanceDetail> {
  const g = await publisherView(ctx, id, 'guidance.publish');
  const v = values(input);
  await checkTargets(ctx, g.committeeId, v);
  await withTransaction(ctx.db, async (tx) => {
    const n = await repo.updateDraft(tx, id, v, ctx.clock.now().toISOString());
    if (n === 0) throw conflict('指导意见已发布，不能再修改');
    await writeAudit(tx, ctx.actor, { action: 'guidance.update', entity: 'guidance', entityId: id, after: v });
  });
  return getGuidance(ctx, id);
}

export async function publishGuidance(ctx: RequestContext, id: string): Promise<GuidanceDetail> {
  const g = await publisherView(ctx, id, 'guidance.publish');
  await withTransaction(ctx.db, async (tx) => {
    const targets = await repo.publish(tx, id, ctx.user.id, ctx.clock.now().toISOString());
    if (targets === null) throw conflict('指导意见已发布');
    if (targets.length === 0) throw badRequest('没有可下发的下级党委');
    const recipients = await repo.officeUsers(tx, targets);
    const notified = await notify(tx, recipients, {
      kind: GUIDANCE_NOTICE_KIND,
      title: `上级党委巡察机构下发指导意见：${g.title}`,
      link: '/linkage?tab=received',
      subjectType: 'guidance',
      subjectId: id,
      dedupeKey: `guidance:${id}`,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'guidance.publish',
      entity: 'guidance',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'published', targets, notified },
    });
  });
  return getGuidance(ctx, id);
}

export async function issuedGuidance(ctx: RequestContext, query: GuidanceListQuery) {
  const committeeId = ownCommittee(ctx.user, 'guidance.read', query.committeeId);
  const withDrafts = can(ctx.user, 'guidance.publish', committeeRecord(committeeId));
  const { items, total } = await repo.issued(ctx.db, committeeId, withDrafts, query);
  return pageResult(items.map(presentSummary), total, query);
}

export async function receivedGuidance(ctx: RequestContext, query: GuidanceListQuery) {
  const committeeId = ownCommittee(ctx.user, 'guidance.read', query.committeeId);
  const { items, total } = await repo.received(ctx.db, committeeId, query);
  return pageResult(
    items.map((r) => ({ ...r, ack: r.ack as GuidanceAckStatus | null })),
    total,
    query,
  );
}

/** The receiving committee the caller answers for: the one asked for, or its first that received the guidance. */
async function receivingCommittee(ctx: RequestContext, id: string, committeeId: string | undefined) {
  const candidates = committeeId
    ? [ownCommittee(ctx.user, 'guidance.read', committeeId)]
    : committeesWith(ctx.user, 'guidance.read');
  for (const candidate of candidates) if (await repo.isTarget(ctx.db, id, candidate)) return candidate;
  throw notFound('指导意见不存在');
}

export async function acknowledgeGuidance(ctx: RequestContext, id: string, input: GuidanceAck) {
  const committeeId = await receivingCommittee(ctx, id, input.committeeId);
  await withTransaction(ctx.db, async (tx) => {
    const n = await repo.acknowledge(
      tx,
      { guidanceId: id, committeeId, status: input.status, note: input.note || null },
      { id: ctx.user.id, name: ctx.user.displayName },
      ctx.clock.now().toISOString(),
    );
    if (n === 0) throw conflict(input.status === 'read' ? '已标记为已阅' : '已标记为已落实');
    await writeAudit(tx, ctx.actor, {
      action: `guidance.${input.status}`,
      entity: 'guidance',
      entityId: id,
      after: { committeeId, status: input.status, note: input.note ?? null },
    });
  });
  return { ok: true as const };
}
