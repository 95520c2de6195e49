// 巡察工作总览: a committee's situation on one A4 page for the 书记 and the 领导小组 — coverage, the rounds under
// way, findings of the term, rectification, handovers and 问责 — each block linking to the page with its rows.
// The sheet is as wide as A4's printable area on screen too, so the charts print exactly as they are shown.
import { PrinterOutlined } from '@ant-design/icons';
import { inspectionPhaseLabel, inspectionType, type UnitKind, unitKind } from '@xuncha/contracts';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useTermPlans } from '../coverage/api.ts';
import { type Overview, useOverview } from './api.ts';
import { AspectChart, CoverageRing, KindChart } from './OverviewCharts.tsx';
import './overview.css';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 统计分析 on the same committee and term, so that its figures are the ones shown here. */
function analyticsLink(tab: string, data: Overview): string {
  const params = new URLSearchParams({ tab, committeeId: data.committee.id });
  if (data.termPlan) params.set('termPlanId', data.termPlan.id);
  return `/analytics?${params}`;
}

type BlockProps = { title: string; to?: string; testId: string; children: ReactNode; className?: string };

/** A titled block; never split across pages; its 详情 link does not print. */
function Block({ title, to, testId, children, className }: BlockProps) {
  return (
    <section className={`overview-block ${className ?? ''}`} data-testid={testId}>
      <Flex justify="space-between" align="baseline" className="overview-block-title">
        <span>{title}</span>
        {to && (
          <Link to={to} className="no-print" data-testid={`${testId}-link`}>
            详情
          </Link>
        )}
      </Flex>
      {children}
    </section>
  );
}

function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="overview-stat">
      <div className="overview-stat-label">{label}</div>
      <div className="overview-stat-value">{value}</div>
      {note && <div className="overview-stat-note">{note}</div>}
    </div>
  );
}

function Stats({ data }: { data: Overview }) {
  const { coverage, findings, rectification: r, handovers, results } = data;
  return (
    <div className="overview-stats" data-testid="overview-stats">
      <Block title="届内全覆盖" to={analyticsLink('coverage', data)} testId="overview-stat-coverage">
        {coverage ? (
          <Stat
            label="单位覆盖率"
            value={`${coverage.units.coveredPct}%`}
            note={`单位 ${coverage.units.covered}/${coverage.units.total}，村(居) ${coverage.villages.covered}/${coverage.villages.total}`}
          />
        ) : (
          <Stat label="单位覆盖率" value="—" note="尚未制定届内规划" />
        )}
      </Block>
      <Block title="本届发现问题" to={analyticsLink('findings', data)} testId="overview-stat-findings">
        <Stat
          label="问题总数（已反馈和立行立改）"
          value={`${findings.total} 个`}
          note={`共性 ${findings.common}，八项规定 ${findings.eightRules}`}
        />
      </Block>
      <Block title="整改" to={analyticsLink('rectification', data)} testId="overview-stat-rectification">
        <Stat
          label="整改完成率"
          value={percent(r.rectificationRate)}
          note={`销号 ${r.closed}/${r.tasks}，按期率 ${percent(r.onTimeRate)}`}
        />
      </Block>
      <Block title="逾期整改" to={analyticsLink('rectification', data)} testId="overview-stat-overdue">
        <Stat label="逾期任务" value={<span className={r.overdue > 0 ? 'overview-alert' : ''}>{r.overdue} 项</span>} />
      </Block>
      <Block title="移交" to={analyticsLink('handover', data)} testId="overview-stat-handovers">
        <Stat
          label="已移交"
          value={`${handovers.sent} 件`}
          note={`已反馈结果 ${handovers.withResult}，逾期未反馈 ${handovers.overdue}`}
        />
      </Block>
      <Block title="问责与成果" to={analyticsLink('outcomes', data)} testId="overview-stat-results">
        <Stat
          label="问责（已作出决定）"
          value={`${results.accountabilityDecided} 人次`}
          note={
            <>
              待决定 {results.accountabilityProposed}，建章立制 {results.institutions} 项
              <br />
              挽回资金 {formatAmount(results.moneyRecovered)}
            </>
          }
        />
      </Block>
    </div>
  );
}

function Rounds({ rounds }: { rounds: Overview['rounds'] }) {
  if (rounds.length === 0) return <Typography.Text type="secondary">当前没有进行中的巡察轮次</Typography.Text>;
  return rounds.map((round) => (
    <div key={round.roundId} className="overview-round">
      <Flex wrap gap={8} align="baseline">
        <Link to={`/rounds/${round.roundId}`}>{round.name}</Link>
        <Typography.Text type="secondary">
          {chineseDate(round.startDate)}至{chineseDate(round.endDate)}，共 {round.inspectionCount} 个巡察对象
        </Typography.Text>
        {round.byPhase.map((p) => (
          <Tag key={p.phase}>
            {inspectionPhaseLabel[p.phase]} {p.count}
          </Tag>
        ))}
      </Flex>
      <div className="overview-inspections">
        {round.inspections.map((i) => (
          <span key={i.inspectionId}>
            {i.unitName}（{inspectionType.labels[i.type]}·{inspectionPhaseLabel[i.phase]}）
          </span>
        ))}
        {round.inspectionCount > round.inspections.length && <span>等 {round.inspectionCount} 个</span>}
      </div>
    </div>
  ));
}

type OverdueUnit = Overview['rectification']['overdueUnits'][number];
const overdueColumns = [
  {
    title: '单位',
    dataIndex: 'unitName',
    render: (name: string, row: OverdueUnit) => (
      <>
        {name}
        <Typography.Text type="secondary">
          （{unitKind.labels[row.unitKind as UnitKind] ?? row.unitKind}）
        </Typography.Text>
      </>
    ),
  },
  { title: '任务', dataIndex: 'tasks', align: 'right' as const },
  { title: '逾期', dataIndex: 'overdue', align: 'right' as const },
  {
    title: '最长逾期',
    width: 72,
    dataIndex: 'maxOverdueDays',
    align: 'right' as const,
    render: (d: number) => `${d} 天`,
  },
];

function Sheet({ data }: { data: Overview }) {
  const { coverage, rectification } = data;
  const term = data.termPlan
    ? `${data.termPlan.name}（${chineseDate(data.termPlan.startDate)}至${chineseDate(data.termPlan.endDate)}）`
    : '未制定届内规划';
  return (
    <article className="overview-sheet" data-testid="overview-sheet">
      <header className="overview-header">
        <h1 data-testid="overview-title">{data.committee.name}巡察工作总览</h1>
        <div className="overview-subtitle" data-testid="overview-as-of">
          {term}　截至{chineseDate(data.asOf)}
        </div>
      </header>
      <Stats data={data} />
      <div className="overview-row">
        <Block
          title="届内全覆盖进度"
          to={data.termPlan ? `/term-plans?plan=${data.termPlan.id}` : '/term-plans'}
          testId="overview-coverage"
        >
          {coverage ? (
            <CoverageRing coverage={coverage} />
          ) : (
            <Typography.Text type="secondary">尚未制定届内规划</Typography.Text>
          )}
        </Block>
        <Block title="本届问题（按四个方面）" to={analyticsLink('findings', data)} testId="overview-findings">
          <AspectChart findings={data.findings} />
        </Block>
      </div>
      <Block title="当前巡察轮次" to="/rounds" testId="overview-rounds">
        <Rounds rounds={data.rounds} />
      </Block>
      <div className="overview-row">
        <Block title="整改任务（按单位类别）" to={analyticsLink('rectification', data)} testId="overview-rectification">
          {rectification.byKind.length > 0 ? (
            <KindChart rows={rectification.byKind} />
          ) : (
            <Typography.Text type="secondary">暂无整改任务</Typography.Text>
          )}
        </Block>
        <Block title="逾期任务较多的单位" to={analyticsLink('rectification', data)} testId="overview-overdue-units">
          <Table<OverdueUnit>
            size="small"
            pagination={false}
            rowKey="unitId"
            columns={overdueColumns}
            dataSource={rectification.overdueUnits}
            locale={{ emptyText: '没有逾期任务' }}
            data-testid="overview-overdue-table"
          />
        </Block>
      </div>
    </article>
  );
}

/** The term plans of the committee on the page: a choice only when it has more than one. */
function TermSelect({ data, onChange }: { data: Overview; onChange: (id: string) => void }) {
  const plans = useTermPlans();
  const own = (plans.data?.items ?? []).filter((p) => p.committeeId === data.committee.id);
  if (own.length < 2) return null;
  return (
    <Select
      style={{ width: 240 }}
      value={data.termPlan?.id}
      onChange={onChange}
      options={own.map((p) => ({ value: p.id, label: p.name }))}
      data-testid="overview-term-select"
    />
  );
}

export function OverviewPage() {
  const search = useSearchState();
  const overview = useOverview({ committeeId: search.get('committeeId'), termPlanId: search.get('termPlanId') });
  return (
    <QueryBoundary query={overview}>
      {(data) => (
        <div className="overview-page">
          <Flex justify="flex-end" gap={8} className="no-print overview-toolbar">
            <TermSelect data={data} onChange={(termPlanId) => search.setFilters({ termPlanId })} />
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="overview-print"
            >
              打印
            </Button>
          </Flex>
          <Sheet data={data} />
        </div>
      )}
    </QueryBoundary>
  );
}
