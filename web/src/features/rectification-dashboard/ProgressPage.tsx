// 整改进度 (巡察办): rates as stat cards, per-unit rectification-rate bars and overdue-ageing bars, and the
// per-unit table; every bar, card and count opens the rows behind it (DrillDrawer). Filters live in the URL.
import {
  AGEING_BUCKETS,
  ageingBucketLabel,
  PROGRESS_SORTS,
  type ProgressCounts,
  type ProgressUnitRow,
  progressSortLabel,
  unitKind,
} from '@xuncha/contracts';
import { Button, Card, Col, Flex, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useRoundPage } from '../planning/api.ts';
import { type ProgressDashboard, useProgress } from './api.ts';
import { type Drill, DrillDrawer } from './DrillDrawer.tsx';
import { type BarOption, ProgressChart } from './ProgressChart.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function StatCards({ totals, open }: { totals: ProgressCounts; open: (drill: Drill) => void }) {
  const cards: { title: string; value: string; suffix?: string; drill?: Drill; testId: string }[] = [
    {
      title: '整改完成率',
      value: percent(totals.rectificationRate),
      suffix: `${totals.closed}/${totals.tasks} 项`,
      drill: { title: '全部', kind: 'open' },
      testId: 'stat-rate',
    },
    {
      title: '按期完成率',
      value: percent(totals.onTimeRate),
      suffix: `${totals.closedOnTime}/${totals.closed} 项`,
      drill: { title: '全部', kind: 'closed_late' },
      testId: 'stat-on-time',
    },
    {
      title: '逾期任务',
      value: String(totals.overdue),
      suffix: '项',
      drill: { title: '全部', kind: 'overdue' },
      testId: 'stat-overdue',
    },
    {
      title: '退回率',
      value: percent(totals.returnedRate),
      suffix: `${totals.returned} 项曾被退回`,
      drill: { title: '全部', kind: 'returned' },
      testId: 'stat-returned',
    },
    {
      title: '反弹率',
      value: percent(totals.reboundRate),
      suffix: `${totals.reopened} 项反弹`,
      drill: { title: '全部', kind: 'reopened' },
      testId: 'stat-rebound',
    },
    {
      title: '问题 / 任务',
      value: `${totals.findings} / ${totals.tasks}`,
      suffix: `阶段性完成 ${totals.partlyClosed}`,
      testId: 'stat-counts',
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={4}>
          <Card
            size="small"
            hoverable={c.drill !== undefined}
            onClick={() => c.drill && open(c.drill)}
            data-testid={c.testId}
          >
            <Statistic title={c.title} value={c.value} />
            <Typography.Text type="secondary">{c.suffix}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function rateOption(units: ProgressUnitRow[]): BarOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: units.map((u) => u.unitName), inverse: true },
    series: [
      {
        name: '整改完成率',
        type: 'bar',
        color: '#52c41a',
        barMaxWidth: 18,
        data: units.map((u) => Math.round((u.rectificationRate ?? 0) * 1000) / 10),
      },
      {
        name: '逾期任务',
        type: 'bar',
        color: '#ff4d4f',
        barMaxWidth: 18,
        data: units.map((u) => u.overdue),
        xAxisIndex: 0,
      },
    ],
  };
}

function ageingOption(ageing: ProgressDashboard['ageing']): BarOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    // every bucket named: with echarts' automatic interval every other label was dropped, and a bar stood
    // under the neighbouring bucket's name
    xAxis: { type: 'category', data: ageing.map((a) => ageingBucketLabel[a.bucket]), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '逾期任务', type: 'bar', color: ['#faad14'], barMaxWidth: 48, data: ageing.map((a) => a.count) }],
  };
}

export function ProgressPage() {
  const search = useSearchState();
  const filters = { roundId: search.get('roundId'), unitKind: search.get('unitKind'), sort: search.get('sort') };
  const progress = useProgress({ ...filters, page: search.page, pageSize: search.pageSize });
  const rounds = useRoundPage({ pageSize: 100 });
  const [drill, setDrill] = useState<Drill | null>(null);
  const units = progress.data?.units.items ?? [];
  const rates = useMemo(() => rateOption(units), [units]);
  const ageing = useMemo(() => ageingOption(progress.data?.ageing ?? []), [progress.data]);
  const drillFilters = { roundId: filters.roundId, unitKind: filters.unitKind };

  return (
    <PageContainer
      title="整改进度"
      extra={<ExportButton path="/api/rectification-progress/export" query={filters} testId="progress-export" />}
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部巡察轮次"
          style={{ width: 240 }}
          value={filters.roundId}
          options={(rounds.data?.items ?? []).map((r: { id: string; name: string }) => ({
            value: r.id,
            label: r.name,
          }))}
          onChange={(v) => search.setFilters({ roundId: v })}
          data-testid="progress-round"
        />
        <Select
          allowClear
          placeholder="全部单位类别"
          style={{ width: 160 }}
          value={filters.unitKind}
          options={optionsOf(unitKind.labels)}
          onChange={(v) => search.setFilters({ unitKind: v })}
          data-testid="progress-unit-kind"
        />
        <Select
          style={{ width: 200 }}
          value={filters.sort ?? '-overdue'}
          options={PROGRESS_SORTS.map((s) => ({ value: s, label: progressSortLabel[s] }))}
          onChange={(v) => search.setFilters({ sort: v })}
          data-testid="progress-sort"
        />
        {progress.data && <Typography.Text type="secondary">统计日期 {progress.data.asOf}</Typography.Text>}
      </Flex>
      <ListError error={progress.error} />
      {progress.data && <StatCards totals={progress.data.totals} open={setDrill} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="本页单位整改完成率与逾期任务（点击查看逾期任务）">
            <ProgressChart
              option={rates}
              height={Math.max(240, units.length * 36)}
              testId="progress-rate-chart"
              onBarClick={(i) => {
                const u = units[i];
                if (u) setDrill({ title: u.unitName, kind: 'overdue', unitId: u.unitId });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="逾期时长分布（点击查看任务）">
            <ProgressChart
              option={ageing}
              testId="progress-ageing-chart"
              onBarClick={(i) => {
                const bucket = AGEING_BUCKETS[i];
                if (bucket) setDrill({ title: ageingBucketLabel[bucket], kind: 'overdue', ageing: bucket });
              }}
            />
          </Card>
        </Col>
      </Row>
      <Table<ProgressUnitRow>
        rowKey="unitId"
        size="small"
        loading={progress.isFetching}
        dataSource={units}
        pagination={serverPagination(search.page, search.pageSize, progress.data?.units.total, search.setPage)}
        data-testid="progress-units"
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '类别',
            dataIndex: 'unitKind',
            width: 100,
            render: (k: string) => unitKind.labels[k as keyof typeof unitKind.labels] ?? k,
          },
          { title: '问题', dataIndex: 'findings', width: 70 },
          { title: '任务', dataIndex: 'tasks', width: 70 },
          {
            title: '整改完成率',
            dataIndex: 'rectificationRate',
            width: 160,
            render: (r: number | null, u) => (
              <Progress percent={Math.round((r ?? 0) * 100)} size="small" format={() => `${u.closed}/${u.tasks}`} />
            ),
          },
          { title: '按期完成率', dataIndex: 'onTimeRate', width: 100, render: percent },
          {
            title: '逾期',
            dataIndex: 'overdue',
            width: 120,
            render: (n: number, u) =>
              n > 0 ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => setDrill({ title: u.unitName, kind: 'overdue', unitId: u.unitId })}
                  data-testid="progress-unit-overdue"
                >
                  {n} 项（最长 {u.maxOverdueDays} 天）
                </Button>
              ) : (
                0
              ),
          },
          {
            title: '曾被退回',
            dataIndex: 'returned',
            width: 90,
            render: (n: number, u) =>
              n > 0 ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDrill({ title: u.unitName, kind: 'returned', unitId: u.unitId })}
                >
                  {n}
                </Button>
              ) : (
                0
              ),
          },
          {
            title: '反弹',
            dataIndex: 'reopened',
            width: 70,
            render: (n: number, u) =>
              n > 0 ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDrill({ title: u.unitName, kind: 'reopened', unitId: u.unitId })}
                >
                  {n}
                </Button>
              ) : (
                0
              ),
          },
        ]}
      />
      <DrillDrawer drill={drill} filters={drillFilters} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
