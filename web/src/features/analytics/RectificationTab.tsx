// 整改成效: the rates as gauges, overdue ageing, the rates per unit kind and per unit. Every gauge, bar and
// unit figure opens the tasks it counts (AnalyticsDrill), exportable.
import {
  type AgeingBucket,
  type AnalyticsFilter,
  ageingBucketLabel,
  type ProgressTask,
  type ProgressUnitRow,
  taskStatusLabel,
  unitKind,
} from '@xuncha/contracts';
import { Button, Card, Col, Flex, Progress, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { QueryParams } from '../../app/api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { AnalyticsChart, type AnalyticsOption, barOption } from './AnalyticsChart.tsx';
import { AnalyticsDrill, type DrillSpec } from './AnalyticsDrill.tsx';
import { type RectificationRates, rectificationTaskKindLabel, useRectificationRates } from './work-api.ts';

type TaskKind = keyof typeof rectificationTaskKindLabel;
const kindName = (code: string) => unitKind.labels[code as keyof typeof unitKind.labels] ?? code;
const percent = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);

const TASK_COLUMNS: ColumnsType<ProgressTask> = [
  { title: '单位', dataIndex: 'unitName', width: 140 },
  { title: '问题', dataIndex: 'findingTitle', ellipsis: true },
  { title: '整改任务', dataIndex: 'title', ellipsis: true },
  { title: '责任人', dataIndex: 'ownerName', width: 80 },
  { title: '完成时限', dataIndex: 'dueDate', width: 100, render: (d: string) => formatDate(d) },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: ProgressTask['status']) => taskStatusLabel[s] },
  { title: '逾期天数', dataIndex: 'overdueDays', width: 80, align: 'right' },
];

function taskDrill(filter: AnalyticsFilter, title: string, params: QueryParams): DrillSpec<ProgressTask> {
  return {
    title,
    path: '/api/analytics/rectification/tasks',
    params: { ...filter, ...params },
    columns: TASK_COLUMNS,
    rowKey: 'id',
  };
}

type Open = (title: string, params: QueryParams) => void;

function Gauges({ t, open }: { t: RectificationRates['totals']; open: Open }) {
  const gauges: { key: string; title: string; rate: number | null; note: string; kind: TaskKind; color: string }[] = [
    {
      key: 'rate',
      title: '整改完成率',
      rate: t.rectificationRate,
      note: `已销号 ${t.closed} / 任务 ${t.tasks}`,
      kind: 'closed',
      color: '#1677ff',
    },
    {
      key: 'on-time',
      title: '按期完成率',
      rate: t.onTimeRate,
      note: `按期销号 ${t.closedOnTime} / 已销号 ${t.closed}`,
      kind: 'closed_on_time',
      color: '#52c41a',
    },
    {
      key: 'returned',
      title: '退回率',
      rate: t.returnedRate,
      note: `曾被退回 ${t.returned} / 任务 ${t.tasks}`,
      kind: 'returned',
      color: '#faad14',
    },
    {
      key: 'rebound',
      title: '反弹率',
      rate: t.reboundRate,
      note: `反弹 ${t.reopened} / 曾销号 ${t.everClosed}`,
      kind: 'reopened',
      color: '#ff4d4f',
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {gauges.map((g) => (
        <Col key={g.key} xs={12} md={6}>
          <Card
            size="small"
            hoverable
            onClick={() => open(rectificationTaskKindLabel[g.kind], { kind: g.kind })}
            data-testid={`rect-gauge-${g.key}`}
          >
            <Flex vertical align="center" gap={4}>
              <Typography.Text strong>{g.title}</Typography.Text>
              <Progress
                type="dashboard"
                percent={percent(g.rate)}
                strokeColor={g.color}
                size={110}
                format={() => (g.rate === null ? '—' : `${percent(g.rate)}%`)}
              />
              <Typography.Text type="secondary">{g.note}</Typography.Text>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The three rates side by side per unit kind, in percent. */
function kindOption(kinds: RectificationRates['byKind']): AnalyticsOption {
  const series = [
    { name: '整改完成率', color: '#1677ff', pick: (k: RectificationRates['byKind'][number]) => k.rectificationRate },
    { name: '按期完成率', color: '#52c41a', pick: (k: RectificationRates['byKind'][number]) => k.onTimeRate },
    { name: '退回率', color: '#faad14', pick: (k: RectificationRates['byKind'][number]) => k.returnedRate },
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: kinds.map((k) => kindName(k.unitKind)), inverse: true },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      color: s.color,
      barMaxWidth: 14,
      data: kinds.map((k) => percent(s.pick(k))),
    })),
  };
}

function unitColumns(open: Open): ColumnsType<ProgressUnitRow> {
  const link = (kind: TaskKind, field: keyof ProgressUnitRow) => (_: unknown, r: ProgressUnitRow) => (
    <Button
      type="link"
      size="small"
      onClick={() => open(`${r.unitName} · ${rectificationTaskKindLabel[kind]}`, { kind, unitId: r.unitId })}
    >
      {String(r[field])}
    </Button>
  );
  const rate =
    (field: 'rectificationRate' | 'onTimeRate' | 'returnedRate' | 'reboundRate') => (_: unknown, r: ProgressUnitRow) =>
      r[field] === null ? '—' : `${percent(r[field])}%`;
  return [
    { title: '单位', dataIndex: 'unitName' },
    { title: '类别', dataIndex: 'unitKind', width: 100, render: kindName },
    { title: '任务', key: 'tasks', width: 70, render: link('all', 'tasks') },
    { title: '已销号', key: 'closed', width: 70, render: link('closed', 'closed') },
    { title: '逾期', key: 'overdue', width: 70, render: link('overdue', 'overdue') },
    { title: '整改完成率', key: 'rr', width: 100, render: rate('rectificationRate') },
    { title: '按期完成率', key: 'ot', width: 100, render: rate('onTimeRate') },
    { title: '退回率', key: 'ret', width: 80, render: rate('returnedRate') },
    { title: '反弹率', key: 'reb', width: 80, render: rate('reboundRate') },
  ];
}

export function RectificationTab({ filter }: { filter: AnalyticsFilter }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const rates = useRectificationRates(filter, page);
  const [drill, setDrill] = useState<DrillSpec<ProgressTask> | null>(null);
  const open: Open = (title, params) => setDrill(taskDrill(filter, title, params));
  const s = rates.data;
  return (
    <div data-testid="rectification-tab">
      <ListError error={rates.error} />
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            截至 {formatDate(s.asOf)}：已反馈问题 {s.totals.findings} 个，整改任务 {s.totals.tasks} 项，逾期未销号{' '}
            {s.totals.overdue} 项。点击图表或数字查看任务明细。
          </Typography.Paragraph>
          <Gauges t={s.totals} open={open} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="逾期未销号任务时长分布（项，点击查看）">
                <AnalyticsChart
                  option={barOption(
                    '逾期任务（项）',
                    s.ageing.map((a) => ageingBucketLabel[a.bucket]),
                    s.ageing.map((a) => a.count),
                    '#ff4d4f',
                  )}
                  testId="rect-chart-ageing"
                  onClick={(i) => {
                    const bucket: AgeingBucket | undefined = s.ageing[i]?.bucket;
                    if (bucket) open(ageingBucketLabel[bucket], { kind: 'overdue', ageing: bucket });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="按单位类别的整改成效（%，点击查看）">
                <AnalyticsChart
                  option={kindOption(s.byKind)}
                  testId="rect-chart-kind"
                  onClick={(i) => {
                    const k = s.byKind[i];
                    if (k) open(`${kindName(k.unitKind)} · 全部整改任务`, { kind: 'all', unitKind: k.unitKind });
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title="各单位整改成效"
            style={{ marginTop: 16 }}
            extra={
              <ExportButton path="/api/analytics/rectification/export" query={filter} testId="rect-units-export" />
            }
          >
            <Table<ProgressUnitRow>
              rowKey="unitId"
              size="small"
              data-testid="rect-units"
              loading={rates.isFetching}
              dataSource={s.units.items}
              columns={unitColumns(open)}
              pagination={serverPagination(page.page, page.pageSize, s.units.total, (p, size) =>
                setPage({ page: p, pageSize: size }),
              )}
            />
          </Card>
        </>
      )}
      <AnalyticsDrill drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
