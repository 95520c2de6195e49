// 移交办理: timeliness of the handovers per recipient (纪委监委 / 组织部 / 主管部门) and kind, 件件有着落.
// Every figure opens the handovers behind it: metadata only, never a clue's content (need-to-know).
import { type AnalyticsFilter, handoverKind, handoverRecipient, handoverStatusLabel } from '@xuncha/contracts';
import { Button, Card, Col, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { QueryParams } from '../../app/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { AnalyticsChart, type AnalyticsOption } from './AnalyticsChart.tsx';
import { AnalyticsDrill, type DrillSpec } from './AnalyticsDrill.tsx';
import { type HandoverRow, type HandoverTimeliness, handoverOutcomeLabel, useHandoverTimeliness } from './work-api.ts';

type Outcome = keyof typeof handoverOutcomeLabel;
type Group = HandoverTimeliness['rows'][number];
type Open = (title: string, params: QueryParams) => void;

const percent = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);
const groupName = (g: Group) => `${handoverRecipient.labels[g.recipient]} · ${handoverKind.labels[g.kind]}`;

const ROW_COLUMNS: ColumnsType<HandoverRow> = [
  { title: '编号', dataIndex: 'code' },
  { title: '被巡察单位', dataIndex: 'unitName' },
  { title: '接收单位', dataIndex: 'recipientName' },
  { title: '移交日期', dataIndex: 'sentOn', width: 92, render: (d: string) => formatDate(d) },
  { title: '时限', dataIndex: 'dueDate', width: 92, render: (d: string) => formatDate(d) },
  { title: '办结日期', dataIndex: 'concludedOn', width: 92, render: (d: string | null) => formatDate(d) },
  { title: '状态', dataIndex: 'status', width: 76, render: (s: HandoverRow['status']) => handoverStatusLabel[s] },
  { title: '超期天数', dataIndex: 'overdueDays', width: 60, align: 'right' },
];

const STACKS: { outcome: Outcome; field: 'onTime' | 'late' | 'overdue' | 'pending'; color: string }[] = [
  { outcome: 'on_time', field: 'onTime', color: '#52c41a' },
  { outcome: 'late', field: 'late', color: '#faad14' },
  { outcome: 'overdue', field: 'overdue', color: '#ff4d4f' },
  { outcome: 'pending', field: 'pending', color: '#1677ff' },
];

function stackOption(rows: Group[]): AnalyticsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(groupName), inverse: true },
    series: STACKS.map((s) => ({
      name: handoverOutcomeLabel[s.outcome],
      type: 'bar',
      stack: 'all',
      color: s.color,
      barMaxWidth: 22,
      data: rows.map((r) => r[s.field]),
    })),
  };
}

function groupColumns(open: Open): ColumnsType<Group> {
  const link = (outcome: Outcome, field: keyof Group) => (_: unknown, g: Group) => (
    <Button
      type="link"
      size="small"
      onClick={() =>
        open(`${groupName(g)} · ${handoverOutcomeLabel[outcome]}`, { outcome, recipient: g.recipient, kind: g.kind })
      }
    >
      {String(g[field])}
    </Button>
  );
  return [
    { title: '接收方', key: 'recipient', render: (_, g) => handoverRecipient.labels[g.recipient] },
    { title: '移交类别', key: 'kind', render: (_, g) => handoverKind.labels[g.kind] },
    { title: '已移交', key: 'sent', render: link('sent', 'sent') },
    { title: '按期办结', key: 'onTime', render: link('on_time', 'onTime') },
    { title: '超期办结', key: 'late', render: link('late', 'late') },
    { title: '超期未办结', key: 'overdue', render: link('overdue', 'overdue') },
    { title: '办理中', key: 'pending', render: link('pending', 'pending') },
    { title: '平均办理天数', key: 'avg', render: (_, g) => g.avgDays ?? '—' },
    { title: '件件有着落', key: 'rate', render: (_, g) => (g.resultRate === null ? '—' : `${percent(g.resultRate)}%`) },
  ];
}

function Cards({ t, open }: { t: HandoverTimeliness['totals']; open: Open }) {
  const stat = (key: string, title: string, value: string | number, outcome: Outcome) => (
    <Col key={key} xs={12} md={6}>
      <Card
        size="small"
        hoverable
        onClick={() => open(handoverOutcomeLabel[outcome], { outcome })}
        data-testid={`handover-stat-${key}`}
      >
        <Statistic title={title} value={value} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} align="middle">
      <Col xs={24} md={6}>
        <Card
          size="small"
          hoverable
          onClick={() => open(handoverOutcomeLabel.with_result, { outcome: 'with_result' })}
          data-testid="handover-gauge-result"
        >
          <Flex vertical align="center" gap={4}>
            <Typography.Text strong>件件有着落率</Typography.Text>
            <Progress
              type="dashboard"
              size={100}
              percent={percent(t.resultRate)}
              format={() => (t.resultRate === null ? '—' : `${percent(t.resultRate)}%`)}
            />
            <Typography.Text type="secondary">
              有结果 {t.onTime + t.late} / 已移交 {t.sent}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Row gutter={[16, 16]}>
          {stat('sent', '已移交（件）', t.sent, 'sent')}
          {stat('on-time', '按期办结率', t.onTimeRate === null ? '—' : `${percent(t.onTimeRate)}%`, 'on_time')}
          {stat('overdue', '超期未办结（件）', t.overdue, 'overdue')}
          {stat('avg', '平均办理天数', t.avgDays ?? '—', 'with_result')}
        </Row>
      </Col>
    </Row>
  );
}

export function HandoverTab({ filter }: { filter: AnalyticsFilter }) {
  const figures = useHandoverTimeliness(filter);
  const [drill, setDrill] = useState<DrillSpec<HandoverRow> | null>(null);
  const open: Open = (title, params) =>
    setDrill({
      title,
      path: '/api/analytics/handovers/rows',
      params: { ...filter, ...params },
      columns: ROW_COLUMNS,
      rowKey: 'id',
    });
  const s = figures.data;
  return (
    <div data-testid="handover-tab">
      <ListError error={figures.error} />
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            截至 {formatDate(s.asOf)}：按期 = 办结日期不晚于办理时限；超期未办结 =
            已过时限仍无办理结果。明细只列移交信息，不含线索内容。
          </Typography.Paragraph>
          <Cards t={s.totals} open={open} />
          <Card size="small" title="按接收方和类别的办理情况（件，点击查看）">
            <AnalyticsChart
              option={stackOption(s.rows)}
              height={Math.max(200, 60 + s.rows.length * 44)}
              testId="handover-chart"
              onClick={(i) => {
                const g = s.rows[i];
                if (g) open(`${groupName(g)} · 已移交`, { outcome: 'sent', recipient: g.recipient, kind: g.kind });
              }}
            />
            <Table<Group>
              rowKey={(g) => `${g.recipient}-${g.kind}`}
              size="small"
              data-testid="handover-groups"
              dataSource={s.rows}
              columns={groupColumns(open)}
              pagination={false}
            />
          </Card>
        </>
      )}
      <AnalyticsDrill drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
