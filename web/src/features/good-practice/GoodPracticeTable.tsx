import { area } from '@xuncha/contracts';
import { Button, Empty, Flex, Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import type { GoodPractice } from './api.ts';
import { GoodPracticeModal } from './GoodPracticeModal.tsx';

type Props = {
  practices: GoodPractice[] | undefined;
  loading: boolean;
  error?: unknown;
  pagination: TablePaginationConfig;
  /** Hidden inside an inspection, where every row has the same unit. */
  showUnit?: boolean;
};

export function GoodPracticeTable({ practices, loading, error, pagination, showUnit = true }: Props) {
  const [editing, setEditing] = useState<GoodPractice | null>(null);
  const columns: TableColumnsType<GoodPractice> = [
    ...(showUnit
      ? [
          {
            title: '被巡察单位',
            dataIndex: 'unitName',
            width: 200,
            render: (name: string, p: GoodPractice) => <Link to={`/inspections/${p.inspectionId}`}>{name}</Link>,
          },
        ]
      : []),
    {
      title: '经验做法',
      dataIndex: 'title',
      render: (title: string, p) => (
        <div>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{title}</Typography.Text>
            {p.promote && <Tag color="green">值得推广</Tag>}
          </Flex>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
            style={{ margin: 0 }}
          >
            {p.content}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      title: '领域',
      dataIndex: 'areas',
      width: 200,
      render: (codes: GoodPractice['areas']) => codes.map((c) => <Tag key={c}>{area.labels[c]}</Tag>),
    },
    { title: '记录人', dataIndex: 'createdByName', width: 100 },
    { title: '记录日期', dataIndex: 'createdAt', width: 110, render: formatDate },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, p) =>
        p.abilities.update && (
          <Button type="link" size="small" onClick={() => setEditing(p)}>
            修改
          </Button>
        ),
    },
  ];
  return (
    <>
      <ListError error={error} />
      <Table<GoodPractice>
        rowKey="id"
        columns={columns}
        dataSource={practices}
        loading={loading}
        locale={{ emptyText: <Empty description="暂无经验做法" /> }}
        pagination={pagination}
      />
      {editing && <GoodPracticeModal practice={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
