import { type PlanListItem, type PlanStatus, planStatusLabel } from '@xuncha/contracts';
import { Checkbox, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { usePlanPage } from './api.ts';
import { PlanDue, planStatusColor } from './PlanPanel.tsx';

/** 整改方案审核: every unit's plan in scope, with its deadline, status and returns; click to review. */
export function PlansPage() {
  const search = useSearchState();
  const filters = {
    status: search.get('status'),
    overdue: search.get('overdue'),
    unitId: search.get('unitId'),
    q: search.get('q'),
  };
  const list = usePlanPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="整改方案审核"
      extra={<ExportButton path="/api/rectification-plans/export" query={filters} testId="plans-export" />}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="单位名称"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q })}
          data-testid="plans-filter-q"
        />
        <Select<PlanStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={optionsOf(planStatusLabel)}
          value={filters.status as PlanStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="plans-filter-status"
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="plans-filter-overdue"
        >
          只看逾期未报送
        </Checkbox>
      </Flex>
      <ListError error={list.error} />
      <Table<PlanListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
        data-testid="plans-table"
        columns={[
          {
            title: '被巡察单位',
            dataIndex: 'unitName',
            render: (name: string, p) => <Link to={`/inspections/${p.inspectionId}?tab=plan`}>{name}</Link>,
          },
          { title: '巡察轮次', dataIndex: 'roundName' },
          { title: '反馈日期', dataIndex: 'feedbackDate', render: formatDate },
          { title: '报送时限', key: 'due', render: (_, p) => <PlanDue plan={p} /> },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: PlanStatus) => <Tag color={planStatusColor[s]}>{planStatusLabel[s]}</Tag>,
          },
          { title: '版本', dataIndex: 'currentVersion', render: (v: number) => (v ? `第 ${v} 版` : '—') },
          { title: '退回次数', dataIndex: 'returnedCount' },
          { title: '更新时间', dataIndex: 'updatedAt', render: formatDateTime },
        ]}
      />
    </PageContainer>
  );
}
