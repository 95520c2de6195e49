// An ECharts host for the analytics tabs: bar and pie charts whose bars and slices open the rows behind them.
// Registers only what it uses (echarts/core), like coverage/EChart.tsx.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type AnalyticsOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type Props = { option: AnalyticsOption; onClick: (dataIndex: number) => void; height?: number; testId?: string };

export function AnalyticsChart({ option, onClick, height = 260, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // the latest handler without re-binding the chart on every render
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current);
    chart.current = instance;
    instance.on('click', (event) => click.current(event.dataIndex));
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    // a tab's chart is laid out while hidden; size it again once it is shown
    const observer = new ResizeObserver(resize);
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={host} style={{ width: '100%', height, cursor: 'pointer' }} data-testid={testId} />;
}

/** Horizontal bars, one per category, labelled in Chinese, with the value at the end of each bar. */
export function barOption(
  name: string,
  labels: string[],
  values: number[],
  color = '#1677ff',
  format: (value: number) => string = String,
): AnalyticsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => format(Number(v)) },
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0 } },
    series: [
      {
        name,
        type: 'bar',
        color,
        barMaxWidth: 22,
        data: values,
        label: { show: true, position: 'right', formatter: (p) => format(Number(p.value)) },
      },
    ],
  };
}

export function pieOption(name: string, labels: string[], values: number[]): AnalyticsOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}', width: 96, overflow: 'break' },
        data: labels.map((label, i) => ({ name: label, value: values[i] ?? 0 })),
      },
    ],
  };
}
