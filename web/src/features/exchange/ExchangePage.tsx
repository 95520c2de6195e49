// 数据报送交换 (issue 9, across deployments): 本级报送 for exchange.export holders (identity, signed package
// export), 接收核验 for exchange.import holders (trusted keys, verified import, packages received).
import { Tabs } from 'antd';
import { useCan } from '../../app/auth.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { ReceiveTab } from './ReceiveTab.tsx';
import { SendTab } from './SendTab.tsx';

export function ExchangePage() {
  const can = useCan();
  const tabs = [
    ...(can('exchange.export') ? [{ key: 'send', label: '本级报送', children: <SendTab /> }] : []),
    ...(can('exchange.import') ? [{ key: 'receive', label: '接收核验', children: <ReceiveTab /> }] : []),
  ];
  return (
    <PageContainer title="数据报送交换">
      <Tabs items={tabs} data-testid="exchange-tabs" destroyOnHidden />
    </PageContainer>
  );
}
