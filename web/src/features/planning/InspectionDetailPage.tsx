import { PlusOutlined } from '@ant-design/icons';
import type { InspectionDetail as Inspection } from '@xuncha/contracts';
import { inspectionType } from '@xuncha/contracts';
import { Button, Card, Descriptions, Flex, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.ts';
import { formatDate } from '../../shared/format.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { PhaseTag } from '../../shared/tags.tsx';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { AnnouncementPanel } from '../announcement/AnnouncementPanel.tsx';
import { CluePanel } from '../clues/CluePanel.tsx';
import { EnquiryPanel } from '../enquiry/EnquiryPanel.tsx';
import { FieldworkPanel, FieldworkTabLabel } from '../fieldwork/FieldworkPanel.tsx';
import { useFindingPage } from '../findings/api.ts';
import { FindingCreateModal } from '../findings/FindingCreateModal.tsx';
import { FindingTable } from '../findings/FindingTable.tsx';
import { GoodPracticePanel } from '../good-practice/GoodPracticePanel.tsx';
import { HandoverPanel } from '../handover/HandoverPanel.tsx';
import { LedgerGrid } from '../rectification/LedgerGrid.tsx';
import { RectificationLink } from '../rectification-case/RectificationLink.tsx';
import { PlanPanel } from '../rectification-plan/PlanPanel.tsx';
import { ReportPanel } from '../report/ReportPanel.tsx';
import { useInspection } from './api.ts';
import { InspectionActions } from './InspectionActions.tsx';
import { LookbackLinks, PhaseHistory, PhaseSteps } from './PhaseSteps.tsx';

function InspectionDescriptions({ inspection: i }: { inspection: Inspection }) {
  return (
    <Descriptions
      bordered
      column={{ xs: 1, md: 2 }}
      size="middle"
      items={[
        { key: 'round', label: '巡察轮次', children: i.roundName },
        { key: 'unit', label: '被巡察单位', children: i.unitName },
        { key: 'type', label: '巡察类型', children: inspectionType.labels[i.type] },
        {
          key: 'team',
          label: '巡察组',
          children: i.teamId ? <Link to={`/teams/${i.teamId}`}>{i.teamName}</Link> : (i.teamName ?? '未指定'),
        },
        { key: 'phase', label: '当前阶段', children: <PhaseTag phase={i.phase} /> },
        { key: 'dates', label: '巡察起止日期', children: `${formatDate(i.startDate)} 至 ${formatDate(i.endDate)}` },
        { key: 'feedback', label: '反馈日期', children: formatDate(i.feedbackDate) },
        {
          key: 'reason',
          label: '选定理由',
          span: 2,
          children: <div className="pre-wrap">{i.selectionReason ?? '—'}</div>,
        },
        { key: 'links', label: '回头看', span: 2, children: <LookbackLinks inspection={i} /> },
      ]}
    />
  );
}

function InspectionFindings({ inspection }: { inspection: Inspection }) {
  const paging = useLocalPage();
  const [creating, setCreating] = useState(false);
  const findings = useFindingPage({ inspectionId: inspection.id, page: paging.page, pageSize: paging.pageSize });
  return (
    <div>
      {inspection.abilities.createFinding && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-finding">
            登记问题
          </Button>
        </Flex>
      )}
      <FindingTable
        showUnit={false}
        findings={findings.data?.items}
        loading={findings.isFetching}
        error={findings.error}
        pagination={serverPagination(paging.page, paging.pageSize, findings.data?.total, paging.setPage)}
      />
      {creating && <FindingCreateModal inspectionId={inspection.id} onClose={() => setCreating(false)} />}
    </div>
  );
}

function InspectionView({ inspection }: { inspection: Inspection }) {
  const can = useCan();
  const tabs = [
    { key: 'findings', label: '问题清单', children: <InspectionFindings inspection={inspection} /> },
    ...(can('finding.read')
      ? [{ key: 'good-practices', label: '经验做法', children: <GoodPracticePanel inspection={inspection} /> }]
      : []),
    { key: 'tasks', label: '三张清单', children: <LedgerGrid inspectionId={inspection.id} /> },
    ...(inspection.feedbackDate && can('rectification.read')
      ? [{ key: 'plan', label: '整改方案', children: <PlanPanel inspectionId={inspection.id} /> }]
      : []),
    { key: 'history', label: '阶段记录', children: <PhaseHistory inspection={inspection} /> },
    { key: 'announcement', label: '巡察公告', children: <AnnouncementPanel inspectionId={inspection.id} /> },
    ...(can('enquiry.read')
      ? [{ key: 'enquiries', label: '函询', children: <EnquiryPanel inspection={inspection} /> }]
      : []),
    ...(can('fieldwork.read')
      ? [{ key: 'fieldwork', label: <FieldworkTabLabel />, children: <FieldworkPanel inspectionId={inspection.id} /> }]
      : []),
    ...(can('handover.read')
      ? [{ key: 'handovers', label: '移交', children: <HandoverPanel inspection={inspection} /> }]
      : []),
    ...(can('clue.count')
      ? [{ key: 'clues', label: '问题线索', children: <CluePanel inspection={inspection} /> }]
      : []),
    ...(can('report.read')
      ? [
          { key: 'report', label: '巡察报告', children: <ReportPanel inspection={inspection} kind="report" /> },
          { key: 'feedback', label: '反馈意见', children: <ReportPanel inspection={inspection} kind="feedback" /> },
        ]
      : []),
  ];
  // ?tab=plan (links from notices and lists) opens that tab; switching tabs keeps the URL in step
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab');
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {inspection.unitName}
          </Typography.Title>
          <PhaseTag phase={inspection.phase} />
          <RectificationLink inspection={inspection} />
        </Space>
        <InspectionActions inspection={inspection} />
      </Flex>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <PhaseSteps inspection={inspection} />
      </Card>
      <Card variant="borderless">
        <InspectionDescriptions inspection={inspection} />
      </Card>
      <Card variant="borderless" style={{ marginTop: 16 }}>
        <Tabs
          items={tabs}
          activeKey={tabs.some((t) => t.key === tab) ? (tab as string) : tabs[0]?.key}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}

export function InspectionDetailPage() {
  const { id } = useParams();
  const inspection = useInspection(id);
  return <QueryBoundary query={inspection}>{(i) => <InspectionView inspection={i} />}</QueryBoundary>;
}
