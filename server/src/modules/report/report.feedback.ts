// The inspection's feedback step (inspection.service.ts) issues the 反馈意见 through these two calls, in
// its own transaction: first what is issued (an approved report is required; the text is the latest
// draft version, or the edited text saved as a new version), then the 'issue' event and its audit.
import type { FeedbackIssue } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { decisionAbout } from '../meeting/meeting.repository.ts';
import * as repo from './report.repository.ts';
import { appendVersion } from './report.versioning.ts';

export interface FeedbackToIssue {
  reportId: string;
  version: number;
  content: string;
  decisionId: string | null;
}

export async function feedbackToIssue(
  tx: Tx,
  ctx: RequestContext,
  inspectionId: string,
  input: FeedbackIssue,
): Promise<FeedbackToIssue> {
  const report = await repo.unscopedReport(tx, inspectionId, 'report');
  if (report?.status !== 'approved') throw conflict('巡察报告尚未审定，不能下发反馈意见');
  const decisionId = input.decisionId ?? null;
  if (decisionId && (await decisionAbout(tx, decisionId, inspectionId))?.kind !== 'feedback')
    throw badRequest('所选会议决定不是本次巡察的同意反馈决定', [
      { path: 'decisionId', message: '请选择本次巡察的同意反馈决定' },
    ]);
  const draft = await repo.unscopedReport(tx, inspectionId, 'feedback');
  const latest =
    draft && draft.currentVersion > 0 ? await repo.findVersion(tx, draft.id, draft.currentVersion) : undefined;
  if (!input.content) {
    if (!draft || !latest) throw conflict('尚未起草反馈意见，请先起草或在下发时填写反馈意见');
    return { reportId: draft.id, version: latest.version, content: latest.content, decisionId };
  }
  if (draft && latest?.content === input.content)
    return { reportId: draft.id, version: latest.version, content: latest.content, decisionId };
  const saved = await appendVersion(
    tx,
    ctx,
    { inspectionId, kind: 'feedback', expectedVersion: draft?.currentVersion ?? 0 },
    { content: input.content, note: '下发时修改' },
  );
  return { ...saved, content: input.content, decisionId };
}

export async function recordFeedbackIssued(tx: Tx, ctx: RequestContext, issued: FeedbackToIssue) {
  await repo.insertEvent(tx, {
    reportId: issued.reportId,
    event: 'issue',
    from: 'draft',
    to: 'draft',
    version: issued.version,
    actorId: ctx.user.id,
    decisionId: issued.decisionId,
  });
  await writeAudit(tx, ctx.actor, {
    action: 'feedback.issue',
    entity: 'report',
    entityId: issued.reportId,
    after: { version: issued.version, decisionId: issued.decisionId },
  });
}
