import {
  type EvaluationResult,
  evaluationResult,
  type PlanStatus,
  planStatusLabel,
  type RectificationStatus,
  rectificationStatusLabel,
} from '@xuncha/contracts';
import { Tag } from 'antd';

const EVALUATION_COLOR: Record<EvaluationResult, string> = { pass: 'green', basic_pass: 'blue', fail: 'red' };
const PLAN_COLOR: Record<PlanStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'orange',
  approved: 'green',
};

export function CaseStatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={status === 'signed_off' ? 'green' : 'processing'}>{rectificationStatusLabel[status]}</Tag>;
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={PLAN_COLOR[status]}>{planStatusLabel[status]}</Tag>;
}

export function EvaluationTag({ result }: { result: EvaluationResult | null | undefined }) {
  if (!result) return <span>未评估</span>;
  return <Tag color={EVALUATION_COLOR[result]}>{evaluationResult.labels[result]}</Tag>;
}
