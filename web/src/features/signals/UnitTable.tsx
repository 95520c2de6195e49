// The per-unit summary of the signals: counts per rule, most signals first; a unit name filters the task list.
import { unitKind } from '@xuncha/contracts';
import { Button, Table } from 'antd';
import type { SignalSummary } from './api.ts';

type UnitRow = SignalSummary['units']['items'][number];

interface Props {
  summary: SignalSummary | undefined;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  onUnit: (unitId: string) => void;
}

export function UnitTable({ summary, loading, page, onPage, onUnit }: Props) {
  return (
    <Table<UnitRow>
      rowKey="unitId"
      size="small"
      bordered
      title={() => '按单位汇总'}
      loading={loading}
      dataSource={summary?.units.items ?? []}
      pagination={{ current: page, pageSize: 10, total: summary?.units.total ?? 0, onChange: onPage, size: 'small' }}
      data-testid="signal-units"
      columns={[
        {
          title: '单位',
          dataIndex: 'unitName',
          render: (name: string, u) => (
            <Button type="link" size="small" onClick={() => onUnit(u.unitId)} data-testid="signal-unit-link">
              {name}
            </Button>
          ),
        },
        {
          title: '类别',
          dataIndex: 'unitKind',
          width: 90,
          render: (k: string) => unitKind.labels[k as keyof typeof unitKind.labels] ?? k,
        },
        { title: '佐证单薄', dataIndex: 'thinEvidence', width: 80 },
        { title: '突击销号', dataIndex: 'bulkClose', width: 80 },
        { title: '回访反弹', dataIndex: 'rebound', width: 80 },
        { title: '待核实', dataIndex: 'open', width: 70 },
      ]}
    />
  );
}
