// The progress page's bar chart: the analytics chart host, whose every bar drills down to the rows behind it.
import { AnalyticsChart, type AnalyticsOption } from '../analytics/AnalyticsChart.tsx';

export type BarOption = AnalyticsOption;

type Props = { option: BarOption; onBarClick: (dataIndex: number) => void; height?: number; testId?: string };

export function ProgressChart({ option, onBarClick, height = 280, testId }: Props) {
  return <AnalyticsChart option={option} onClick={onBarClick} height={height} testId={testId} />;
}
