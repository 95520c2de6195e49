import {
  type CoverageStatus,
  coverageStatusLabel,
  type UnitKind,
  unitKind,
  type VillageClass,
  villageClass,
} from '@xuncha/contracts';
import { Button, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import type { useSearchState } from '../../shared/useSearchState.ts';
import { TextInputModal } from '../rectification/TextInputModal.tsx';
import { type CoverageUnitRow, changePlanUnits, PLAN_KEYS, type TermPlanUnitsBody, useCoverageUnits } from './api.ts';
import { PlannedYearModal } from './PlannedYearModal.tsx';

type Search = ReturnType<typeof useSearchState>;
const TAG_COLOR: Record<CoverageStatus, string> = { covered: 'success', scheduled: 'processing', never: 'default' };
const FILTER_KEYS = ['status', 'kind', 'villageClass', 'included', 'atRisk', 'q'] as const;

const columns: ColumnsType<CoverageUnitRow> = [
  {
    title: '单位',
    dataIndex: 'unitName',
    render: (name: string, row) => (
      <>
        {name}
        {row.parentName && <Typography.Text type="secondary"> · {row.parentName}</Typography.Text>}
      </>
    ),
  },
  {
    title: '类别',
    dataIndex: 'kind',
    render: (kind: UnitKind, row) =>
      `${unitKind.labels[kind]}${row.villageClass ? `（${villageClass.labels[row.villageClass]}）` : ''}`,
  },
  {
    title: '覆盖状态',
    dataIndex: 'status',
    render: (status: CoverageStatus, row) => (
      <Flex gap={4} wrap>
        {row.included ? <Tag color={TAG_COLOR[status]}>{coverageStatusLabel[status]}</Tag> : <Tag>不纳入</Tag>}
        {row.atRisk && <Tag color="warning">难以覆盖</Tag>}
      </Flex>
    ),
  },
  {
    title: '覆盖 / 安排',
    render: (_, row) =>
      row.coveredOn ? `${formatDate(row.coveredOn)} ${row.coveredRound ?? ''}` : formatDate(row.scheduledOn),
  },
  { title: '计划年度', dataIndex: 'plannedYear', render: (y: number | null) => y ?? '—' },
  {
    title: '最近巡察',
    dataIndex: 'lastInspectedOn',
    render: (d: string | null, row) =>
      row.manualLastInspectedOn && row.manualLastInspectedOn === d ? `${formatDate(d)}（系统前）` : formatDate(d),
  },
  { title: '不纳入理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
];

function Filters({ search }: { search: Search }) {
  return (
    <Flex wrap gap={12} align="center">
      <Select<CoverageStatus>
        allowClear
        placeholder="覆盖状态"
        style={{ width: 120 }}
        options={optionsOf(coverageStatusLabel)}
        value={search.get('status') as CoverageStatus | undefined}
        onChange={(status) => search.setFilters({ status })}
        data-testid="coverage-filter-status"
      />
      <Select<UnitKind>
        allowClear
        placeholder="单位类别"
        style={{ width: 130 }}
        options={optionsOf(unitKind.labels)}
        value={search.get('kind') as UnitKind | undefined}
        onChange={(kind) => search.setFilters({ kind })}
        data-testid="coverage-filter-kind"
      />
      <Select<VillageClass>
        allowClear
        placeholder="村(居)分类"
        style={{ width: 120 }}
        options={optionsOf(villageClass.labels)}
        value={search.get('villageClass') as VillageClass | undefined}
        onChange={(value) => search.setFilters({ villageClass: value })}
      />
      <Input.Search
        allowClear
        placeholder="搜索单位名称"
        style={{ width: 200 }}
        defaultValue={search.get('q')}
        onSearch={(q) => search.setFilters({ q: q.trim() })}
        data-testid="coverage-filter-q"
      />
      <Checkbox
        checked={search.get('atRisk') === 'true'}
        onChange={(e) => search.setFilters({ atRisk: e.target.checked ? 'true' : undefined })}
        data-testid="coverage-filter-at-risk"
      >
        只看难以覆盖
      </Checkbox>
      <Checkbox
        checked={search.get('included') === 'false'}
        onChange={(e) => search.setFilters({ included: e.target.checked ? 'false' : undefined })}
      >
        只看不纳入
      </Checkbox>
    </Flex>
  );
}

type Dialog = 'exclude' | 'year' | null;

/** 规划单位: every unit of the plan with its status; select rows to exclude (with reason), include or plan a year. */
export function PlanUnitsTable({ planId, canManage, search }: { planId: string; canManage: boolean; search: Search }) {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, search.get(key)]));
  const units = useCoverageUnits(planId, { ...filters, page: search.page, pageSize: search.pageSize });
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const change = useApiMutation({
    mutationFn: (body: TermPlanUnitsBody) => changePlanUnits(planId, body),
    invalidate: PLAN_KEYS,
    successMessage: ({ action }) =>
      ({ include: '已纳入规划', exclude: '已不纳入规划', plan: '计划年度已设定' })[action],
    onSuccess: () => {
      setSelected([]);
      setDialog(null);
    },
  });
  const bulk = (body: Omit<TermPlanUnitsBody, 'unitIds'>) =>
    change.mutate({ ...body, unitIds: selected } as TermPlanUnitsBody);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={12}>
        <Filters search={search} />
        <ExportButton
          path="/api/term-plans/coverage/units/export"
          query={{ ...filters, termPlanId: planId }}
          label="导出全覆盖进度表"
          testId="coverage-export"
        />
      </Flex>
      {canManage && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">已选 {selected.length} 个</Typography.Text>
          <Button disabled={!selected.length} onClick={() => setDialog('exclude')} data-testid="plan-units-exclude">
            不纳入规划
          </Button>
          <Button
            disabled={!selected.length}
            loading={change.isPending}
            onClick={() => bulk({ action: 'include' })}
            data-testid="plan-units-include"
          >
            纳入规划
          </Button>
          <Button disabled={!selected.length} onClick={() => setDialog('year')} data-testid="plan-units-year">
            设定计划年度
          </Button>
        </Flex>
      )}
      <ListError error={units.error} />
      <Table<CoverageUnitRow>
        rowKey="unitId"
        size="middle"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        rowSelection={
          canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        pagination={serverPagination(search.page, search.pageSize, units.data?.total, search.setPage)}
        data-testid="plan-units-table"
      />
      {dialog === 'exclude' && (
        <TextInputModal
          title={`不纳入规划（已选 ${selected.length} 个单位）`}
          label="不纳入理由"
          okText="确定"
          required
          maxLength={500}
          loading={change.isPending}
          testId="plan-units-reason"
          onSubmit={(reason) => bulk({ action: 'exclude', reason })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'year' && (
        <PlannedYearModal
          count={selected.length}
          loading={change.isPending}
          onSubmit={(plannedYear) => bulk({ action: 'plan', plannedYear })}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
