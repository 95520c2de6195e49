// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function ExchangePage() {
  return <PageContainer title="数据报送">{null}</PageContainer>;
}
