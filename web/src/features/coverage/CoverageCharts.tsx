import { type CoverageStatus, coverageStatusLabel, unitKind } from '@xuncha/contracts';
import { useMemo } from 'react';
import type { CoverageSummary } from './api.ts';
import { type ChartOption, EChart } from './EChart.tsx';

type Block = CoverageSummary['units'];

/** 已覆盖 green, 已安排 blue, 未覆盖 grey: the same colours in every chart and tag. */
export const STATUS_COLOR: Record<CoverageStatus, string> = {
  covered: '#52c41a',
  scheduled: '#1677ff',
  never: '#bfbfbf',
};

const STATUSES: CoverageStatus[] = ['covered', 'scheduled', 'never'];

function byKindOption(block: Block): ChartOption {
  const kinds = block.byKind.map((k) => unitKind.labels[k.kind]);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: kinds, inverse: true },
    series: STATUSES.map((status) => ({
      name: coverageStatusLabel[status],
      type: 'bar',
      stack: 'coverage',
      color: STATUS_COLOR[status],
      barMaxWidth: 28,
      data: block.byKind.map((k) => k[status]),
    })),
  };
}

function byYearOption(units: Block, villages: Block): ChartOption {
  const years = [...new Set([...units.byYear, ...villages.byYear].map((y) => y.year))].sort();
  const countOf = (block: Block, year: number, key: 'covered' | 'scheduled') =>
    block.byYear.find((y) => y.year === year)?.[key] ?? 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '单位 已覆盖',
        type: 'bar',
        stack: 'unit',
        color: STATUS_COLOR.covered,
        data: years.map((y) => countOf(units, y, 'covered')),
      },
      {
        name: '单位 已安排',
        type: 'bar',
        stack: 'unit',
        color: STATUS_COLOR.scheduled,
        data: years.map((y) => countOf(units, y, 'scheduled')),
      },
      {
        name: '村(居) 已覆盖',
        type: 'bar',
        stack: 'village',
        color: '#95de64',
        data: years.map((y) => countOf(villages, y, 'covered')),
      },
      {
        name: '村(居) 已安排',
        type: 'bar',
        stack: 'village',
        color: '#91caff',
        data: years.map((y) => countOf(villages, y, 'scheduled')),
      },
    ],
  };
}

function villageOption(villages: Block): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { position: 'inside', formatter: '{d}%', color: '#fff' },
        data: STATUSES.map((status) => ({
          name: coverageStatusLabel[status],
          value: villages[status],
          itemStyle: { color: STATUS_COLOR[status] },
        })),
      },
    ],
  };
}

export function KindChart({ block }: { block: Block }) {
  const option = useMemo(() => byKindOption(block), [block]);
  return <EChart option={option} height={Math.max(200, 48 * block.byKind.length + 60)} testId="coverage-chart" />;
}

export function YearChart({ units, villages }: { units: Block; villages: Block }) {
  const option = useMemo(() => byYearOption(units, villages), [units, villages]);
  return <EChart option={option} testId="coverage-year-chart" />;
}

export function VillageChart({ villages }: { villages: Block }) {
  const option = useMemo(() => villageOption(villages), [villages]);
  return <EChart option={option} height={240} testId="coverage-village-chart" />;
}
