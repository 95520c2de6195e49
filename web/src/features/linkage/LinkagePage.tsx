// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function LinkagePage() {
  return <PageContainer title="上下联动">{null}</PageContainer>;
}
