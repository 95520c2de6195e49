// 工作量: per 巡察组 (inspections, units, 在驻天数, findings, clue count, fieldwork records) and per cadre
// (组长/组员 participation). A team's bar or row, or a cadre's row, opens the inspections behind it.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AnalyticsFilter, teamPostLabel, unitKind } from '@xuncha/contracts';
import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type QueryParams } from '../../app/api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { AnalyticsChart, barOption } from './AnalyticsChart.tsx';
import { AnalyticsDrill, type DrillPage, type DrillSpec } from './AnalyticsDrill.tsx';
import { type CadreWorkload, type TeamWorkload, useWorkload, type WorkloadInspection } from './work-api.ts';

type Open = (title: string, params: QueryParams) => void;
type Paging = { page: number; pageSize: number };

const INSPECTION_COLUMNS: ColumnsType<WorkloadInspection> = [
  { title: '巡察组', dataIndex: 'teamName' },
  { title: '被巡察单位', dataIndex: 'unitName' },
  {
    title: '类别',
    dataIndex: 'unitKind',
    width: 80,
    render: (k: WorkloadInspection['unitKind']) => unitKind.labels[k],
  },
  { title: '进驻', dataIndex: 'startDate', width: 92, render: (d: string) => formatDate(d) },
  { title: '撤离', dataIndex: 'endDate', width: 92, render: (d: string) => formatDate(d) },
  {
    title: '组内职务',
    dataIndex: 'post',
    width: 80,
    render: (p: string | null) => (p ? (teamPostLabel[p as keyof typeof teamPostLabel] ?? p) : ''),
  },
  { title: '问题', dataIndex: 'findings', width: 50, align: 'right' },
  { title: '线索', dataIndex: 'clues', width: 50, align: 'right' },
  { title: '记录', dataIndex: 'fieldworkRecords', width: 50, align: 'right' },
];

function teamColumns(open: Open): ColumnsType<TeamWorkload> {
  return [
    { title: '巡察组', dataIndex: 'teamName' },
    { title: '轮次', dataIndex: 'roundName', width: 160 },
    {
      title: '巡察单位次数',
      key: 'inspections',
      width: 110,
      render: (_, t) => (
        <Button type="link" size="small" onClick={() => open(`${t.teamName} · 巡察明细`, { teamId: t.teamId })}>
          {t.inspections}
        </Button>
      ),
    },
    { title: '覆盖单位', dataIndex: 'units', width: 90 },
    { title: '在驻天数', dataIndex: 'days', width: 90 },
    { title: '发现问题', dataIndex: 'findings', width: 90 },
    { title: '问题线索（件）', dataIndex: 'clues', width: 110 },
    { title: '了解情况记录', dataIndex: 'fieldworkRecords', width: 110 },
  ];
}

function cadreColumns(open: Open): ColumnsType<CadreWorkload> {
  return [
    { title: '姓名', dataIndex: 'cadreName', width: 100 },
    { title: '工作单位', dataIndex: 'homeUnitName' },
    { title: '任组长/副组长', dataIndex: 'asLeader', width: 110 },
    { title: '任组员/联络员', dataIndex: 'asMember', width: 110 },
    { title: '参加轮次', dataIndex: 'rounds', width: 90 },
    {
      title: '巡察单位次数',
      key: 'inspections',
      width: 110,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => open(`${c.cadreName} · 参加的巡察`, { cadreId: c.cadreId })}>
          {c.inspections}
        </Button>
      ),
    },
    { title: '在驻天数', dataIndex: 'days', width: 90 },
  ];
}

function CadreTable({ filter, open }: { filter: AnalyticsFilter; open: Open }) {
  const [page, setPage] = useState<Paging>({ page: 1, pageSize: 10 });
  const params = { ...filter, ...page };
  const cadres = useQuery({
    queryKey: ['analytics', 'workload-cadres', params],
    queryFn: () => api.get<DrillPage<CadreWorkload>>('/api/analytics/workload/cadres', params),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title="干部参加巡察情况"
      style={{ marginTop: 16 }}
      extra={
        <ExportButton path="/api/analytics/workload/cadres/export" query={filter} testId="workload-cadres-export" />
      }
    >
      <ListError error={cadres.error} />
      <Table<CadreWorkload>
        rowKey="cadreId"
        size="small"
        data-testid="workload-cadres"
        loading={cadres.isFetching}
        dataSource={cadres.data?.items}
        columns={cadreColumns(open)}
        pagination={serverPagination(page.page, page.pageSize, cadres.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
      />
    </Card>
  );
}

export function WorkloadTab({ filter }: { filter: AnalyticsFilter }) {
  const [page, setPage] = useState<Paging>({ page: 1, pageSize: 10 });
  const workload = useWorkload(filter, page);
  const [drill, setDrill] = useState<DrillSpec<WorkloadInspection> | null>(null);
  const open: Open = (title, params) =>
    setDrill({
      title,
      path: '/api/analytics/workload/inspections',
      params: { ...filter, ...params },
      columns: INSPECTION_COLUMNS,
      rowKey: 'inspectionId',
    });
  const s = workload.data;
  const totals = s
    ? [
        ['teams', '巡察组', s.totals.teams],
        ['cadres', '参加干部', s.totals.cadres],
        ['inspections', '巡察单位次数', s.totals.inspections],
        ['units', '覆盖单位', s.totals.units],
        ['findings', '发现问题', s.totals.findings],
        ['clues', '问题线索（件）', s.totals.clues],
      ]
    : [];
  return (
    <div data-testid="workload-tab">
      <ListError error={workload.error} />
      {s && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {totals.map(([key, title, value]) => (
              <Col key={key} xs={12} md={4}>
                <Card size="small" data-testid={`workload-stat-${key}`}>
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="各巡察组在驻天数（本页，点击查看巡察明细）">
            <AnalyticsChart
              option={barOption(
                '在驻天数',
                s.teams.items.map((t) => `${t.teamName}（${t.roundName}）`),
                s.teams.items.map((t) => t.days),
                '#722ed1',
              )}
              height={Math.max(180, 40 + s.teams.items.length * 32)}
              testId="workload-chart-teams"
              onClick={(i) => {
                const t = s.teams.items[i];
                if (t) open(`${t.teamName} · 巡察明细`, { teamId: t.teamId });
              }}
            />
          </Card>
          <Card
            size="small"
            title="巡察组工作量"
            style={{ marginTop: 16 }}
            extra={<ExportButton path="/api/analytics/workload/export" query={filter} testId="workload-teams-export" />}
          >
            <Table<TeamWorkload>
              rowKey="teamId"
              size="small"
              data-testid="workload-teams"
              loading={workload.isFetching}
              dataSource={s.teams.items}
              columns={teamColumns(open)}
              pagination={serverPagination(page.page, page.pageSize, s.teams.total, (p, size) =>
                setPage({ page: p, pageSize: size }),
              )}
            />
          </Card>
          <CadreTable filter={filter} open={open} />
        </>
      )}
      <AnalyticsDrill drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
