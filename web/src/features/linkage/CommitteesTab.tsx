// 下级党委: the committee looked from and those below it, one row each (their own figures, not rolled up), a
// comparison chart of coverage and rectification rate, the export, and — for linkage.drill — the drill-down.
import { aspect, inspectionPhaseLabel, type LinkageCommitteeRow } from '@xuncha/contracts';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { type ChartOption, EChart } from '../coverage/EChart.tsx';
import { useLinkageCommittees } from './api.ts';
import { LinkageDrillDrawer } from './DrillDrawer.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const pct = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

function comparison(rows: LinkageCommitteeRow[]): ChartOption {
  return {
    title: { text: '届内覆盖率与整改完成率对比', left: 'center', top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
    legend: { top: 30 },
    grid: { left: 8, right: 16, top: 84, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', max: 100, name: '百分比', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '届内覆盖率',
        type: 'bar',
        color: '#1677ff',
        barMaxWidth: 32,
        data: rows.map((r) => pct(r.coverageRate)),
      },
      {
        name: '整改完成率',
        type: 'bar',
        color: '#52c41a',
        barMaxWidth: 32,
        data: rows.map((r) => pct(r.rectificationRate)),
      },
    ],
  };
}

export function CommitteesTab() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const view = useLinkageCommittees(paging, true);
  const [drill, setDrill] = useState<LinkageCommitteeRow | null>(null);
  const data = view.data;
  const rows = useMemo(() => (data ? [data.own, ...data.lower.items] : []), [data]);
  const chart = useMemo(() => comparison(rows), [rows]);

  const columns = [
    {
      title: '党委',
      dataIndex: 'name',
      fixed: 'left' as const,
      width: 200,
      render: (name: string, r: LinkageCommitteeRow) => (
        <span style={{ paddingLeft: r.depth > 1 ? (r.depth - 1) * 16 : 0 }}>
          {name} {r.depth === 0 && <Tag color="blue">本级</Tag>}
        </span>
      ),
    },
    { title: '层级', dataIndex: 'level', width: 80 },
    {
      title: '届内覆盖',
      key: 'coverage',
      width: 130,
      render: (_: unknown, r: LinkageCommitteeRow) =>
        r.termPlanName ? (
          <Tooltip title={r.termPlanName}>
            {r.unitsCovered}/{r.unitsToCover}（{percent(r.coverageRate)}）
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">无在期规划</Typography.Text>
        ),
    },
    { title: '轮次', dataIndex: 'rounds', width: 64 },
    {
      title: '当前轮次',
      key: 'current',
      width: 200,
      render: (_: unknown, r: LinkageCommitteeRow) =>
        r.currentRoundName ? (
          <>
            {r.currentRoundName}
            {r.currentRoundPhase && <Tag style={{ marginLeft: 4 }}>{inspectionPhaseLabel[r.currentRoundPhase]}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
    { title: '巡察', dataIndex: 'inspections', width: 64 },
    {
      title: '问题',
      key: 'findings',
      width: 80,
      render: (_: unknown, r: LinkageCommitteeRow) => (
        <Tooltip title={aspect.codes.map((c) => `${aspect.labels[c]} ${r.findingsByAspect[c]}`).join('；')}>
          {r.findings}
        </Tooltip>
      ),
    },
    {
      title: '整改任务',
      key: 'tasks',
      width: 150,
      render: (_: unknown, r: LinkageCommitteeRow) => (
        <>
          {r.tasksClosed}/{r.tasks} 已销号
          {r.tasksOverdue > 0 && <Tag color="red">逾期 {r.tasksOverdue}</Tag>}
        </>
      ),
    },
    {
      title: '整改完成率',
      key: 'rr',
      width: 100,
      render: (_: unknown, r: LinkageCommitteeRow) => percent(r.rectificationRate),
    },
    {
      title: '按期完成率',
      key: 'ot',
      width: 100,
      render: (_: unknown, r: LinkageCommitteeRow) => percent(r.onTimeRate),
    },
    {
      title: '移交（有结果/逾期）',
      key: 'handovers',
      width: 150,
      render: (_: unknown, r: LinkageCommitteeRow) =>
        `${r.handoversSent}（${r.handoversWithResult}/${r.handoversOverdue}）`,
    },
    ...(data?.mayDrill
      ? [
          {
            title: '操作',
            key: 'drill',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, r: LinkageCommitteeRow) =>
              r.depth > 0 && (
                <Button type="link" size="small" onClick={() => setDrill(r)} data-testid="linkage-drill-open">
                  查看明细
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListError error={view.error} />
      <Typography.Paragraph type="secondary">
        每行为该党委本级开展的工作（不含其下级），截至 {data?.asOf ?? '—'}。
        {data && !data.mayDrill && '您的角色只能查看汇总数据。'}
      </Typography.Paragraph>
      {rows.length > 1 && <EChart option={chart} height={300} testId="linkage-chart" />}
      <div style={{ display: 'flex', justifyContent: 'flex-end', margin: '12px 0' }}>
        <ExportButton path="/api/linkage/committees/export" testId="linkage-export" />
      </div>
      <Table<LinkageCommitteeRow>
        rowKey="committeeId"
        size="small"
        data-testid="linkage-committees"
        loading={view.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1400 }}
        pagination={serverPagination(paging.page, paging.pageSize, data?.lower.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
      />
      <LinkageDrillDrawer committee={drill} onClose={() => setDrill(null)} />
    </>
  );
}
