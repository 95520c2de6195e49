import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import {
  PLAN_CRITERIA,
  type PlanHistoryEntry,
  type PlanStatus,
  planCriterionLabel,
  planHistoryEventLabel,
  planStatusLabel,
} from '@xuncha/contracts';
import { Alert, Button, Descriptions, Empty, Flex, Popconfirm, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { DocxButton } from '../../shared/DocxButton.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { PLANS_KEY, planKey, planPath, type RectificationPlan, submitPlan, usePlan } from './api.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanReviewModal } from './PlanReviewModal.tsx';
import { PlanVersions } from './PlanVersions.tsx';

export const planStatusColor: Record<PlanStatus, string> = {
  draft: 'processing',
  submitted: 'gold',
  returned: 'error',
  approved: 'success',
};

/** 报送时限 with the derived 逾期 / 即将到期 tag. */
export function PlanDue({ plan }: { plan: Pick<RectificationPlan, 'dueDate' | 'overdue' | 'dueSoon'> }) {
  return (
    <span>
      {formatDate(plan.dueDate)}
      {plan.overdue && (
        <Tag color="error" style={{ marginLeft: 8 }}>
          逾期未报送
        </Tag>
      )}
      {plan.dueSoon && (
        <Tag color="warning" style={{ marginLeft: 8 }}>
          即将到期
        </Tag>
      )}
    </span>
  );
}

function ReviewLines({ entry }: { entry: PlanHistoryEntry }) {
  if (!entry.review) return null;
  const review = entry.review;
  return (
    <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
      {PLAN_CRITERIA.map((c) => (
        <li key={c}>
          {planCriterionLabel[c]}：
          {review[c].ok ? '符合要求' : <Typography.Text type="danger">不符合要求</Typography.Text>}
          {review[c].comment && `（${review[c].comment}）`}
        </li>
      ))}
    </ul>
  );
}

function History({ plan }: { plan: RectificationPlan }) {
  if (plan.history.length === 0) return <Empty description="尚无记录" />;
  return (
    <Timeline
      data-testid="plan-history"
      items={plan.history.map((e) => ({
        key: e.id,
        color: e.event === 'return' ? 'red' : e.event === 'approve' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{planHistoryEventLabel[e.event]}</Typography.Text>
            {e.version !== null && <Typography.Text type="secondary">（第 {e.version} 版）</Typography.Text>}
            <div>
              <Typography.Text type="secondary">
                {e.actorName} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            <ReviewLines entry={e} />
            {e.comment && (
              <div className="pre-wrap">
                {e.event === 'return' ? '退回理由' : '意见'}：{e.comment}
              </div>
            )}
          </>
        ),
      }))}
    />
  );
}

function ReviewDocButton({ plan }: { plan: RectificationPlan }) {
  const reviewed = plan.history.some((e) => e.event === 'approve' || e.event === 'return');
  return (
    <DocxButton
      path={`${planPath(plan.inspectionId)}/review-document`}
      label="审核意见(.docx)"
      fallbackName="整改方案审核意见.docx"
      disabled={!reviewed}
      testId="plan-review-docx"
    />
  );
}

function PlanView({ plan: p }: { plan: RectificationPlan }) {
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const submit = useApiMutation({
    mutationFn: () => submitPlan(p.inspectionId),
    invalidate: [planKey(p.inspectionId), PLANS_KEY],
    successMessage: '整改方案已报送巡察办审核',
  });
  const lastReturn = [...p.history].reverse().find((e) => e.event === 'return');
  const { abilities } = p;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex gap={8} align="center">
          <Tag color={planStatusColor[p.status]} data-testid="plan-status">
            {planStatusLabel[p.status]}
          </Tag>
          <Typography.Text type="secondary">
            {p.currentVersion ? `当前第 ${p.currentVersion} 版` : '尚未保存版本'}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          {abilities.submit && (
            <Popconfirm
              title="报送后不能再修改，确认报送巡察办审核？"
              okText="报送"
              cancelText="取消"
              onConfirm={() => submit.mutate()}
            >
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="plan-submit">
                报送审核
              </Button>
            </Popconfirm>
          )}
          {abilities.approve && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDialog('approve')}
              data-testid="plan-approve"
            >
              审核通过
            </Button>
          )}
          {abilities.return && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="plan-return">
              退回重来
            </Button>
          )}
          <ReviewDocButton plan={p} />
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'feedback', label: '反馈日期', children: formatDate(p.feedbackDate) },
          { key: 'due', label: '报送时限', children: <PlanDue plan={p} /> },
          { key: 'returned', label: '退回次数', children: p.returnedCount },
        ]}
      />
      {p.status === 'returned' && lastReturn?.comment && (
        <Alert type="warning" showIcon title={`巡察办退回理由：${lastReturn.comment}`} />
      )}
      {p.unaddressedFindings.length > 0 && p.status !== 'approved' && (
        <Alert
          type="info"
          showIcon
          data-testid="plan-unaddressed"
          title="以下问题尚未制定整改任务，报送前请在“三张清单”中分解任务"
          description={p.unaddressedFindings.map((f) => `问题${f.seq}：${f.title}`).join('；')}
        />
      )}
      <Tabs
        items={[
          {
            key: 'text',
            label: abilities.write ? '起草' : '正文',
            children: abilities.write ? (
              <PlanEditor key={p.currentVersion} inspectionId={p.inspectionId} content={p.content} />
            ) : p.content ? (
              <div className="pre-wrap" data-testid="plan-text">
                {p.content}
              </div>
            ) : (
              <Empty description="单位尚未起草整改方案" />
            ),
          },
          { key: 'versions', label: '版本记录', children: <PlanVersions inspectionId={p.inspectionId} /> },
          { key: 'history', label: '审核记录', children: <History plan={p} /> },
        ]}
      />
      {dialog && <PlanReviewModal inspectionId={p.inspectionId} event={dialog} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

/** The 整改方案 tab of an inspection whose feedback has been issued. */
export function PlanPanel({ inspectionId }: { inspectionId: string }) {
  const plan = usePlan(inspectionId);
  return <QueryBoundary query={plan}>{(p) => <PlanView plan={p} />}</QueryBoundary>;
}
