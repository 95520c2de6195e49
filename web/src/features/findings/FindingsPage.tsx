import { ExportButton } from '../../shared/ExportButton.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useFindingPage } from './api.ts';
import { FINDING_FILTER_KEYS, FindingFilters } from './FindingFilters.tsx';
import { FindingTable } from './FindingTable.tsx';

export function FindingsPage() {
  const search = useSearchState();
  const filters = Object.fromEntries(FINDING_FILTER_KEYS.map((key) => [key, search.get(key)]));
  const findings = useFindingPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="问题清单"
      extra={<ExportButton path="/api/findings/export" query={filters} testId="finding-export" />}
    >
      <FindingFilters values={filters} onChange={search.setFilters} />
      <FindingTable
        findings={findings.data?.items}
        loading={findings.isFetching}
        error={findings.error}
        pagination={serverPagination(search.page, search.pageSize, findings.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
