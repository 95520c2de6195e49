// 整改不实预警 (巡察办): cards per rule (click = filter), the units with most signals (bars and a table, click =
// filter), and the flagged tasks with their reasons in words; the office checks each signal (核实/排除), then
// issues a 督办单 or proposes 问责. Filters live in the URL.
import { type SignalKind, signalKind, signalRuleText, signalStatus, unitKind } from '@xuncha/contracts';
import { Button, Card, Col, Flex, Row, Select, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useRoundPage } from '../planning/api.ts';
import { type BarOption, ProgressChart } from '../rectification-dashboard/ProgressChart.tsx';
import { type IssueDraft, IssueModal } from '../supervision/IssueModal.tsx';
import { SIGNAL_KEYS, type SignalRow, type SignalSummary, scanSignals, useSignalSummary, useSignals } from './api.ts';
import { HandleModal } from './HandleModal.tsx';
import { SignalTable } from './SignalTable.tsx';
import { UnitTable } from './UnitTable.tsx';

const KIND_COLORS: Record<SignalKind, string> = { thin_evidence: '#faad14', bulk_close: '#ff4d4f', rebound: '#722ed1' };

type Totals = SignalSummary['totals'];
const KIND_COUNT: Record<SignalKind, keyof Totals> = {
  thin_evidence: 'thinEvidence',
  bulk_close: 'bulkClose',
  rebound: 'rebound',
};

function KindCards({ totals, kind, onKind }: { totals: Totals; kind?: string; onKind: (k?: string) => void }) {
  const cards = [
    {
      key: undefined,
      title: '全部预警',
      value: totals.total,
      hint: `待核实 ${totals.open} 项 · 已核实 ${totals.confirmed} · 已排除 ${totals.dismissed}`,
    },
    ...signalKind.codes.map((k) => ({
      key: k,
      title: signalKind.labels[k],
      value: totals[KIND_COUNT[k]],
      hint: signalRuleText[k],
    })),
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} xl={6}>
          <Card
            size="small"
            hoverable
            onClick={() => onKind(c.key)}
            style={kind === c.key ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
            data-testid={`signal-card-${c.key ?? 'all'}`}
          >
            <Statistic
              title={c.title}
              value={c.value}
              suffix="项"
              valueStyle={c.key ? { color: KIND_COLORS[c.key] } : undefined}
            />
            <Tooltip title={c.hint}>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
                {c.hint}
              </Typography.Text>
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function unitOption(units: SignalSummary['units']['items']): BarOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units.map((u) => u.unitName), inverse: true },
    series: signalKind.codes.map((k) => ({
      name: signalKind.labels[k],
      type: 'bar' as const,
      stack: 'signals',
      color: KIND_COLORS[k],
      barMaxWidth: 18,
      data: units.map((u) => u[KIND_COUNT[k]]),
    })),
  };
}

export function SignalsPage() {
  const search = useSearchState();
  const can = useCan();
  const filters = {
    roundId: search.get('roundId'),
    unitKind: search.get('unitKind'),
    kind: search.get('kind'),
    status: search.get('status'),
    unitId: search.get('unitId'),
    sort: search.get('sort'),
  };
  const unitPage = Number(search.get('upage') ?? '1') || 1;
  const summary = useSignalSummary({
    roundId: filters.roundId,
    unitKind: filters.unitKind,
    page: unitPage,
    pageSize: 10,
  });
  const list = useSignals({ ...filters, page: search.page, pageSize: search.pageSize });
  const rounds = useRoundPage({ pageSize: 100 });
  const [handling, setHandling] = useState<SignalRow | null>(null);
  const [issuing, setIssuing] = useState<IssueDraft | null>(null);
  const units = summary.data?.units.items ?? [];
  const chart = useMemo(() => unitOption(units), [units]);
  const scan = useApiMutation({
    mutationFn: () => scanSignals(summary.data?.committeeId),
    invalidate: SIGNAL_KEYS,
    successMessage: '检测完成',
  });
  const unitName = filters.unitId ? (units.find((u) => u.unitId === filters.unitId)?.unitName ?? '所选单位') : null;
  const last = summary.data?.lastScan;

  return (
    <PageContainer
      title="整改不实预警"
      extra={
        <Flex gap={8}>
          {summary.data?.canScan && (
            <Button onClick={() => scan.mutate()} loading={scan.isPending} data-testid="signal-scan">
              重新检测
            </Button>
          )}
          <ExportButton path="/api/rectification-signals/export" query={filters} testId="signal-export" />
        </Flex>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部巡察轮次"
          style={{ width: 240 }}
          value={filters.roundId}
          options={(rounds.data?.items ?? []).map((r: { id: string; name: string }) => ({
            value: r.id,
            label: r.name,
          }))}
          onChange={(v) => search.setFilters({ roundId: v, upage: undefined })}
          data-testid="signal-round"
        />
        <Select
          allowClear
          placeholder="全部单位类别"
          style={{ width: 160 }}
          value={filters.unitKind}
          options={optionsOf(unitKind.labels)}
          onChange={(v) => search.setFilters({ unitKind: v, upage: undefined })}
          data-testid="signal-unit-kind"
        />
        <Select
          allowClear
          placeholder="全部（不含已消除）"
          style={{ width: 180 }}
          value={filters.status}
          options={optionsOf(signalStatus.labels)}
          onChange={(v) => search.setFilters({ status: v })}
          data-testid="signal-status"
        />
        {unitName && (
          <Tag closable onClose={() => search.setFilters({ unitId: undefined })} data-testid="signal-unit-tag">
            单位：{unitName}
          </Tag>
        )}
        <Typography.Text type="secondary" data-testid="signal-last-scan">
          {last
            ? `上次检测 ${formatDateTime(last.scannedAt)}${last.scannedByName ? `（${last.scannedByName}）` : ''}，发现 ${last.flagged} 项`
            : '尚未检测'}
        </Typography.Text>
      </Flex>
      <ListError error={summary.error ?? list.error} />
      {summary.data && (
        <KindCards totals={summary.data.totals} kind={filters.kind} onKind={(kind) => search.setFilters({ kind })} />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="预警较多的单位（点击筛选）">
            <ProgressChart
              option={chart}
              height={Math.max(220, units.length * 32 + 60)}
              testId="signal-unit-chart"
              onBarClick={(i) => {
                const u = units[i];
                if (u) search.setFilters({ unitId: u.unitId });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <UnitTable
            summary={summary.data}
            loading={summary.isFetching}
            page={unitPage}
            onPage={(p) => search.setFilters({ upage: String(p) })}
            onUnit={(unitId) => search.setFilters({ unitId })}
          />
        </Col>
      </Row>
      <SignalTable
        data={list.data}
        loading={list.isFetching}
        page={search.page}
        pageSize={search.pageSize}
        onPage={search.setPage}
        sort={filters.sort}
        onSort={(sort) => search.setFilters({ sort })}
        canIssue={can('supervision.issue')}
        onHandle={setHandling}
        onIssue={(r) =>
          setIssuing({
            rectificationId: r.rectificationId ?? undefined,
            taskId: r.taskId,
            taskTitle: r.taskTitle,
            reason: r.kinds.includes('rebound') ? 'rebound' : 'manual',
          })
        }
      />
      {handling && <HandleModal row={handling} onClose={() => setHandling(null)} />}
      {issuing && <IssueModal draft={issuing} onClose={() => setIssuing(null)} />}
    </PageContainer>
  );
}
