// 上下联动: tabs by permission — 下级党委 (figures and comparison, linkage.read), 指导意见 issued and received
// (guidance.read), 提级/交叉巡察 (launch and 上级在本地区开展的巡察). The tab lives in the URL, so a notice links
// straight to it.
import { Tabs } from 'antd';
import { useCan } from '../../app/auth.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { CommitteesTab } from './CommitteesTab.tsx';
import { GuidanceTab } from './GuidanceTab.tsx';
import { LaunchTab } from './LaunchTab.tsx';
import { ReceivedTab } from './ReceivedTab.tsx';

export function LinkagePage() {
  const can = useCan();
  const search = useSearchState();
  const items = [
    can('linkage.read') && { key: 'committees', label: '下级党委', children: <CommitteesTab /> },
    can('guidance.read') && { key: 'guidance', label: '指导意见', children: <GuidanceTab /> },
    can('guidance.read') && { key: 'received', label: '收到的指导意见', children: <ReceivedTab /> },
    (can('linkage.read') || can('inspection.launch_lower')) && {
      key: 'upper',
      label: '提级/交叉巡察',
      children: <LaunchTab />,
    },
  ].filter((i) => i !== false);
  const active = search.get('tab') ?? items[0]?.key;
  return (
    <PageContainer title="上下联动">
      <Tabs
        activeKey={active}
        onChange={(tab) => search.setFilters({ tab })}
        items={items.map((i) => ({ ...i, children: <div data-testid={`linkage-tab-${i.key}`}>{i.children}</div> }))}
        destroyOnHidden
      />
    </PageContainer>
  );
}
