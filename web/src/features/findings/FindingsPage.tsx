import { aspect } from '@xuncha/contracts';
import { Flex, Select } from 'antd';
import type { Finding } from '../../app/types.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useFindingPage } from './api.ts';
import { FindingTable } from './FindingTable.tsx';

export function FindingsPage() {
  const search = useSearchState();
  const filters = { aspect: search.get('aspect') };
  const findings = useFindingPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="问题清单"
      extra={<ExportButton path="/api/findings/export" query={filters} testId="finding-export" />}
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select<Finding['aspect']>
          allowClear
          placeholder="全部方面（四个方面）"
          style={{ width: 220 }}
          options={optionsOf(aspect.labels)}
          value={search.get('aspect') as Finding['aspect'] | undefined}
          onChange={(value) => search.setFilters({ aspect: value })}
        />
      </Flex>
      <FindingTable
        findings={findings.data?.items}
        loading={findings.isFetching}
        error={findings.error}
        pagination={serverPagination(search.page, search.pageSize, findings.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
