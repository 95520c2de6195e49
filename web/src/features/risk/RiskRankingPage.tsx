// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function RiskRankingPage() {
  return <PageContainer title="风险排序">{null}</PageContainer>;
}
