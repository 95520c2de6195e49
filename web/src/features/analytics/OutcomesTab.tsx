// 成果运用: money recovered and 制度 built (evidence of verified tasks), people handled by 四种形态 (handover
// results) and by the unit itself (人员处理 evidence). Every card and bar opens the rows behind it.
import { type AnalyticsFilter, form, handoverKind, taskStatusLabel, unitKind } from '@xuncha/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatAmount, formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { AnalyticsChart, barOption, pieOption } from './AnalyticsChart.tsx';
import { AnalyticsDrill, type DrillSpec } from './AnalyticsDrill.tsx';
import { type OutcomeEvidenceRow, type OutcomePersonRow, type OutcomesSummary, useOutcomesSummary } from './api.ts';

const label = <T extends string>(labels: Record<T, string>, code: string) => labels[code as T] ?? code;

const EVIDENCE_BASE: ColumnsType<OutcomeEvidenceRow> = [
  { title: '单位', dataIndex: 'unitName', width: 120 },
  { title: '整改任务', dataIndex: 'taskTitle' },
  { title: '轮次', dataIndex: 'roundName', width: 120 },
  { title: '任务状态', dataIndex: 'taskStatus', width: 88, render: (s: string) => label(taskStatusLabel, s) },
];
const EVIDENCE_COLUMNS: Record<'money' | 'institution' | 'person', ColumnsType<OutcomeEvidenceRow>> = {
  money: [
    ...EVIDENCE_BASE,
    { title: '说明', dataIndex: 'description' },
    { title: '金额', dataIndex: 'amount', width: 140, align: 'right', render: (a: number | null) => formatAmount(a) },
  ],
  institution: [
    ...EVIDENCE_BASE,
    { title: '制度名称', dataIndex: 'institutionName' },
    { title: '文号', dataIndex: 'institutionDocNo', width: 140 },
    { title: '印发日期', dataIndex: 'institutionDate', width: 110, render: (d: string | null) => formatDate(d) },
  ],
  person: [
    ...EVIDENCE_BASE,
    { title: '说明', dataIndex: 'description' },
    { title: '人数', dataIndex: 'personsCount', width: 80, align: 'right' },
  ],
};

const PERSON_COLUMNS: ColumnsType<OutcomePersonRow> = [
  { title: '单位', dataIndex: 'unitName', width: 130 },
  { title: '轮次', dataIndex: 'roundName', width: 150 },
  {
    title: '移交',
    width: 150,
    key: 'handover',
    render: (_, r) => `〔${r.handoverYear}〕${r.handoverSeq}号 ${label(handoverKind.labels, r.handoverKind)}`,
  },
  { title: '接收单位', dataIndex: 'recipientName', width: 110 },
  { title: '形态', dataIndex: 'form', width: 100, render: (f: string) => label(form.labels, f) },
  { title: '决定日期', dataIndex: 'decidedOn', width: 100, render: (d: string | null) => formatDate(d) },
];

type EvidenceKind = 'money' | 'institution' | 'person';

function evidenceDrill(
  filter: AnalyticsFilter,
  title: string,
  kind: EvidenceKind,
  byUnitKind?: string,
): DrillSpec<OutcomeEvidenceRow> {
  return {
    title,
    path: '/api/analytics/outcomes/evidence',
    params: { ...filter, kind, byUnitKind },
    columns: EVIDENCE_COLUMNS[kind],
    rowKey: 'id',
  };
}

function personDrill(filter: AnalyticsFilter, title: string, code?: string): DrillSpec<OutcomePersonRow> {
  return {
    title,
    path: '/api/analytics/outcomes/persons',
    params: { ...filter, form: code },
    columns: PERSON_COLUMNS,
    rowKey: 'id',
  };
}

type CardsProps = {
  s: OutcomesSummary;
  filter: AnalyticsFilter;
  openEvidence: (d: DrillSpec<OutcomeEvidenceRow>) => void;
  openPersons: (d: DrillSpec<OutcomePersonRow>) => void;
};

function Cards({ s, filter, openEvidence, openPersons }: CardsProps) {
  const evidence = (title: string, kind: EvidenceKind) => () => openEvidence(evidenceDrill(filter, title, kind));
  const cards = [
    {
      key: 'money',
      title: '挽回/追缴资金',
      value: formatAmount(s.money.amount),
      note: `${s.money.evidenceCount} 笔，涉及 ${s.money.taskCount} 项已核验任务`,
      onClick: evidence('挽回/追缴资金', 'money'),
    },
    {
      key: 'institution',
      title: '建章立制',
      value: `${s.institutions.count} 项`,
      note: `涉及 ${s.institutions.taskCount} 项已核验任务`,
      onClick: evidence('建章立制', 'institution'),
    },
    {
      key: 'forms',
      title: '运用“四种形态”处理',
      value: `${s.formsTotal} 人`,
      note: '移交办理结果，按人计',
      onClick: () => openPersons(personDrill(filter, '运用“四种形态”处理')),
    },
    {
      key: 'persons',
      title: '整改中处理人员',
      value: `${s.evidencePersons.persons} 人`,
      note: `${s.evidencePersons.evidenceCount} 份人员处理材料，不计入四种形态`,
      onClick: evidence('整改中处理人员', 'person'),
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={12} xl={6}>
          <Card size="small" hoverable onClick={c.onClick} data-testid={`outcomes-stat-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
            <Typography.Text type="secondary">{c.note}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function OutcomesTab({ filter }: { filter: AnalyticsFilter }) {
  const summary = useOutcomesSummary(filter);
  const [evidence, setEvidence] = useState<DrillSpec<OutcomeEvidenceRow> | null>(null);
  const [persons, setPersons] = useState<DrillSpec<OutcomePersonRow> | null>(null);
  const s = summary.data;
  return (
    <div data-testid="outcomes-tab">
      <ListError error={summary.error} />
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            资金和制度取自已销号（含阶段性完成）任务的佐证材料，经巡察办对账核验；“四种形态”取自移交办理的现行结果，按人计。
          </Typography.Paragraph>
          <Cards s={s} filter={filter} openEvidence={setEvidence} openPersons={setPersons} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="运用“四种形态”处理人数（点击查看）">
                <AnalyticsChart
                  option={pieOption(
                    '处理人数',
                    s.forms.map((f) => label(form.labels, f.code)),
                    s.forms.map((f) => f.count),
                  )}
                  height={280}
                  testId="outcomes-chart-forms"
                  onClick={(i) => {
                    const f = s.forms[i];
                    if (f) setPersons(personDrill(filter, label(form.labels, f.code), f.code));
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="挽回/追缴资金按单位类别（元，点击查看）">
                <AnalyticsChart
                  option={barOption(
                    '金额（元）',
                    s.moneyByUnitKind.map((r) => label(unitKind.labels, r.code)),
                    s.moneyByUnitKind.map((r) => r.amount),
                    '#52c41a',
                    (v) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
                  )}
                  height={280}
                  testId="outcomes-chart-money"
                  onClick={(i) => {
                    const r = s.moneyByUnitKind[i];
                    if (r) {
                      const title = `挽回/追缴资金 · ${label(unitKind.labels, r.code)}`;
                      setEvidence(evidenceDrill(filter, title, 'money', r.code));
                    }
                  }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <AnalyticsDrill drill={evidence} onClose={() => setEvidence(null)} />
      <AnalyticsDrill drill={persons} onClose={() => setPersons(null)} />
    </div>
  );
}
