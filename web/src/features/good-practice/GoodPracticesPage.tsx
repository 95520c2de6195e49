import { area } from '@xuncha/contracts';
import { Flex, Input, Select } from 'antd';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useGoodPracticePage } from './api.ts';
import { GoodPracticeTable } from './GoodPracticeTable.tsx';

/** 经验做法 of every inspection of the committee, for the office to pick what to spread. */
export function GoodPracticesPage() {
  const search = useSearchState();
  const filters = { area: search.get('area'), promote: search.get('promote'), q: search.get('q') };
  const practices = useGoodPracticePage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="经验做法"
      extra={<ExportButton path="/api/good-practices/export" query={filters} testId="practice-export" />}
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索标题或内容"
          style={{ width: 240 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q })}
        />
        <Select<string>
          allowClear
          placeholder="领域"
          style={{ width: 180 }}
          options={optionsOf(area.labels)}
          value={filters.area}
          onChange={(value) => search.setFilters({ area: value })}
        />
        <Select<string>
          allowClear
          placeholder="是否值得推广"
          style={{ width: 150 }}
          options={[
            { value: 'true', label: '值得推广' },
            { value: 'false', label: '未标记推广' },
          ]}
          value={filters.promote}
          onChange={(value) => search.setFilters({ promote: value })}
        />
      </Flex>
      <GoodPracticeTable
        practices={practices.data?.items}
        loading={practices.isFetching}
        error={practices.error}
        pagination={serverPagination(search.page, search.pageSize, practices.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
