import { aspect, type FindingStatus } from '@xuncha/contracts';
import { Empty, Progress, Space, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import type { Finding } from '../../app/types.ts';
import { ListError } from '../../shared/ListError.tsx';
import { FindingStatusTag, SensitivityTag } from '../../shared/tags.tsx';
import { ImmediateTag } from './ClassificationTags.tsx';

type Props = {
  findings: Finding[] | undefined;
  loading: boolean;
  error?: unknown;
  pagination: TablePaginationConfig;
  /** Hidden inside an inspection, where every row has the same unit. */
  showUnit?: boolean;
};

function taskProgress(f: Finding) {
  if (f.taskCount === 0) return <span style={{ color: '#999' }}>未分解</span>;
  const percent = Math.round((f.closedTaskCount / f.taskCount) * 100);
  return <Progress percent={percent} size="small" format={() => `${f.closedTaskCount}/${f.taskCount}`} />;
}

export function FindingTable({ findings, loading, error, pagination, showUnit = true }: Props) {
  const columns: TableColumnsType<Finding> = [
    ...(showUnit ? [{ title: '被巡察单位', dataIndex: 'unitName', width: 180 }] : []),
    { title: '序号', dataIndex: 'seq', width: 70 },
    {
      title: '问题',
      dataIndex: 'title',
      render: (title: string, f) => (
        <Space size={4} wrap>
          <Link to={`/findings/${f.id}`}>{title}</Link>
          {f.immediate && <ImmediateTag />}
        </Space>
      ),
    },
    { title: '方面', dataIndex: 'aspect', width: 200, render: (a: Finding['aspect']) => aspect.labels[a] },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: FindingStatus) => <FindingStatusTag status={status} />,
    },
    { title: '密级', key: 'sensitivity', width: 70, render: (_, f) => <SensitivityTag sensitivity={f.sensitivity} /> },
    { title: '整改任务（已销号/总数）', key: 'progress', width: 200, render: (_: unknown, f) => taskProgress(f) },
  ];
  return (
    <>
      <ListError error={error} />
      <Table<Finding>
        rowKey="id"
        columns={columns}
        dataSource={findings}
        loading={loading}
        locale={{ emptyText: <Empty description="暂无问题" /> }}
        pagination={pagination}
      />
    </>
  );
}
