// 风险排序 (巡察办, 领导小组): the committee's units ranked for the next round, each score broken down into its
// six factors (stacked bars, and in words in the expanded row), filterable, exportable; the weights drawer
// previews other weights and lets the 巡察办主任 save them. Filters live in the URL.
import { ControlOutlined } from '@ant-design/icons';
import {
  RISK_FACTORS,
  RISK_PREVIEW_PARAMS,
  type RiskRankingRow,
  type RiskWeightValues,
  riskFactorLabel,
  unitKind,
} from '@xuncha/contracts';
import { Alert, Button, Card, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useTermPlans } from '../coverage/api.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { useRiskRanking, useRiskWeights } from './api.ts';
import { RiskChart } from './RiskChart.tsx';
import { RiskExplain } from './RiskExplain.tsx';
import { RiskWeightsDrawer } from './RiskWeightsDrawer.tsx';

const SORTS = [
  { value: '-score', label: '风险分从高到低' },
  { value: 'score', label: '风险分从低到高' },
  { value: 'unitName', label: '单位名称' },
  ...RISK_FACTORS.map((f) => ({ value: `-${f}`, label: `${riskFactorLabel[f]}加分从高到低` })),
];

/** The preview weights as the ranking's w* query parameters. */
export function previewParams(weights: RiskWeightValues | null): Record<string, number> {
  if (!weights) return {};
  return Object.fromEntries(RISK_FACTORS.map((f) => [RISK_PREVIEW_PARAMS[f], weights[f]]));
}

const scoreColor = (score: number) => (score >= 60 ? 'red' : score >= 40 ? 'orange' : score >= 20 ? 'gold' : 'default');

export function RiskRankingPage() {
  const search = useSearchState();
  const filters = {
    unitKind: search.get('unitKind'),
    areaUnitId: search.get('areaUnitId'),
    termPlanId: search.get('termPlanId'),
    uncoveredInTerm: search.get('uncoveredInTerm'),
    sort: search.get('sort'),
  };
  const [preview, setPreview] = useState<RiskWeightValues | null>(null);
  const [drawer, setDrawer] = useState(false);
  const ranking = useRiskRanking({
    ...filters,
    ...previewParams(preview),
    page: search.page,
    pageSize: search.pageSize,
  });
  const weights = useRiskWeights();
  const plans = useTermPlans();
  const rows = ranking.data?.items ?? [];
  const data = ranking.data;

  const columns = [
    { title: '排名', dataIndex: 'rank', width: 64 },
    { title: '单位', dataIndex: 'unitName' },
    {
      title: '类别',
      dataIndex: 'unitKind',
      width: 96,
      render: (k: RiskRankingRow['unitKind']) => unitKind.labels[k],
    },
    {
      title: '风险分',
      dataIndex: 'score',
      width: 88,
      render: (s: number) => <Tag color={scoreColor(s)}>{s.toFixed(1)}</Tag>,
    },
    ...RISK_FACTORS.map((f) => ({
      title: riskFactorLabel[f],
      key: f,
      width: 96,
      render: (_: unknown, r: RiskRankingRow) => `+${r.factors[f].contribution.toFixed(1)}`,
    })),
    {
      title: '最近巡察',
      key: 'last',
      width: 110,
      render: (_: unknown, r: RiskRankingRow) =>
        r.inputs.lastInspectedOn ? formatDate(r.inputs.lastInspectedOn) : '从未巡察',
    },
  ];

  return (
    <PageContainer
      title="风险排序"
      extra={
        <Space>
          <Button icon={<ControlOutlined />} onClick={() => setDrawer(true)} data-testid="risk-weights-open">
            权重设置
          </Button>
          <ExportButton
            path="/api/risk-ranking/export"
            query={{ ...filters, ...previewParams(preview) }}
            testId="risk-export"
          />
        </Space>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部单位类别"
          style={{ width: 160 }}
          value={filters.unitKind}
          options={optionsOf(unitKind.labels)}
          onChange={(v) => search.setFilters({ unitKind: v })}
          data-testid="risk-unit-kind"
        />
        <div style={{ width: 240 }}>
          <UnitSelect
            value={filters.areaUnitId}
            onChange={(v) => search.setFilters({ areaUnitId: v })}
            placeholder="区域（单位及其下级）"
            testId="risk-area"
          />
        </div>
        <Select
          allowClear
          placeholder="当前届内规划"
          style={{ width: 220 }}
          value={filters.termPlanId}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => search.setFilters({ termPlanId: v })}
          data-testid="risk-term"
        />
        <Space>
          <Switch
            checked={filters.uncoveredInTerm === 'true'}
            onChange={(on) => search.setFilters({ uncoveredInTerm: on ? 'true' : undefined })}
            data-testid="risk-uncovered"
          />
          <Typography.Text>只看届内尚未巡察</Typography.Text>
        </Space>
        <Select
          style={{ width: 220 }}
          value={filters.sort ?? '-score'}
          options={SORTS}
          onChange={(v) => search.setFilters({ sort: v })}
          data-testid="risk-sort"
        />
      </Flex>
      {data?.preview && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="risk-preview-banner"
          title={`预览中：${RISK_FACTORS.map((f) => `${riskFactorLabel[f]} ${data.weights[f]}`).join('，')}（未保存）`}
          action={
            <Button size="small" onClick={() => setPreview(null)}>
              恢复已保存权重
            </Button>
          }
        />
      )}
      {data && !data.clueCountsVisible && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您无权查看线索数量，“线索历史”一项不计分。" />
      )}
      <ListError error={ranking.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <RiskChart rows={rows} />
      </Card>
      <Table<RiskRankingRow>
        rowKey="unitId"
        size="middle"
        loading={ranking.isFetching}
        dataSource={rows}
        columns={columns}
        data-testid="risk-table"
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (r) => <RiskExplain row={r} /> }}
        pagination={serverPagination(search.page, search.pageSize, data?.total, search.setPage)}
        footer={() =>
          data && (
            <Typography.Text type="secondary">
              {data.term ? `届内规划：${data.term.name}。` : ''}
              权重
              {data.preview ? '（预览）' : data.weightsVersion === 0 ? '（默认）' : `（第 ${data.weightsVersion} 版）`}
              ：{RISK_FACTORS.map((f) => `${riskFactorLabel[f]} ${data.weights[f]}`).join('，')}
              。点击行首“+”查看评分说明。
            </Typography.Text>
          )
        }
      />
      {drawer && weights.data && (
        <RiskWeightsDrawer
          view={weights.data}
          preview={preview}
          onPreview={setPreview}
          onClose={() => setDrawer(false)}
        />
      )}
    </PageContainer>
  );
}
