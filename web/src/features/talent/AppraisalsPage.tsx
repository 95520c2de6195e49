import { type Appraisal, type AppraisalGrade, appraisalGradeLabel } from '@xuncha/contracts';
import { Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { appraisalColumns } from './AppraisalModal.tsx';
import { useAppraisalPage } from './api.ts';

const columns: TableColumnsType<Appraisal> = [
  {
    title: '姓名',
    dataIndex: 'cadreName',
    width: 100,
    render: (name: string, a) => <Link to={`/talent/${a.cadreId}`}>{name}</Link>,
  },
  { title: '所在单位', dataIndex: 'homeUnitName', width: 180, ellipsis: true },
  ...appraisalColumns,
];

/** 综合鉴定 of every cadre after each inspection: 组织部 reads them into the 考核档案. */
export function AppraisalsPage() {
  const search = useSearchState();
  const filters = { q: search.get('q'), grade: search.get('grade') };
  const page = useAppraisalPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="综合鉴定"
      extra={<ExportButton path="/api/appraisals/export" query={filters} testId="appraisal-export" />}
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="姓名、单位"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q: q.trim() })}
          data-testid="appraisal-filter-q"
        />
        <Select<AppraisalGrade>
          allowClear
          placeholder="全部等次"
          style={{ width: 140 }}
          options={optionsOf(appraisalGradeLabel)}
          value={filters.grade as AppraisalGrade | undefined}
          onChange={(grade) => search.setFilters({ grade })}
          data-testid="appraisal-filter-grade"
        />
      </Flex>
      <ListError error={page.error} />
      <Table<Appraisal>
        rowKey="id"
        columns={columns}
        dataSource={page.data?.items}
        loading={page.isFetching}
        pagination={serverPagination(search.page, search.pageSize, page.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
