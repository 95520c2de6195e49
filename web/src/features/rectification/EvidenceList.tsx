import { PaperClipOutlined } from '@ant-design/icons';
import { evidenceKind } from '@xuncha/contracts';
import { Empty, Table, type TableColumnsType } from 'antd';
import type { Evidence } from '../../app/types.ts';
import { formatAmount, formatDateTime, formatFileSize } from '../../shared/format.ts';
import { evidenceFileUrl } from './api.ts';

const columns: TableColumnsType<Evidence> = [
  { title: '类别', dataIndex: 'kind', width: 120, render: (kind: Evidence['kind']) => evidenceKind.labels[kind] },
  { title: '材料说明', dataIndex: 'description' },
  {
    title: '文件',
    dataIndex: 'fileName',
    render: (fileName: string | null, e) =>
      fileName ? (
        // A plain link: the browser handles the download with the session cookie.
        <a href={evidenceFileUrl(e.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {fileName}
        </a>
      ) : (
        '—'
      ),
  },
  { title: '大小', dataIndex: 'size', width: 90, render: (size: number | null) => formatFileSize(size) },
  { title: '金额', dataIndex: 'amount', width: 130, render: (amount: number | null) => formatAmount(amount) },
  { title: '上传人', dataIndex: 'uploadedByName', width: 100 },
  { title: '上传时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
];

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <Table<Evidence>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={evidence}
      pagination={false}
      locale={{ emptyText: <Empty description="暂无佐证材料" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      scroll={{ x: 800 }}
    />
  );
}
