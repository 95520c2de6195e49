import { clueCategory } from '@xuncha/contracts';
import { Button, Table, type TablePaginationConfig, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { SensitivityTag } from '../../shared/tags.tsx';
import type { ClueListItem } from './api.ts';
import { ClueStatusTag, HandoverCell } from './ClueTags.tsx';

type Props = {
  clues: ClueListItem[] | undefined;
  loading: boolean;
  error: unknown;
  pagination: TablePaginationConfig;
  /** the committee ledger shows which inspection each clue belongs to; the inspection tab does not need to */
  showUnit: boolean;
  onOpen: (clue: ClueListItem) => void;
};

export function ClueTable({ clues, loading, error, pagination, showUnit, onOpen }: Props) {
  const columns: ColumnsType<ClueListItem> = [
    {
      title: '线索编号',
      dataIndex: 'code',
      width: 150,
      render: (code: string, c) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c)} data-testid="clue-open">
          {code}
        </Button>
      ),
    },
    ...(showUnit
      ? [
          {
            title: '被巡察单位',
            key: 'unit',
            render: (_: unknown, c: ClueListItem) => (
              <>
                {c.unitName}
                <Typography.Text type="secondary"> · {c.roundName}</Typography.Text>
              </>
            ),
          },
        ]
      : []),
    {
      title: '被反映人',
      key: 'subject',
      render: (_, c) => (
        <>
          {c.subjectName}
          <Typography.Text type="secondary"> · {c.subjectPost}</Typography.Text>
        </>
      ),
    },
    { title: '反映问题', dataIndex: 'allegationExcerpt', ellipsis: true },
    {
      title: '类别',
      dataIndex: 'category',
      width: 130,
      render: (c: ClueListItem['category']) => clueCategory.labels[c],
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: ClueListItem['status']) => <ClueStatusTag status={s} />,
    },
    { title: '密级', key: 'sensitivity', width: 70, render: (_, c) => <SensitivityTag sensitivity={c.sensitivity} /> },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: formatDate },
    { title: '移交情况', key: 'handover', render: (_, c) => <HandoverCell handover={c.handover} /> },
  ];
  return (
    <>
      <ListError error={error} />
      <Table<ClueListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={clues}
        loading={loading}
        pagination={pagination}
        data-testid="clue-table"
      />
    </>
  );
}
