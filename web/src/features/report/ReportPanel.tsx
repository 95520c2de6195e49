import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import {
  type ReportHistoryEvent,
  type ReportStatus,
  reportHistoryEventLabel,
  reportKindLabel,
  reportStatusLabel,
} from '@xuncha/contracts';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Steps, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Inspection } from '../../app/types.ts';
import { DocxButton } from '../../shared/DocxButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { FeedbackModal } from '../planning/FeedbackModal.tsx';
import { type Report, type ReportKind, reportKey, reportPath, submitReport, useReport } from './api.ts';
import { ReportDecisionModal } from './ReportDecisionModal.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import { ReportVersions } from './ReportVersions.tsx';

const statusColor: Record<ReportStatus, string> = {
  draft: 'processing',
  submitted: 'gold',
  returned: 'error',
  approved: 'success',
};

function StatusTag({ report: r }: { report: Report }) {
  if (r.kind === 'feedback' && r.issuedVersion) return <Tag color="success">已下发（第 {r.issuedVersion} 版）</Tag>;
  if (!r.status) return <Tag>未起草</Tag>;
  return <Tag color={statusColor[r.status]}>{r.kind === 'report' ? reportStatusLabel[r.status] : '起草中'}</Tag>;
}

/** 起草 → 报送 → 审定 for the report; 起草 → 下发 for the feedback. */
function ReportSteps({ report: r }: { report: Report }) {
  if (r.kind === 'feedback') {
    const current = r.issuedVersion ? 1 : 0;
    return (
      <Steps
        size="small"
        current={current}
        status={r.issuedVersion ? 'finish' : 'process'}
        items={[{ title: '起草' }, { title: '下发' }]}
      />
    );
  }
  const current = r.status === 'approved' ? 2 : r.status === 'submitted' ? 1 : 0;
  const status = r.status === 'approved' ? 'finish' : r.status === 'returned' ? 'error' : 'process';
  const first = r.status === 'returned' ? '退回修改' : '起草';
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      items={[{ title: first }, { title: '报送领导小组' }, { title: '审定' }]}
    />
  );
}

function ReportDocxButton({ report: r }: { report: Report }) {
  return (
    <DocxButton
      path={`${reportPath(r.inspectionId, r.kind)}/document`}
      label="下载公文(.docx)"
      fallbackName={`${reportKindLabel[r.kind]}.docx`}
      disabled={r.currentVersion === 0}
      testId="report-docx"
    />
  );
}

function History({ report: r }: { report: Report }) {
  if (r.history.length === 0) return <Empty description="尚无记录" />;
  return (
    <Timeline
      items={r.history.map((e) => ({
        key: `${e.at}-${e.event}`,
        color: e.event === 'return' ? 'red' : e.event === 'approve' || e.event === 'issue' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{reportHistoryEventLabel[e.event as ReportHistoryEvent]}</Typography.Text>
            {e.version !== null && <Typography.Text type="secondary">（第 {e.version} 版）</Typography.Text>}
            <div>
              <Typography.Text type="secondary">
                {e.actorName} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.decisionTitle && <div>依据：{e.decisionTitle}</div>}
            {e.comment && <div className="pre-wrap">意见：{e.comment}</div>}
          </>
        ),
      }))}
    />
  );
}

type Dialog = 'approve' | 'return' | 'issue' | null;

function ReportView({ inspection, report: r }: { inspection: Inspection; report: Report }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const submit = useApiMutation({
    mutationFn: () => submitReport(r.inspectionId),
    invalidate: [reportKey(r.inspectionId, 'report')],
    successMessage: '巡察报告已报送领导小组',
  });
  const { abilities } = r;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex gap={8} align="center">
          <StatusTag report={r} />
          <Typography.Text type="secondary">
            {r.currentVersion ? `当前第 ${r.currentVersion} 版` : '尚未保存版本'}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          {abilities.submit && (
            <Popconfirm
              title="报送后不能再修改，确认报送领导小组？"
              okText="报送"
              cancelText="取消"
              onConfirm={() => submit.mutate()}
            >
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="report-submit">
                报送领导小组
              </Button>
            </Popconfirm>
          )}
          {abilities.approve && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDialog('approve')}
              data-testid="report-approve"
            >
              审定通过
            </Button>
          )}
          {abilities.return && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="report-return">
              退回修改
            </Button>
          )}
          {abilities.issue && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setDialog('issue')}
              data-testid="feedback-issue"
            >
              下发反馈
            </Button>
          )}
          <ReportDocxButton report={r} />
        </Flex>
      </Flex>
      <Card size="small" variant="borderless">
        <ReportSteps report={r} />
      </Card>
      {r.status === 'returned' && r.decisionComment && (
        <Alert type="warning" showIcon title={`领导小组退回意见：${r.decisionComment}`} />
      )}
      {r.blockedReason && !abilities.write && <Alert type="info" showIcon title={r.blockedReason} />}
      <Tabs
        items={[
          {
            key: 'text',
            label: abilities.write ? '起草' : '正文',
            children: abilities.write ? (
              <ReportEditor key={r.currentVersion} inspectionId={r.inspectionId} kind={r.kind} content={r.content} />
            ) : r.content ? (
              <div className="pre-wrap" data-testid="report-text">
                {r.content}
              </div>
            ) : (
              <Empty description={`尚未起草${reportKindLabel[r.kind]}`} />
            ),
          },
          {
            key: 'versions',
            label: '版本记录',
            children: <ReportVersions inspectionId={r.inspectionId} kind={r.kind} />,
          },
          { key: 'history', label: '办理记录', children: <History report={r} /> },
        ]}
      />
      {(dialog === 'approve' || dialog === 'return') && (
        <ReportDecisionModal inspectionId={r.inspectionId} event={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog === 'issue' && <FeedbackModal inspection={inspection} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

type Props = { inspection: Inspection; kind: ReportKind };

/** The 巡察报告 or 反馈意见 tab of an inspection. */
export function ReportPanel({ inspection, kind }: Props) {
  const report = useReport(inspection.id, kind);
  return <QueryBoundary query={report}>{(r) => <ReportView inspection={inspection} report={r} />}</QueryBoundary>;
}
