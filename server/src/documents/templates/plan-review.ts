// 整改方案审核意见 as a 公文: 巡察办's answer to the unit on the plan version it reviewed, criterion by
// criterion (完整性、针对性、可操作性), ending with the conclusion (审核通过 / 退回重来 with reasons).
import type { PlanCriterion, PlanReview } from '@xuncha/contracts';
import { PLAN_CRITERIA, planCriterionLabel } from '@xuncha/contracts';
import type { Block, OfficialDocumentSpec } from '../docx/layout.ts';
import { officeName } from './handover-clue.ts';

export interface PlanReviewDocumentInput {
  committeeName: string;
  unitName: string;
  version: number;
  decision: 'approve' | 'return';
  review: PlanReview;
  /** 审核意见 (approve) or 退回理由 (return) */
  comment: string | null;
  /** the day of the review, 'YYYY-MM-DD' */
  date: string;
}

const ORDINALS = ['一', '二', '三', '四', '五'];

function criterionBlocks(index: number, criterion: PlanCriterion, review: PlanReview): Block[] {
  const { ok, comment } = review[criterion];
  const verdict = ok ? '符合要求' : '不符合要求';
  return [
    { kind: 'heading1', text: `${ORDINALS[index]}、关于${planCriterionLabel[criterion]}` },
    { kind: 'paragraph', text: comment ? `${verdict}。${comment}` : `${verdict}。` },
  ];
}

export function planReviewDocument(input: PlanReviewDocumentInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  const approved = input.decision === 'approve';
  const conclusion = approved
    ? '经审核，整改方案审核通过。请严格按照方案组织实施，按期报送整改进展情况。'
    : `经审核，整改方案需退回重来。退回理由：${input.comment ?? ''}请对照以上意见修改完善后重新报送。`;
  return {
    issuer: office,
    title: `关于${input.unitName}整改方案的审核意见`,
    recipients: [`${input.unitName}党组织`],
    body: [
      { kind: 'paragraph', text: `你单位报送的整改方案（第${input.version}版）收悉。经审核，现提出如下意见：` },
      ...PLAN_CRITERIA.flatMap((c, i) => criterionBlocks(i, c, input.review)),
      { kind: 'heading1', text: `${ORDINALS[PLAN_CRITERIA.length]}、审核结论` },
      { kind: 'paragraph', text: conclusion },
      ...(approved && input.comment ? [{ kind: 'paragraph' as const, text: input.comment }] : []),
    ],
    signature: office,
    date: input.date,
  };
}
