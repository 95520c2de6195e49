import { describeFieldworkDetails, fieldworkKind } from '@xuncha/contracts';
import { Button, Table, type TablePaginationConfig, Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import type { FieldworkSummary } from './api.ts';

type Props = {
  records: FieldworkSummary[] | undefined;
  loading: boolean;
  error: unknown;
  pagination: TablePaginationConfig;
  onOpen: (record: FieldworkSummary) => void;
};

export function FieldworkTable({ records, loading, error, pagination, onOpen }: Props) {
  if (error) return <ListError error={error} />;
  return (
    <Table<FieldworkSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={records}
      pagination={pagination}
      scroll={{ x: 960 }}
      data-testid="fieldwork-table"
      columns={[
        { title: '序号', dataIndex: 'seq', width: 64 },
        {
          title: '方式',
          dataIndex: 'kind',
          width: 110,
          render: (k: FieldworkSummary['kind']) => fieldworkKind.labels[k],
        },
        {
          title: '标题',
          dataIndex: 'title',
          render: (title: string, record) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', textAlign: 'left' }}
              onClick={() => onOpen(record)}
            >
              {title}
              {record.sensitive && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  敏感
                </Tag>
              )}
            </Button>
          ),
        },
        { title: '日期', dataIndex: 'occurredOn', width: 110, render: (d: string) => formatDate(d) },
        { title: '地点', dataIndex: 'place', width: 140, render: (p: string | null) => p ?? '—' },
        {
          title: '要点',
          key: 'digest',
          width: 240,
          render: (_, r) => (
            <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 224 }}>
              {describeFieldworkDetails(r.kind, r.details)}
            </Typography.Text>
          ),
        },
        { title: '附件', dataIndex: 'attachmentCount', width: 64 },
        { title: '登记人', dataIndex: 'createdByName', width: 90 },
      ]}
    />
  );
}
