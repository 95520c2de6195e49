// 统计分析 (issue 9, DOMAIN.md §8): one filter (届, 轮次, 单位类别, 区域) over six tabs of committee figures;
// the filter and the open tab live in the URL, and every figure drills down to its rows (AnalyticsDrill).
import { Tabs } from 'antd';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { CoverageTab } from './CoverageTab.tsx';
import { FilterBar, useAnalyticsFilter } from './FilterBar.tsx';
import { FindingsTab } from './FindingsTab.tsx';
import { HandoverTab } from './HandoverTab.tsx';
import { OutcomesTab } from './OutcomesTab.tsx';
import { RectificationTab } from './RectificationTab.tsx';
import { WorkloadTab } from './WorkloadTab.tsx';

const TABS = [
  { key: 'coverage', label: '覆盖进度', Tab: CoverageTab },
  { key: 'findings', label: '问题分析', Tab: FindingsTab },
  { key: 'rectification', label: '整改成效', Tab: RectificationTab },
  { key: 'outcomes', label: '成果运用', Tab: OutcomesTab },
  { key: 'handover', label: '移交办理', Tab: HandoverTab },
  { key: 'workload', label: '工作量', Tab: WorkloadTab },
];

export function AnalyticsPage() {
  const search = useSearchState();
  const filter = useAnalyticsFilter();
  const active = TABS.some((t) => t.key === search.get('tab')) ? (search.get('tab') as string) : 'coverage';
  return (
    <PageContainer title="统计分析">
      <FilterBar filter={filter} />
      <Tabs
        activeKey={active}
        onChange={(tab) => search.setFilters({ tab })}
        destroyOnHidden
        data-testid="analytics-tabs"
        items={TABS.map(({ key, label, Tab }) => ({ key, label, children: <Tab filter={filter} /> }))}
      />
    </PageContainer>
  );
}
