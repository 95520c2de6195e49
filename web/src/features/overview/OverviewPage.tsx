// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function OverviewPage() {
  return <PageContainer title="巡察工作总览">{null}</PageContainer>;
}
