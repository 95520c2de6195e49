import { type UnitKind, unitKind, villageClass } from '@xuncha/contracts';
import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { type CoverageSummary, useCoverage, useForecast } from './api.ts';
import { KindChart, VillageChart, YearChart } from './CoverageCharts.tsx';
import { ForecastAlert } from './ForecastAlert.tsx';

type Counts = CoverageSummary['units'];
type CountRow = Pick<Counts, 'total' | 'covered' | 'scheduled' | 'never' | 'coveredPct'> & {
  key: string;
  label: string;
};

const countColumns = [
  { title: '类别', dataIndex: 'label' },
  { title: '应覆盖', dataIndex: 'total', align: 'right' as const },
  { title: '已覆盖', dataIndex: 'covered', align: 'right' as const },
  { title: '已安排', dataIndex: 'scheduled', align: 'right' as const },
  { title: '未覆盖', dataIndex: 'never', align: 'right' as const },
  { title: '覆盖率', dataIndex: 'coveredPct', align: 'right' as const, render: (v: number) => `${v}%` },
];

function CountTable({ rows, testId }: { rows: CountRow[]; testId: string }) {
  return (
    <Table<CountRow> size="small" pagination={false} columns={countColumns} dataSource={rows} data-testid={testId} />
  );
}

const totalRow = (block: Counts): CountRow => ({ ...block, key: 'total', label: '合计' });

function Summary({ summary }: { summary: CoverageSummary }) {
  const { units, villages } = summary;
  return (
    <Row gutter={16} data-testid="coverage-summary">
      <Col xs={12} md={6}>
        <Statistic title="单位覆盖率" value={units.coveredPct} suffix="%" />
        <Typography.Text type="secondary">
          已覆盖 {units.covered} / 应覆盖 {units.total}
        </Typography.Text>
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="已安排待进驻" value={units.scheduled + villages.scheduled} suffix="个" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="未覆盖单位" value={units.never} suffix="个" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="村(居)覆盖率" value={villages.coveredPct} suffix="%" />
        <Typography.Text type="secondary">
          已覆盖 {villages.covered} / 应覆盖 {villages.total}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function UnitsBlock({ summary }: { summary: CoverageSummary }) {
  const rows: CountRow[] = summary.units.byKind.map((k) => ({
    ...k,
    key: k.kind,
    label: unitKind.labels[k.kind as UnitKind],
  }));
  if (summary.units.total === 0) return <Empty description="规划中没有单位" />;
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <KindChart block={summary.units} />
      </Col>
      <Col xs={24} lg={10}>
        <CountTable rows={[...rows, totalRow(summary.units)]} testId="coverage-kind-table" />
      </Col>
    </Row>
  );
}

function VillagesBlock({ summary }: { summary: CoverageSummary }) {
  const { villages } = summary;
  if (villages.total === 0) return <Empty description="规划中没有村(居)" />;
  const rows: CountRow[] = villages.byClass.map((c) => ({
    ...c,
    key: c.villageClass ?? 'none',
    label: c.villageClass ? villageClass.labels[c.villageClass] : '未分类',
  }));
  return (
    <Row gutter={[24, 8]} data-testid="coverage-villages">
      <Col span={24}>
        <VillageChart villages={villages} />
      </Col>
      <Col span={24}>
        <CountTable rows={[...rows, totalRow(villages)]} testId="coverage-village-table" />
      </Col>
    </Row>
  );
}

/** 覆盖情况: the forecast warning, totals, the chart per unit kind, per year, and 村(居) as their own block. */
export function CoverageView({ planId, onShowAtRisk }: { planId: string; onShowAtRisk: (villages: boolean) => void }) {
  const coverage = useCoverage(planId);
  const forecast = useForecast(planId);
  return (
    <QueryBoundary query={coverage}>
      {(summary) => (
        <Row gutter={[16, 16]}>
          <Col span={24}>{forecast.data && <ForecastAlert forecast={forecast.data} onShowAtRisk={onShowAtRisk} />}</Col>
          <Col span={24}>
            <Summary summary={summary} />
          </Col>
          <Col span={24}>
            <Card size="small" title="各类单位覆盖情况（不含村(居)）">
              <UnitsBlock summary={summary} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="分年度覆盖（按首次进驻年份）">
              <YearChart units={summary.units} villages={summary.villages} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="村(居)覆盖情况（单独统计）">
              <VillagesBlock summary={summary} />
            </Card>
          </Col>
        </Row>
      )}
    </QueryBoundary>
  );
}
