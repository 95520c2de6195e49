import type { ReportKind } from '@xuncha/contracts';
import { App, Button, Flex, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { fetchVersion, type ReportVersionSummary, useReportDiff, useReportVersions } from './api.ts';
import { DiffView } from './DiffView.tsx';

type Props = { inspectionId: string; kind: ReportKind };

/** Every saved version, each viewable, and a comparison of any two (older → newer). */
export function ReportVersions({ inspectionId, kind }: Props) {
  const versions = useReportVersions(inspectionId, kind);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [viewing, setViewing] = useState<{ version: number; content: string } | null>(null);
  const { message } = App.useApp();
  const diff = useReportDiff(inspectionId, kind, range);
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  // newest first: by default compare the previous version with the latest
  const from = pair.from ?? options[1]?.value;
  const to = pair.to ?? options[0]?.value;

  const view = async (version: number) => {
    try {
      setViewing(await fetchVersion(inspectionId, kind, version));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={12}>
      <ListError error={versions.error} />
      <Table<ReportVersionSummary>
        rowKey="version"
        size="small"
        loading={versions.isFetching}
        dataSource={versions.data?.items}
        pagination={false}
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          { title: '起草人', dataIndex: 'authorName' },
          { title: '保存时间', dataIndex: 'createdAt', render: formatDateTime },
          { title: '字数', dataIndex: 'length' },
          {
            title: '操作',
            key: 'view',
            render: (_, v) => (
              <Button size="small" onClick={() => view(v.version)}>
                查看
              </Button>
            ),
          },
        ]}
        data-testid="report-versions"
      />
      {options.length > 1 && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>比较版本：</Typography.Text>
          <Select
            style={{ width: 120 }}
            placeholder="原版本"
            options={options}
            value={from}
            onChange={(from) => setPair((p) => ({ ...p, from }))}
            data-testid="diff-from"
          />
          <span>→</span>
          <Select
            style={{ width: 120 }}
            placeholder="新版本"
            options={options}
            value={to}
            onChange={(to) => setPair((p) => ({ ...p, to }))}
            data-testid="diff-to"
          />
          <Button
            disabled={!from || !to || from === to}
            onClick={() => from && to && setRange({ from, to })}
            data-testid="diff-compare"
          >
            比较
          </Button>
        </Flex>
      )}
      <ListError error={diff.error} />
      {range && diff.data && <DiffView diff={diff.data} />}
      <Modal
        open={viewing !== null}
        title={viewing ? `第 ${viewing.version} 版` : ''}
        footer={null}
        width={820}
        onCancel={() => setViewing(null)}
      >
        <div className="pre-wrap" style={{ maxHeight: 600, overflow: 'auto' }}>
          {viewing?.content}
        </div>
      </Modal>
    </Flex>
  );
}
