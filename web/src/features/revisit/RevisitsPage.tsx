import { type RevisitKind, type RevisitStatus, revisitKind, revisitStatusLabel } from '@xuncha/contracts';
import { Button, Checkbox, DatePicker, Flex, Form, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useCases } from '../supervision/api.ts';
import { planRevisit, REVISIT_KEYS, type Revisit, useRevisitPage } from './api.ts';
import { RevisitDrawer } from './RevisitDrawer.tsx';

type PlanValues = { rectificationId: string; kind: RevisitKind; plannedOn?: Dayjs };

function PlanModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const cases = useCases();
  const plan = useApiMutation({
    mutationFn: (v: PlanValues) =>
      planRevisit(v.rectificationId, { kind: v.kind, plannedOn: v.plannedOn?.format('YYYY-MM-DD') }),
    invalidate: REVISIT_KEYS,
    successMessage: '回访已安排',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title="安排回访"
      okText="安排"
      onOk={() => form.submit()}
      confirmLoading={plan.isPending}
      onCancel={onClose}
      okButtonProps={{ ...({ 'data-testid': 'revisit-plan-submit' } as object) }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'revisit' }} onFinish={(v) => plan.mutate(v)}>
        {/* dozens of cases, some units inspected in more than one round: searchable, named with the round */}
        <Form.Item name="rectificationId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            loading={cases.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={cases.data?.items.map((c) => ({ value: c.id, label: `${c.unitName}（${c.roundName}）` }))}
            data-testid="revisit-plan-case"
          />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={optionsOf(revisitKind.labels)} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划日期" extra="不填则为整改报告后 6 个月（按时限设置）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回访 / 回头看: plan visits after rectification, record per task whether it held (稳固) or came back (反弹). */
export function RevisitsPage() {
  const can = useCan();
  const search = useSearchState();
  const [planning, setPlanning] = useState(false);
  const opened = search.get('id');
  const filters = {
    status: search.get('status'),
    kind: search.get('kind'),
    unitId: search.get('unitId'),
    late: search.get('late'),
  };
  const list = useRevisitPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="回访 / 回头看"
      extra={
        <Flex gap={8}>
          {can('revisit.manage') && (
            <Button type="primary" onClick={() => setPlanning(true)} data-testid="revisit-plan">
              安排回访
            </Button>
          )}
          <ExportButton path="/api/revisits/export" query={filters} testId="revisit-export" />
        </Flex>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select<RevisitStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={optionsOf(revisitStatusLabel)}
          value={filters.status as RevisitStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="revisit-filter-status"
        />
        <Select<RevisitKind>
          allowClear
          placeholder="全部类别"
          style={{ width: 140 }}
          options={optionsOf(revisitKind.labels)}
          value={filters.kind as RevisitKind | undefined}
          onChange={(kind) => search.setFilters({ kind })}
        />
        <Checkbox
          checked={filters.late === 'true'}
          onChange={(e) => search.setFilters({ late: e.target.checked ? 'true' : undefined })}
        >
          只看逾期未开展
        </Checkbox>
      </Flex>
      <ListError error={list.error} />
      <Table<Revisit>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        onRow={(r) => ({ onClick: () => search.setFilters({ id: r.id }), style: { cursor: 'pointer' } })}
        pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
        data-testid="revisit-table"
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '类别', dataIndex: 'kind', width: 100, render: (k: RevisitKind) => revisitKind.labels[k] },
          {
            title: '计划日期',
            dataIndex: 'plannedOn',
            width: 160,
            render: (d: string, r) => (
              <>
                {formatDate(d)} {r.late && <Tag color="red">逾期</Tag>}
              </>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: RevisitStatus) => revisitStatusLabel[s] },
          { title: '回访日期', dataIndex: 'conductedOn', width: 120, render: formatDate },
          {
            title: '稳固 / 反弹',
            width: 110,
            render: (_, r) => (
              <>
                {r.stableCount} /{' '}
                <span style={{ color: r.reboundCount > 0 ? '#cf1322' : undefined }}>{r.reboundCount}</span>
              </>
            ),
          },
        ]}
      />
      {opened && <RevisitDrawer id={opened} onClose={() => search.setFilters({ id: undefined })} />}
      {planning && <PlanModal onClose={() => setPlanning(false)} />}
    </PageContainer>
  );
}
