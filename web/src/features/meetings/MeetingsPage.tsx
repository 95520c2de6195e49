import { PlusOutlined } from '@ant-design/icons';
import { meetingKind } from '@xuncha/contracts';
import { Button, DatePicker, Flex, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type Meeting, useMeetingPage } from './api.ts';
import { InspectionPicker } from './InspectionPicker.tsx';
import { MeetingCreateModal } from './MeetingCreateModal.tsx';
import { MeetingDrawer } from './MeetingDrawer.tsx';

/** 会议记录: 领导小组会议 and 书记专题会 that heard reports, with their decisions. */
export function MeetingsPage() {
  const can = useCan();
  const search = useSearchState();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = {
    kind: search.get('kind'),
    from: search.get('from'),
    to: search.get('to'),
    inspectionId: search.get('inspectionId'),
  };
  const meetings = useMeetingPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const range = filters.from && filters.to ? ([dayjs(filters.from), dayjs(filters.to)] as const) : null;
  return (
    <PageContainer
      title="会议记录"
      extra={
        <Flex gap={8}>
          <ExportButton path="/api/meetings/export" query={filters} testId="meeting-export" />
          {can('meeting.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="meeting-create"
            >
              登记会议
            </Button>
          )}
        </Flex>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部会议类型"
          style={{ width: 200 }}
          options={optionsOf(meetingKind.labels)}
          value={filters.kind}
          onChange={(kind) => search.setFilters({ kind })}
        />
        <InspectionPicker
          value={filters.inspectionId}
          onChange={(inspectionId) => search.setFilters({ inspectionId })}
        />
        <DatePicker.RangePicker
          value={range ? [range[0], range[1]] : null}
          onChange={(dates) =>
            search.setFilters({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Flex>
      <ListError error={meetings.error} />
      <Table<Meeting>
        rowKey="id"
        size="middle"
        loading={meetings.isFetching}
        dataSource={meetings.data?.items}
        pagination={serverPagination(search.page, search.pageSize, meetings.data?.total, search.setPage)}
        onRow={(m) => ({ onClick: () => setOpenId(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '会议日期', dataIndex: 'heldOn', render: formatDate, width: 120 },
          { title: '会议类型', dataIndex: 'kind', render: (k: Meeting['kind']) => meetingKind.labels[k] },
          { title: '会议名称', dataIndex: 'title', render: (t: string) => <Typography.Link>{t}</Typography.Link> },
          { title: '主持人', dataIndex: 'host' },
          { title: '出席人数', key: 'attendees', render: (_, m) => m.attendees.length },
          { title: '决定事项', dataIndex: 'decisionCount' },
        ]}
        data-testid="meeting-table"
      />
      {creating && (
        <MeetingCreateModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      )}
      <MeetingDrawer id={openId} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
