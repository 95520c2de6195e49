// 共性问题: findings of different units that describe the same problem, grouped by the server's last 研判
// (refresh). A bar chart of the clusters on the page, the cluster table (drill to the findings, export), and
// what became of clusters: 举一反三 notices and 专项巡察 proposals.
import { area, aspect, type ClusterFilter, discipline } from '@xuncha/contracts';
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { FilterBar, useAnalyticsFilter } from '../analytics/FilterBar.tsx';
import { type ChartOption, EChart } from '../coverage/EChart.tsx';
import { NoticeList, ProposalList } from './ActionLists.tsx';
import { NoticeModal, ProposalModal } from './ActionModals.tsx';
import { type ClusterPage, type ClusterRow, useClusters, useRefresh } from './api.ts';
import { ClusterDrawer } from './ClusterDrawer.tsx';

function chartOption(rows: ClusterRow[]): ChartOption {
  return {
    title: { text: '共性问题涉及单位与问题数', left: 'center', top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 30 },
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '个' },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    series: [
      { name: '涉及单位数', type: 'bar', color: '#1677ff', barMaxWidth: 16, data: rows.map((r) => r.unitCount) },
      { name: '问题数', type: 'bar', color: '#fa8c16', barMaxWidth: 16, data: rows.map((r) => r.findingCount) },
    ],
  };
}

function RunInfo({ data }: { data: ClusterPage | undefined }) {
  const can = useCan();
  const refresh = useRefresh();
  const [threshold, setThreshold] = useState<number | null>(null);
  const run = data?.run;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={run ? 'info' : 'warning'}
      data-testid="cp-run"
      title={
        run
          ? `最近一次研判：${formatDateTime(run.computedAt)}，相似度阈值 ${run.threshold}，比对问题 ${run.findingCount} 个，` +
            `相似问题对 ${run.pairCount} 个，归并为 ${run.clusterCount} 类共性问题（用时 ${run.durationMs} 毫秒）`
          : '尚未研判共性问题：点击“重新研判”按相似度归并各单位的问题。'
      }
      action={
        can('common_problem.manage') && (
          <Space>
            <InputNumber
              size="small"
              min={0.05}
              max={0.95}
              step={0.05}
              placeholder={String(run?.threshold ?? 0.3)}
              value={threshold}
              onChange={setThreshold}
              style={{ width: 90 }}
              data-testid="cp-threshold"
            />
            <Button
              size="small"
              type="primary"
              loading={refresh.isPending}
              onClick={() => refresh.mutate({ committeeId: data?.committeeId, threshold: threshold ?? undefined })}
              data-testid="cp-refresh"
            >
              重新研判
            </Button>
          </Space>
        )
      }
    />
  );
}

export function CommonProblemsPage() {
  const can = useCan();
  const search = useSearchState();
  const analytics = useAnalyticsFilter();
  const filter: ClusterFilter = {
    ...analytics,
    aspect: search.get('aspect') as ClusterFilter['aspect'],
    area: search.get('area') as ClusterFilter['area'],
    q: search.get('q'),
  };
  const clusters = useClusters({ ...filter, page: search.page, pageSize: search.pageSize });
  const rows = clusters.data?.items ?? [];
  const option = useMemo(() => chartOption(rows.slice(0, 10)), [rows]);
  const [drill, setDrill] = useState<ClusterRow | null>(null);
  const [action, setAction] = useState<{ kind: 'notice' | 'proposal'; cluster: ClusterRow } | null>(null);
  const manage = can('common_problem.manage');

  return (
    <PageContainer
      title="共性问题"
      extra={<ExportButton path="/api/common-problems/clusters/export" query={filter} testId="cp-export" />}
    >
      <FilterBar filter={analytics} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部四个方面"
          style={{ width: 200 }}
          value={filter.aspect}
          options={optionsOf(aspect.labels)}
          onChange={(v) => search.setFilters({ aspect: v })}
          data-testid="cp-aspect"
        />
        <Select
          allowClear
          placeholder="全部领域"
          style={{ width: 160 }}
          value={filter.area}
          options={optionsOf(area.labels)}
          onChange={(v) => search.setFilters({ area: v })}
          data-testid="cp-area"
        />
        <Input.Search
          allowClear
          placeholder="关键词（如 公务用车）"
          style={{ width: 240 }}
          defaultValue={filter.q}
          onSearch={(v) => search.setFilters({ q: v.trim() || undefined })}
          data-testid="cp-search"
        />
      </Flex>
      <RunInfo data={clusters.data} />
      <ListError error={clusters.error} />
      {rows.length > 0 && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <EChart option={option} height={Math.max(240, Math.min(rows.length, 10) * 44 + 70)} testId="cp-chart" />
        </Card>
      )}
      <Table<ClusterRow>
        rowKey="id"
        size="small"
        loading={clusters.isFetching}
        dataSource={rows}
        pagination={serverPagination(search.page, search.pageSize, clusters.data?.total, search.setPage)}
        data-testid="cp-clusters"
        columns={[
          {
            title: '共性问题',
            dataIndex: 'label',
            width: 220,
            render: (label: string, r) => (
              <Space orientation="vertical" size={2}>
                <Typography.Link onClick={() => setDrill(r)} data-testid="cp-cluster-open">
                  {label}
                </Typography.Link>
                <span>
                  {r.terms.slice(3).map((t) => (
                    <Tag key={t}>{t}</Tag>
                  ))}
                </span>
              </Space>
            ),
          },
          { title: '涉及单位', dataIndex: 'unitCount', width: 80, align: 'right' },
          { title: '问题数', dataIndex: 'findingCount', width: 70, align: 'right' },
          {
            title: '单位',
            dataIndex: 'units',
            width: 260,
            render: (units: ClusterRow['units'], r) => (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                {units.map((u) => u.name).join('、') + (r.unitCount > units.length ? ' 等' : '')}
              </Typography.Paragraph>
            ),
          },
          {
            title: '典型问题',
            dataIndex: 'exampleTitles',
            render: (titles: string[]) => titles.map((t) => <div key={t}>· {t}</div>),
          },
          {
            title: '分类',
            width: 150,
            render: (_, r) => (
              <>
                {r.aspect && <div>{aspect.labels[r.aspect]}</div>}
                {r.discipline && <div>{discipline.labels[r.discipline]}</div>}
                {r.areas.map((a) => (
                  <Tag key={a}>{area.labels[a]}</Tag>
                ))}
              </>
            ),
          },
          ...(manage
            ? [
                {
                  title: '运用',
                  width: 120,
                  render: (_: unknown, r: ClusterRow) => (
                    <Space orientation="vertical" size={4}>
                      <Button
                        size="small"
                        onClick={() => setAction({ kind: 'notice', cluster: r })}
                        data-testid="cp-notice"
                      >
                        举一反三通知
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setAction({ kind: 'proposal', cluster: r })}
                        data-testid="cp-proposal"
                      >
                        专项巡察建议
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'notices',
              label: '举一反三通知',
              children: <NoticeList committeeId={clusters.data?.committeeId} />,
            },
            {
              key: 'proposals',
              label: '专项巡察建议',
              children: <ProposalList committeeId={clusters.data?.committeeId} />,
            },
          ]}
          data-testid="cp-actions"
        />
      </Card>
      <ClusterDrawer cluster={drill} filters={filter} onClose={() => setDrill(null)} />
      {action?.kind === 'notice' && <NoticeModal cluster={action.cluster} onClose={() => setAction(null)} />}
      {action?.kind === 'proposal' && <ProposalModal cluster={action.cluster} onClose={() => setAction(null)} />}
    </PageContainer>
  );
}
