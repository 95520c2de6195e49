import { type EnquiryStatus, enquiryStatusLabel } from '@xuncha/contracts';
import { Checkbox, Flex, Select } from 'antd';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useEnquiryInbox } from './api.ts';
import { EnquiryTable } from './EnquiryTable.tsx';

/** 函询答复: the enquiries addressed to the user's unit, open ones first by due date. */
export function EnquiryInboxPage() {
  const search = useSearchState();
  const filters = { status: search.get('status'), overdue: search.get('overdue') };
  const inbox = useEnquiryInbox({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="函询答复"
      extra={<ExportButton path="/api/enquiries/export" query={filters} testId="enquiry-export" />}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select<EnquiryStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={optionsOf(enquiryStatusLabel)}
          value={search.get('status') as EnquiryStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="enquiry-filter-status"
        />
        <Checkbox
          checked={search.get('overdue') === 'true'}
          onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="enquiry-filter-overdue"
        >
          只看逾期
        </Checkbox>
      </Flex>
      <EnquiryTable
        showTarget
        enquiries={inbox.data?.items}
        loading={inbox.isFetching}
        error={inbox.error}
        pagination={serverPagination(search.page, search.pageSize, inbox.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
