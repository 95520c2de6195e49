// The three small charts of the 巡察工作总览: coverage as a ring, findings by 四个方面, rectification by unit kind.
// Animation is off so that what is printed is the finished chart.
import { aspect, type CoverageStatus, coverageStatusLabel, unitKind } from '@xuncha/contracts';
import { useMemo } from 'react';
import { STATUS_COLOR } from '../coverage/CoverageCharts.tsx';
import { type ChartOption, EChart } from '../coverage/EChart.tsx';
import type { Overview } from './api.ts';

const HEIGHT = 200;
const STATUSES: CoverageStatus[] = ['covered', 'scheduled', 'never'];

type Counts = NonNullable<Overview['coverage']>['units'];

/** Two rings side by side: 单位 and 村(居), each with its covered share in the middle. */
function coverageOption(coverage: NonNullable<Overview['coverage']>): ChartOption {
  const blocks: [string, Counts, string][] = [
    ['单位', coverage.units, '25%'],
    ['村(居)', coverage.villages, '75%'],
  ];
  return {
    animation: false,
    title: blocks.map(([name, block, left]) => ({
      text: `${block.coveredPct}%`,
      subtext: `${name} ${block.covered}/${block.total}`,
      left,
      top: '30%',
      textAlign: 'center',
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    })),
    tooltip: { trigger: 'item', formatter: '{a}<br/>{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: blocks.map(([name, block, left]) => ({
      name,
      type: 'pie',
      radius: ['52%', '72%'],
      center: [left, '42%'],
      label: { show: false },
      data: STATUSES.map((s) => ({
        name: coverageStatusLabel[s],
        value: block[s],
        itemStyle: { color: STATUS_COLOR[s] },
      })),
    })),
  };
}

function aspectOption(findings: Overview['findings']): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    // the bars carry their numbers: no value axis labels to crowd the small chart
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: findings.byAspect.map((a) => aspect.labels[a.aspect]) },
    series: [
      {
        name: '问题数',
        type: 'bar',
        barMaxWidth: 18,
        color: '#c0392b',
        label: { show: true, position: 'right' },
        data: findings.byAspect.map((a) => a.count),
      },
    ],
  };
}

function kindOption(rows: Overview['rectification']['byKind']): ChartOption {
  const series = [
    { name: '已销号', color: '#52c41a', value: (r: (typeof rows)[number]) => r.closed },
    { name: '在改未逾期', color: '#1677ff', value: (r: (typeof rows)[number]) => r.tasks - r.closed - r.overdue },
    { name: '逾期', color: '#ff4d4f', value: (r: (typeof rows)[number]) => r.overdue },
  ];
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '项' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => unitKind.labels[r.kind]) },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'tasks',
      color: s.color,
      barMaxWidth: 18,
      data: rows.map(s.value),
    })),
  };
}

export function CoverageRing({ coverage }: { coverage: NonNullable<Overview['coverage']> }) {
  const option = useMemo(() => coverageOption(coverage), [coverage]);
  return <EChart option={option} height={HEIGHT} testId="overview-chart-coverage" />;
}

export function AspectChart({ findings }: { findings: Overview['findings'] }) {
  const option = useMemo(() => aspectOption(findings), [findings]);
  return <EChart option={option} height={HEIGHT} testId="overview-chart-aspect" />;
}

export function KindChart({ rows }: { rows: Overview['rectification']['byKind'] }) {
  const option = useMemo(() => kindOption(rows), [rows]);
  return <EChart option={option} height={Math.max(140, 40 + rows.length * 30)} testId="overview-chart-kind" />;
}
