import { Space, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useCase } from './api.ts';
import { CaseStatusTag } from './CaseTags.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PublicationTab } from './PublicationTab.tsx';
import { ReportsTab } from './ReportsTab.tsx';

/** One unit's rectification: 概况 and 见底清零, the unit's reports, the office's evaluation, publication. */
export function RectificationDetailPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  return (
    <QueryBoundary query={query}>
      {(c) => (
        <div>
          <Space align="center" wrap style={{ marginBottom: 16 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.unitName} · 整改
            </Typography.Title>
            <CaseStatusTag status={c.status} />
            <Link to={`/inspections/${c.inspectionId}`}>{c.roundName}</Link>
          </Space>
          <Tabs
            destroyOnHidden
            items={[
              { key: 'overview', label: '概况', children: <OverviewTab c={c} /> },
              { key: 'reports', label: '整改报告', children: <ReportsTab c={c} /> },
              { key: 'evaluation', label: '整改评估', children: <EvaluationTab c={c} /> },
              { key: 'publication', label: '整改公开', children: <PublicationTab c={c} /> },
            ]}
          />
        </div>
      )}
    </QueryBoundary>
  );
}
