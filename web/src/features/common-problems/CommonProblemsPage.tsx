// issue 9 — filled in by its part.
import { PageContainer } from '../../shared/PageContainer.tsx';

export function CommonProblemsPage() {
  return <PageContainer title="共性问题">{null}</PageContainer>;
}
