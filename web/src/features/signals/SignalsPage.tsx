// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function SignalsPage() {
  return <PageContainer title="整改不实预警">{null}</PageContainer>;
}
