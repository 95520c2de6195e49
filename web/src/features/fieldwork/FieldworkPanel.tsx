// 了解情况 tab of an inspection: counts per kind, the filtered list with export, 登记 and the detail drawer.
// For the inspected unit the same tab is 问题对照自查: its own self-checks and the form to submit one.
import { PlusOutlined } from '@ant-design/icons';
import { type FieldworkKind, fieldworkKind } from '@xuncha/contracts';
import { Alert, Button, Card, Col, DatePicker, Flex, Input, Row, Segmented, Select, Statistic } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { type FieldworkCounts, type FieldworkSummary, useFieldworkCounts, useFieldworkPage } from './api.ts';
import { FieldworkDrawer } from './FieldworkDrawer.tsx';
import { FieldworkFormModal } from './FieldworkFormModal.tsx';
import { FieldworkTable } from './FieldworkTable.tsx';

type Filters = { kind?: FieldworkKind; q?: string; dateFrom?: string; dateTo?: string; sensitive?: string };

function CountCards({ counts }: { counts: FieldworkCounts | undefined }) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={3}>
        <Card size="small">
          <Statistic title="合计" value={counts?.total ?? 0} />
        </Card>
      </Col>
      {fieldworkKind.codes.map((kind) => (
        <Col xs={12} md={3} key={kind}>
          <Card size="small">
            <Statistic title={fieldworkKind.labels[kind]} value={counts?.byKind[kind] ?? 0} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const SENSITIVITY = [
  { value: 'true', label: '敏感' },
  { value: 'false', label: '一般' },
];

function KindFilter({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  return (
    <Segmented<string>
      value={filters.kind ?? 'all'}
      options={[
        { value: 'all', label: '全部' },
        ...fieldworkKind.codes.map((k) => ({ value: k, label: fieldworkKind.labels[k] })),
      ]}
      onChange={(kind) => onChange({ ...filters, kind: kind === 'all' ? undefined : (kind as FieldworkKind) })}
      data-testid="fieldwork-filter-kind"
    />
  );
}

function FilterBar({ filters, onChange, unit }: { filters: Filters; onChange: (f: Filters) => void; unit: boolean }) {
  const range = (dates: [Dayjs | null, Dayjs | null] | null) =>
    onChange({
      ...filters,
      dateFrom: dates?.[0]?.format('YYYY-MM-DD'),
      dateTo: dates?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Flex wrap gap={12} align="center">
      <DatePicker.RangePicker onChange={range} placeholder={['开始日期', '结束日期']} />
      {!unit && (
        <Select
          allowClear
          placeholder="敏感程度"
          style={{ width: 120 }}
          options={SENSITIVITY}
          value={filters.sensitive}
          onChange={(sensitive?: string) => onChange({ ...filters, sensitive })}
        />
      )}
      <Input.Search
        allowClear
        placeholder="搜索标题"
        style={{ width: 220 }}
        onSearch={(q) => onChange({ ...filters, q: q.trim() || undefined })}
        data-testid="fieldwork-filter-q"
      />
    </Flex>
  );
}

/** The inspected unit takes part only through its self-check. */
function useUnitView(): boolean {
  const can = useCan();
  return can('fieldwork.self_check') && !can('fieldwork.create');
}

/** 了解情况 for the team, the office and the leaders; 问题对照自查 for the inspected unit. */
export function FieldworkTabLabel() {
  return useUnitView() ? '问题对照自查' : '了解情况';
}

export function FieldworkPanel({ inspectionId }: { inspectionId: string }) {
  const unit = useUnitView();
  const paging = useLocalPage();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<FieldworkSummary | null>(null);
  const counts = useFieldworkCounts(inspectionId);
  const records = useFieldworkPage(inspectionId, { ...filters, page: paging.page, pageSize: paging.pageSize });
  const kinds = counts.data?.creatableKinds ?? [];
  const changeFilters = (next: Filters) => {
    setFilters(next);
    paging.setPage(1, paging.pageSize);
  };
  return (
    <Flex vertical gap={12} data-testid="fieldwork-panel">
      {!unit && <CountCards counts={counts.data} />}
      {unit && counts.data && kinds.length === 0 && (
        <Alert
          type="info"
          showIcon
          title="问题对照自查在巡察组进驻和了解情况阶段报送；当前阶段只能查看已报送的自查。"
        />
      )}
      {!unit && <KindFilter filters={filters} onChange={changeFilters} />}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <FilterBar filters={filters} onChange={changeFilters} unit={unit} />
        <Flex gap={8}>
          <ExportButton path="/api/fieldwork/export" query={{ ...filters, inspectionId }} testId="fieldwork-export" />
          {kinds.length > 0 && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="fieldwork-create"
            >
              {unit ? '报送自查' : '登记'}
            </Button>
          )}
        </Flex>
      </Flex>
      <FieldworkTable
        records={records.data?.items}
        loading={records.isFetching}
        error={records.error}
        pagination={serverPagination(paging.page, paging.pageSize, records.data?.total, paging.setPage)}
        onOpen={setOpen}
      />
      {creating && <FieldworkFormModal inspectionId={inspectionId} kinds={kinds} onClose={() => setCreating(false)} />}
      {open && (
        <FieldworkDrawer record={open} inspectionId={inspectionId} kinds={kinds} onClose={() => setOpen(null)} />
      )}
    </Flex>
  );
}
