// 下级报送汇总: the verified packages received (marked 已核验 with the signer's fingerprint), a chart of their
// findings by 四个方面, and a drawer with one package's round summaries.
import { aspect } from '@xuncha/contracts';
import { Card, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { type ChartOption, EChart } from '../coverage/EChart.tsx';
import { type ExchangeImportDetail, type ExchangeImportRow, useImportDetail, useImports } from './api.ts';

const short = (hex: string) => `${hex.slice(0, 12)}…${hex.slice(-6)}`;
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const label = (r: ExchangeImportRow) => `${r.sourceCommitteeName}（${r.from.slice(0, 4)}–${r.to.slice(0, 4)}）`;

function findingsOption(rows: ExchangeImportRow[]): ChartOption {
  return {
    title: { text: '下级报送问题数（按四个方面）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '问题数', minInterval: 1 },
    series: aspect.codes.map((code) => ({
      name: aspect.labels[code],
      type: 'bar' as const,
      stack: 'findings',
      barMaxWidth: 40,
      data: rows.map((r) => r.statistics.findingsByAspect[code]),
    })),
  };
}

function RoundsTable({ detail }: { detail: ExchangeImportDetail }) {
  const columns = [
    { title: '轮次', dataIndex: 'name' },
    { title: '开始', dataIndex: 'startDate', width: 110 },
    { title: '单位', dataIndex: 'units', width: 60 },
    { title: '问题', dataIndex: 'findings', width: 60 },
    { title: '任务', dataIndex: 'tasks', width: 60 },
    { title: '已销号', dataIndex: 'closed', width: 70 },
    { title: '逾期', dataIndex: 'overdue', width: 60 },
    { title: '完成率', dataIndex: 'rectificationRate', width: 80, render: percent },
    { title: '移交', dataIndex: 'handovers', width: 60 },
  ];
  return (
    <Table
      rowKey={(r) => `${r.year}-${r.seq}`}
      size="small"
      columns={columns}
      dataSource={detail.rounds}
      pagination={false}
      data-testid="exchange-import-rounds"
    />
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useImportDetail(id);
  const d = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title="报送包详情" data-testid="exchange-import-drawer">
      <ListError error={detail.error} />
      {d && (
        <>
          <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="报送单位">{d.sourceCommitteeName}</Descriptions.Item>
            <Descriptions.Item label="层级">{d.sourceCommitteeLevel}</Descriptions.Item>
            <Descriptions.Item label="期间">{`${d.from} 至 ${d.to}`}</Descriptions.Item>
            <Descriptions.Item label="生成时间">{dayjs(d.generatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label="核验" span={2}>
              <Tag color="green">已核验</Tag> 签名人 {d.trustedName}
            </Descriptions.Item>
            <Descriptions.Item label="签名人指纹" span={2}>
              <Typography.Text code>{d.fingerprint}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="SM3 摘要" span={2}>
              <Typography.Text code>{d.digest}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <RoundsTable detail={d} />
        </>
      )}
    </Drawer>
  );
}

export function ImportsCard() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [open, setOpen] = useState<string | null>(null);
  const imports = useImports(paging);
  const rows = imports.data?.items ?? [];
  const option = useMemo(() => findingsOption(rows), [rows]);
  const columns = [
    {
      title: '报送单位',
      dataIndex: 'sourceCommitteeName',
      render: (v: string, r: ExchangeImportRow) => (
        <Typography.Link onClick={() => setOpen(r.id)} data-testid={`exchange-import-open-${r.id}`}>
          {v}
        </Typography.Link>
      ),
    },
    { title: '期间', key: 'period', render: (_: unknown, r: ExchangeImportRow) => `${r.from} 至 ${r.to}` },
    { title: '轮次', key: 'rounds', width: 60, render: (_: unknown, r: ExchangeImportRow) => r.statistics.rounds },
    { title: '巡察', key: 'ins', width: 60, render: (_: unknown, r: ExchangeImportRow) => r.statistics.inspections },
    { title: '问题', key: 'findings', width: 60, render: (_: unknown, r: ExchangeImportRow) => r.statistics.findings },
    {
      title: '整改完成率',
      key: 'rate',
      width: 100,
      render: (_: unknown, r: ExchangeImportRow) => percent(r.statistics.rectificationRate),
    },
    { title: '逾期', key: 'overdue', width: 60, render: (_: unknown, r: ExchangeImportRow) => r.statistics.overdue },
    {
      title: '核验',
      key: 'verified',
      render: (_: unknown, r: ExchangeImportRow) => (
        <span>
          <Tag color="green">已核验</Tag>
          <Typography.Text code title={r.fingerprint}>
            {short(r.fingerprint)}
          </Typography.Text>
        </span>
      ),
    },
    { title: '导入时间', dataIndex: 'importedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <Card
      size="small"
      title="已接收的下级报送"
      style={{ marginBottom: 16 }}
      extra={<ExportButton path="/api/exchange/imports/export" testId="exchange-imports-export" />}
    >
      <ListError error={imports.error} />
      {rows.length > 0 && <EChart option={option} height={260} testId="exchange-imports-chart" />}
      <Table<ExchangeImportRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={imports.isFetching}
        pagination={serverPagination(paging.page, paging.pageSize, imports.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        locale={{ emptyText: '尚未导入下级报送包' }}
        data-testid="exchange-imports"
      />
      <DetailDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
