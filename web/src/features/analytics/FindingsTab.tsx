// 问题分析: findings by 四个方面, 六项纪律, 三大问题, 权力类型, 领域, 单位类别 and unit, with the 共性/个性, 八项规定,
// 立行立改 and 敏感 counts. Every card, bar and slice opens the findings behind it (AnalyticsDrill).
import {
  type AnalyticsFilter,
  area,
  aspect,
  type CategoryCount,
  discipline,
  type FindingDimension,
  findingStatusLabel,
  majorProblem,
  powerType,
  UNCLASSIFIED,
  unitKind,
} from '@xuncha/contracts';
import { Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ListError } from '../../shared/ListError.tsx';
import { AnalyticsChart, barOption, pieOption } from './AnalyticsChart.tsx';
import { AnalyticsDrill, type DrillSpec } from './AnalyticsDrill.tsx';
import { type FindingDrillRow, type FindingsSummary, useFindingsSummary } from './api.ts';

const COLUMNS: ColumnsType<FindingDrillRow> = [
  { title: '单位', dataIndex: 'unitName', width: 110 },
  {
    title: '问题',
    dataIndex: 'title',
    render: (title: string | null) =>
      title ?? <Typography.Text type="secondary">（敏感问题，无权查看）</Typography.Text>,
  },
  {
    title: '分类',
    key: 'class',
    width: 150,
    render: (_, r) => (
      <>
        <Tag>{aspect.labels[r.aspect as keyof typeof aspect.labels] ?? r.aspect}</Tag>
        {r.discipline && <Tag>{discipline.labels[r.discipline as keyof typeof discipline.labels]}</Tag>}
        {r.isCommon && <Tag color="orange">共性</Tag>}
        {r.eightRules && <Tag color="red">八项规定</Tag>}
        {r.sensitivity === 'sensitive' && <Tag color="purple">敏感</Tag>}
      </>
    ),
  },
  { title: '轮次', dataIndex: 'roundName', width: 120 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 76,
    render: (s: string, r) => (r.immediate ? '立行立改' : findingStatusLabel[s as keyof typeof findingStatusLabel]),
  },
];

type Classification = {
  dimension: FindingDimension;
  title: string;
  labels: Record<string, string>;
  rows: (s: FindingsSummary) => CategoryCount[];
  pie?: boolean;
};

const CHARTS: Classification[] = [
  { dimension: 'aspect', title: '四个方面', labels: aspect.labels, rows: (s) => s.aspect, pie: true },
  { dimension: 'discipline', title: '六项纪律', labels: discipline.labels, rows: (s) => s.discipline },
  { dimension: 'majorProblem', title: '三大问题', labels: majorProblem.labels, rows: (s) => s.majorProblem },
  { dimension: 'powerType', title: '权力类型', labels: powerType.labels, rows: (s) => s.powerType },
  { dimension: 'area', title: '领域', labels: area.labels, rows: (s) => s.area },
  { dimension: 'unitKind', title: '单位类别', labels: unitKind.labels, rows: (s) => s.unitKind },
];

const labelOf = (labels: Record<string, string>, code: string | null) =>
  code === null ? '未分类' : (labels[code] ?? code);

type Open = (title: string, dimension: FindingDimension, value?: string) => void;

function StatCards({ s, open }: { s: FindingsSummary; open: Open }) {
  const cards: { title: string; value: number; dimension: FindingDimension; testId: string }[] = [
    { title: '问题总数', value: s.total, dimension: 'all', testId: 'findings-stat-total' },
    { title: '共性问题', value: s.common, dimension: 'common', testId: 'findings-stat-common' },
    { title: '个性问题', value: s.individual, dimension: 'individual', testId: 'findings-stat-individual' },
    { title: '违反中央八项规定精神', value: s.eightRules, dimension: 'eightRules', testId: 'findings-stat-eight' },
    { title: '立行立改', value: s.immediate, dimension: 'immediate', testId: 'findings-stat-immediate' },
    { title: '敏感问题', value: s.sensitive, dimension: 'sensitive', testId: 'findings-stat-sensitive' },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.dimension} xs={12} md={8} xl={4}>
          <Card size="small" hoverable onClick={() => open(c.title, c.dimension)} data-testid={c.testId}>
            <Statistic title={c.title} value={c.value} suffix="个" />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ClassificationChart({ c, s, open }: { c: Classification; s: FindingsSummary; open: Open }) {
  const rows = c.rows(s);
  const labels = rows.map((r) => labelOf(c.labels, r.code));
  const values = rows.map((r) => r.count);
  const option = c.pie ? pieOption(c.title, labels, values) : barOption(c.title, labels, values);
  return (
    <Card size="small" title={`按${c.title}（点击查看问题）`}>
      <AnalyticsChart
        option={option}
        height={c.pie ? 280 : Math.max(200, rows.length * 30)}
        testId={`findings-chart-${c.dimension}`}
        onClick={(i) => {
          const row = rows[i];
          if (row) open(`${c.title} · ${labelOf(c.labels, row.code)}`, c.dimension, row.code ?? UNCLASSIFIED);
        }}
      />
    </Card>
  );
}

export function FindingsTab({ filter }: { filter: AnalyticsFilter }) {
  const summary = useFindingsSummary(filter);
  const [drill, setDrill] = useState<DrillSpec<FindingDrillRow> | null>(null);
  const open: Open = (title, dimension, value) =>
    setDrill({
      title,
      path: '/api/analytics/findings',
      params: { ...filter, dimension, value },
      columns: COLUMNS,
      rowKey: 'id',
    });
  const s = summary.data;
  return (
    <div data-testid="findings-tab">
      <ListError error={summary.error} />
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            统计已反馈和立行立改的问题；未反馈的问题尚在巡察组起草中，不计入。一个问题涉及多个领域的，在每个领域各计一次。
          </Typography.Paragraph>
          <StatCards s={s} open={open} />
          <Row gutter={[16, 16]}>
            {CHARTS.map((c) => (
              <Col key={c.dimension} xs={24} lg={12}>
                <ClassificationChart c={c} s={s} open={open} />
              </Col>
            ))}
            <Col span={24}>
              <Card size="small" title="问题最多的单位（前 10 个，点击查看问题）">
                {s.topUnits.length === 0 ? (
                  <Empty description="没有问题" />
                ) : (
                  <AnalyticsChart
                    option={barOption(
                      '问题数',
                      s.topUnits.map((u) => u.unitName),
                      s.topUnits.map((u) => u.count),
                      '#fa8c16',
                    )}
                    height={Math.max(200, s.topUnits.length * 30)}
                    testId="findings-chart-unit"
                    onClick={(i) => {
                      const u = s.topUnits[i];
                      if (u) open(`单位 · ${u.unitName}`, 'unit', u.unitId);
                    }}
                  />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <AnalyticsDrill drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
