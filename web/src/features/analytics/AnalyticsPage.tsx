// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function AnalyticsPage() {
  return <PageContainer title="统计分析">{null}</PageContainer>;
}
