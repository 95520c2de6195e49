// The page's units as stacked bars: each bar is the score, each segment one factor's weighted contribution.
import { RISK_FACTORS, type RiskRankingRow, riskFactorLabel } from '@xuncha/contracts';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../coverage/EChart.tsx';

const COLORS = ['#5470c6', '#ee6666', '#fac858', '#91cc75', '#9a60b4', '#73c0de'];

export function RiskChart({ rows }: { rows: RiskRankingRow[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      title: { text: '风险分构成（本页单位）', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: RISK_FACTORS.map((f) => riskFactorLabel[f]) },
      grid: { left: 8, right: 24, top: 36, bottom: 56, containLabel: true },
      xAxis: { type: 'value', name: '风险分', nameLocation: 'middle', nameGap: 24, max: 100 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => `${r.rank}. ${r.unitName}`),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: RISK_FACTORS.map((f, i) => ({
        name: riskFactorLabel[f],
        type: 'bar',
        stack: 'score',
        color: COLORS[i],
        barMaxWidth: 18,
        data: rows.map((r) => r.factors[f].contribution),
      })),
    }),
    [rows],
  );
  return <EChart option={option} height={Math.max(260, rows.length * 28 + 90)} testId="risk-chart" />;
}
