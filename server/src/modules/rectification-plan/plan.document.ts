// GET …/rectification-plan/review-document: the latest review of the plan as 整改方案审核意见 (.docx).
import type { PlanReview } from '@xuncha/contracts';
import type { OfficialDocumentSpec } from '../../documents/docx/layout.ts';
import { planReviewDocument } from '../../documents/templates/plan-review.ts';
import { conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { committeeName } from '../report/report-sources.repository.ts';
import { latestReview } from './plan.repository.ts';
import { loadPlan } from './plan.service.ts';

const shanghaiDate = (at: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(at));

export async function planReviewDocumentSpec(ctx: RequestContext, inspectionId: string): Promise<OfficialDocumentSpec> {
  const { row } = await loadPlan(ctx.db, ctx.user, inspectionId);
  const review = await latestReview(ctx.db, row.id);
  if (!review) throw conflict('整改方案尚未审核，没有审核意见可下载');
  return planReviewDocument({
    committeeName: await committeeName(ctx.db, row.committeeId),
    unitName: row.unitName,
    version: review.version ?? row.currentVersion,
    decision: review.event === 'approve' ? 'approve' : 'return',
    review: review.review as PlanReview,
    comment: review.comment,
    date: shanghaiDate(review.at),
  });
}

export async function planReviewFileName(ctx: RequestContext, inspectionId: string) {
  const { row } = await loadPlan(ctx.db, ctx.user, inspectionId);
  return `整改方案审核意见_${row.unitName}.docx`;
}
