// Use cases of 领导小组会议 records: record a meeting with its decisions (applying report decisions in
// the same transaction), list and read them, and list the decisions about one inspection for pickers.
import type { InspectionDecision, Meeting, MeetingCreate, MeetingDetail, MeetingListQuery } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { applyMeetingDecision } from '../report/report.service.ts';
import * as repo from './meeting.repository.ts';

function presentMeeting(row: repo.MeetingRow): Meeting {
  return { ...row, kind: row.kind as Meeting['kind'] };
}

type DecisionRow = Awaited<ReturnType<typeof repo.decisionsOf>>[number];
const presentDecision = <T extends DecisionRow>(d: T) => ({
  ...d,
  kind: d.kind as MeetingDetail['decisions'][number]['kind'],
});

export async function meetingRows(ctx: RequestContext, query: MeetingListQuery) {
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.listMeetings(ctx.db, ctx.user, filter, { page, pageSize });
  return { items: items.map(presentMeeting), total };
}

export async function listMeetings(ctx: RequestContext, query: MeetingListQuery) {
  const { items, total } = await meetingRows(ctx, query);
  return pageResult(items, total, query);
}

async function loadMeeting(db: Db, user: SessionUser, id: string): Promise<MeetingDetail> {
  const row = await repo.findMeeting(db, user, id);
  if (!row) throw notFound('会议记录不存在');
  return { ...presentMeeting(row), decisions: (await repo.decisionsOf(db, id)).map(presentDecision) };
}

export const getMeeting = (ctx: RequestContext, id: string) => loadMeeting(ctx.db, ctx.user, id);

/** The committee the meeting is recorded for: the one given (if the user records for it), or the user's only one. */
function meetingCommittee(user: SessionUser, committeeId: string | undefined): string {
  if (committeeId) {
    if (!can(user, 'meeting.manage', committeeRecord(committeeId))) throw notFound('党委不存在');
    return committeeId;
  }
  const own = user.grants.filter((g) => g.scopeKind === 'committee' && g.permissions.has('meeting.manage'));
  const ids = [...new Set(own.map((g) => g.scopeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) throw forbidden('无权记录会议');
  if (ids.length > 1) throw badRequest('请选择会议所属党委', [{ path: 'committeeId', message: '请选择会议所属党委' }]);
  return ids[0] as string;
}

async function checkInput(db: Db, committeeId: string, input: MeetingCreate, today: string) {
  if (input.heldOn > today)
    throw badRequest('会议日期不能晚于今天', [{ path: 'heldOn', message: '会议日期不能晚于今天' }]);
  const asked = input.decisions.map((d) => d.inspectionId).filter((id): id is string => id !== undefined);
  const known = await repo.inspectionsOfCommittee(db, committeeId, [...new Set(asked)]);
  const details = input.decisions
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.inspectionId !== undefined && !known.has(d.inspectionId))
    .map(({ i }) => ({ path: `decisions.${i}.inspectionId`, message: '所涉巡察不存在或不属于本党委' }));
  if (details.length) throw badRequest('会议决定所涉巡察不正确', details);
}

export async function createMeeting(ctx: RequestContext, input: MeetingCreate) {
  const committeeId = meetingCommittee(ctx.user, input.committeeId);
  await checkInput(ctx.db, committeeId, input, shanghaiToday(ctx.clock));
  return withTransaction(ctx.db, async (tx) => {
    const created = await repo.insertMeeting(tx, committeeId, input, ctx.user.id);
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.create',
      entity: 'meeting',
      entityId: created.id,
      after: {
        kind: input.kind,
        heldOn: input.heldOn,
        decisions: input.decisions.map((d) => ({ kind: d.kind, inspectionId: d.inspectionId ?? null })),
      },
    });
    // a decision on a report takes effect as it is recorded: the report moves, or nothing is written
    for (const [i, d] of input.decisions.entries()) {
      if (d.kind !== 'approve_report' && d.kind !== 'return_report') continue;
      const event = d.kind === 'approve_report' ? 'approve' : 'return';
      const id = created.decisionIds[i] as string;
      await applyMeetingDecision(tx, ctx, { id, inspectionId: d.inspectionId as string, event, content: d.content });
    }
    return loadMeeting(tx, ctx.user, created.id);
  });
}

/** Decisions about one inspection, for the report, feedback and handover pickers. */
export async function listInspectionDecisions(ctx: RequestContext, inspectionId: string) {
  const inspection = await loadInspection(ctx.db, ctx.user, inspectionId);
  const scope = inspectionScope(inspection);
  const readers = ['meeting.read', 'report.read', 'feedback.issue', 'handover.create'] as const;
  if (!readers.some((p) => can(ctx.user, p, scope))) throw forbidden('无权查看会议决定');
  const rows = await repo.decisionsOfInspection(ctx.db, inspectionId);
  return {
    items: rows.map((d) => ({
      ...presentDecision(d),
      meetingKind: d.meetingKind as InspectionDecision['meetingKind'],
    })),
  };
}
