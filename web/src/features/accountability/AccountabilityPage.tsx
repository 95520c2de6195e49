import {
  type AccountabilityGround,
  type AccountabilityMeasure,
  type AccountabilityStatus,
  accountabilityGround,
  accountabilityMeasure,
  accountabilityStatusLabel,
} from '@xuncha/contracts';
import { App, Button, Flex, Input, Select, Space, Table } from 'antd';
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
import { DecideModal, ProposeModal } from './AccountabilityModals.tsx';
import { ACCOUNTABILITY_KEYS, type Accountability, useAccountabilityPage, withdrawAccountability } from './api.ts';

/** 问责清单: proposals and decisions against persons; ?unitId=… gives one unit's list. */
export function AccountabilityPage() {
  const can = useCan();
  const { modal } = App.useApp();
  const search = useSearchState();
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<Accountability | null>(null);
  const filters = {
    unitId: search.get('unitId'),
    status: search.get('status'),
    ground: search.get('ground'),
    measure: search.get('measure'),
    q: search.get('q'),
  };
  const list = useAccountabilityPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const withdraw = useApiMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => withdrawAccountability(id, reason),
    invalidate: ACCOUNTABILITY_KEYS,
    successMessage: '已撤回',
  });
  const askWithdraw = (a: Accountability) => {
    let reason = '';
    modal.confirm({
      title: `撤回对${a.personName}的问责建议`,
      content: (
        <Input.TextArea
          rows={3}
          placeholder="撤回理由"
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: () => withdraw.mutateAsync({ id: a.id, reason }),
    });
  };
  return (
    <PageContainer
      title="问责清单"
      extra={
        <Flex gap={8}>
          {can('accountability.propose') && (
            <Button type="primary" onClick={() => setProposing(true)} data-testid="accountability-propose">
              提出问责建议
            </Button>
          )}
          <ExportButton path="/api/accountability/export" query={filters} testId="accountability-export" />
        </Flex>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="姓名、职务、单位"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q })}
          data-testid="accountability-filter-q"
        />
        <Select<AccountabilityStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={optionsOf(accountabilityStatusLabel)}
          value={filters.status as AccountabilityStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="accountability-filter-status"
        />
        <Select<AccountabilityGround>
          allowClear
          placeholder="全部情形"
          style={{ width: 140 }}
          options={optionsOf(accountabilityGround.labels)}
          value={filters.ground as AccountabilityGround | undefined}
          onChange={(ground) => search.setFilters({ ground })}
        />
        <Select<AccountabilityMeasure>
          allowClear
          placeholder="全部方式"
          style={{ width: 140 }}
          options={optionsOf(accountabilityMeasure.labels)}
          value={filters.measure as AccountabilityMeasure | undefined}
          onChange={(measure) => search.setFilters({ measure })}
        />
      </Flex>
      <ListError error={list.error} />
      <Table<Accountability>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
        expandable={{ expandedRowRender: (a) => a.facts }}
        data-testid="accountability-table"
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '被问责人', dataIndex: 'personName', width: 100 },
          { title: '职务', dataIndex: 'personPost' },
          {
            title: '情形',
            dataIndex: 'ground',
            width: 100,
            render: (g: AccountabilityGround) => accountabilityGround.labels[g],
          },
          {
            title: '建议方式',
            dataIndex: 'proposedMeasure',
            width: 100,
            render: (m: AccountabilityMeasure) => accountabilityMeasure.labels[m],
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (s: AccountabilityStatus) => accountabilityStatusLabel[s],
          },
          {
            title: '决定',
            width: 220,
            render: (_, a) =>
              a.decidedMeasure
                ? `${accountabilityMeasure.labels[a.decidedMeasure]}（${a.decisionDocNo}，${formatDate(a.decidedOn)}）`
                : '—',
          },
          {
            title: '',
            width: 220,
            render: (_, a) => (
              <Space>
                {a.abilities.decide && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding(a)}
                    data-testid={`accountability-decide-${a.id}`}
                  >
                    作出决定
                  </Button>
                )}
                {a.abilities.withdraw && (
                  <Button size="small" onClick={() => askWithdraw(a)}>
                    撤回
                  </Button>
                )}
                {a.abilities.document && (
                  <ExportButton
                    path={`/api/accountability/${a.id}/document`}
                    label="问责建议"
                    testId={`accountability-document-${a.id}`}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
      {deciding && <DecideModal item={deciding} onClose={() => setDeciding(null)} />}
    </PageContainer>
  );
}
