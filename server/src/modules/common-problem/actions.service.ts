// Turning a cluster into action: a 举一反三 notice (drafted, then published once to the target units' heads
// and liaisons) or a 专项巡察 proposal (proposed, then adopted or declined once by the office director).
// Each use case is one transaction with its audit entry; the state changes are conditional updates.
import type {
  NoticeCreate,
  NoticeQuery,
  NoticeRow,
  NotificationKind,
  ProposalCreate,
  ProposalDecision,
  ProposalQuery,
  ProposalRow,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { committeesWith } from '../analytics/analytics.filter.ts';
import { notify, unitRecipients } from '../notification/notify.ts';
import * as repo from './actions.repository.ts';
import { clusterSnapshot } from './clusters.repository.ts';
import { loadCluster } from './common-problem.service.ts';
import { noticeDraft, proposalDraft } from './drafts.ts';

const NOTICE_KIND: NotificationKind = 'common_problem';

/** The office director of the committee decides proposals (the office drafts them): common_problem.decide. */
export function canDecide(user: SessionUser, committeeId: string): boolean {
  return can(user, 'common_problem.decide', committeeRecord(committeeId));
}

async function source(ctx: RequestContext, clusterId: string) {
  const cluster = await loadCluster(ctx, clusterId, 'common_problem.manage');
  const members = await clusterSnapshot(ctx.db, clusterId);
  const units = [...new Map(members.map((m) => [m.unitId, m.unitName])).entries()].map(([id, name]) => ({ id, name }));
  return { cluster, members, units };
}

async function chosenUnits(ctx: RequestContext, committeeId: string, ids: string[]): Promise<string[]> {
  const found = await repo.committeeUnits(ctx.db, committeeId, ids);
  if (found.length !== new Set(ids).size) throw badRequest('所选单位不属于本党委或已撤销');
  return found.map((u) => u.id);
}

export async function createNotice(ctx: RequestContext, clusterId: string, input: NoticeCreate) {
  const { cluster, members, units } = await source(ctx, clusterId);
  let targets: string[];
  if (input.target === 'chosen') {
    if (!input.unitIds || input.unitIds.length === 0) throw badRequest('请选择通知的单位');
    targets = await chosenUnits(ctx, cluster.committeeId, input.unitIds);
  } else if (input.target === 'cluster') targets = units.map((u) => u.id);
  else targets = (await repo.committeeUnits(ctx.db, cluster.committeeId, null)).map((u) => u.id);
  const draft = noticeDraft(cluster.label, members, units.length);
  const notice = { title: input.title ?? draft.title, body: input.body ?? draft.body, targetUnitIds: targets };
  const id = await withTransaction(ctx.db, async (tx) => {
    const row = await repo.insertNotice(
      tx,
      {
        committeeId: cluster.committeeId,
        clusterId,
        clusterLabel: cluster.label,
        findingIds: members.map((m) => m.id),
        createdBy: ctx.user.id,
      },
      notice,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'common_problem_notice.create',
      entity: 'common_problem_notice',
      entityId: row.id,
      after: { clusterId, title: notice.title, target: input.target, units: targets.length },
    });
    return row.id;
  });
  return noticeById(ctx, cluster.committeeId, id);
}

export async function publishNotice(ctx: RequestContext, noticeId: string) {
  const notice = await repo.findNotice(ctx.db, noticeId);
  if (!notice || !can(ctx.user, 'common_problem.manage', committeeRecord(notice.committeeId)))
    throw notFound('举一反三通知不存在');
  await withTransaction(ctx.db, async (tx) => {
    if (!(await repo.publishNotice(tx, noticeId, ctx.user.id, ctx.clock.now().toISOString())))
      throw conflict('该通知已发布，不能重复发布');
    const recipients = (await Promise.all(notice.targetUnitIds.map((u) => unitRecipients(tx, u)))).flat();
    const count = await notify(tx, recipients, {
      kind: NOTICE_KIND,
      title: `举一反三：${notice.title}`,
      body: notice.body,
      subjectType: 'common_problem_notice',
      subjectId: noticeId,
      dedupeKey: `common_problem_notice:${noticeId}`,
    });
    await repo.setNotified(tx, noticeId, count);
    await writeAudit(tx, ctx.actor, {
      action: 'common_problem_notice.publish',
      entity: 'common_problem_notice',
      entityId: noticeId,
      before: { status: 'draft' },
      after: { status: 'published', units: notice.targetUnitIds.length, notified: count },
    });
  });
  return noticeById(ctx, notice.committeeId, noticeId);
}

export async function createProposal(ctx: RequestContext, clusterId: string, input: ProposalCreate) {
  const { cluster, members, units } = await source(ctx, clusterId);
  const unitIds = input.unitIds ? await chosenUnits(ctx, cluster.committeeId, input.unitIds) : units.map((u) => u.id);
  const draft = proposalDraft(cluster.label, members, units.length);
  const proposal = { title: input.title ?? draft.title, reason: input.reason ?? draft.reason, unitIds };
  const id = await withTransaction(ctx.db, async (tx) => {
    const row = await repo.insertProposal(
      tx,
      {
        committeeId: cluster.committeeId,
        clusterId,
        clusterLabel: cluster.label,
        findingIds: members.map((m) => m.id),
        createdBy: ctx.user.id,
      },
      proposal,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'special_inspection_proposal.create',
      entity: 'special_inspection_proposal',
      entityId: row.id,
      after: { clusterId, title: proposal.title, units: unitIds.length },
    });
    return row.id;
  });
  return proposalById(ctx, cluster.committeeId, id);
}

export async function decide(ctx: RequestContext, proposalId: string, input: ProposalDecision) {
  const proposal = await repo.findProposal(ctx.db, proposalId);
  if (!proposal || !can(ctx.user, 'common_problem.manage', committeeRecord(proposal.committeeId)))
    throw notFound('专项巡察建议不存在');
  if (!canDecide(ctx.user, proposal.committeeId)) throw forbidden('专项巡察建议由巡察办主任决定');
  const status = input.decision === 'adopt' ? 'adopted' : 'declined';
  await withTransaction(ctx.db, async (tx) => {
    const decided = await repo.decideProposal(tx, proposalId, {
      status,
      by: ctx.user.id,
      at: ctx.clock.now().toISOString(),
      note: input.note ?? null,
    });
    if (!decided) throw conflict('该建议已作出决定，不能重复决定');
    await writeAudit(tx, ctx.actor, {
      action: 'special_inspection_proposal.decide',
      entity: 'special_inspection_proposal',
      entityId: proposalId,
      before: { status: 'proposed' },
      after: { status, note: input.note ?? null },
    });
  });
  return proposalById(ctx, proposal.committeeId, proposalId);
}

function listCommittee(ctx: RequestContext, committeeId: string | undefined): string {
  const id = committeeId ?? committeesWith(ctx.user, 'analytics.read')[0];
  if (!id || !can(ctx.user, 'analytics.read', committeeRecord(id))) throw notFound('党委不存在');
  return id;
}

const presentNotice = (r: Awaited<ReturnType<typeof repo.listNotices>>['items'][number]): NoticeRow => ({
  ...r,
  status: r.status as NoticeRow['status'],
});

export async function notices(ctx: RequestContext, query: NoticeQuery) {
  const committeeId = listCommittee(ctx, query.committeeId);
  const { items, total } = await repo.listNotices(ctx.db, { committeeId, status: query.status }, pageWindow(query));
  return pageResult(items.map(presentNotice), total, query);
}

async function noticeById(ctx: RequestContext, committeeId: string, id: string): Promise<NoticeRow> {
  const { items } = await repo.listNotices(ctx.db, { committeeId, id }, { limit: 1, offset: 0 });
  return presentNotice(items[0] as (typeof items)[number]);
}

function presentProposal(
  ctx: RequestContext,
  committeeId: string,
  r: Awaited<ReturnType<typeof repo.listProposals>>['items'][number],
): ProposalRow {
  const status = r.status as ProposalRow['status'];
  return { ...r, status, canDecide: status === 'proposed' && canDecide(ctx.user, committeeId) };
}

export async function proposals(ctx: RequestContext, query: ProposalQuery) {
  const committeeId = listCommittee(ctx, query.committeeId);
  const { items, total } = await repo.listProposals(ctx.db, { committeeId, status: query.status }, pageWindow(query));
  return pageResult(
    items.map((r) => presentProposal(ctx, committeeId, r)),
    total,
    query,
  );
}

async function proposalById(ctx: RequestContext, committeeId: string, id: string): Promise<ProposalRow> {
  const { items } = await repo.listProposals(ctx.db, { committeeId, id }, { limit: 1, offset: 0 });
  return presentProposal(ctx, committeeId, items[0] as (typeof items)[number]);
}
