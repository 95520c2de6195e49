import { useQuery } from '@tanstack/react-query';
import { type AvoidanceConflictView, avoidanceRuleLabel } from '@xuncha/contracts';
import { Alert, Card, Empty, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useUnitSearch } from './api.ts';

/** 回避预查: before proposing the cadre for a team, see which of the target units they must avoid and why. */
export function AvoidancePreview({ cadreId }: { cadreId: string }) {
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const units = useUnitSearch(useDebounced(q, 300));
  const conflicts = useQuery({
    queryKey: ['cadre', cadreId, 'avoidance', unitIds],
    queryFn: () =>
      api.get<{ items: AvoidanceConflictView[] }>(`/api/cadres/${cadreId}/avoidance`, { unitIds: unitIds.join(',') }),
    enabled: unitIds.length > 0,
  });
  return (
    <Card size="small" title="回避预查" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder="选择拟巡察的单位"
          style={{ width: '100%' }}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitIds}
          onChange={setUnitIds}
          data-testid="avoidance-units"
        />
        {unitIds.length > 0 &&
          conflicts.data &&
          (conflicts.data.items.length === 0 ? (
            <Alert type="success" showIcon title="未发现需要回避的情形" />
          ) : (
            <List
              size="small"
              dataSource={conflicts.data.items}
              renderItem={(c) => (
                <List.Item data-testid="avoidance-conflict">
                  <Space>
                    <Tag color="red">{avoidanceRuleLabel[c.rule]}</Tag>
                    {c.message}
                  </Space>
                </List.Item>
              )}
            />
          ))}
        {unitIds.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择单位后显示回避情形" />}
      </Space>
    </Card>
  );
}
