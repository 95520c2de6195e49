// 按风险推荐 (planning): the top units of the risk ranking not yet covered or scheduled in the term nor in this
// round, with their scores and reasons; the office ticks the ones it accepts, and each becomes an inspection
// of the round whose 选定理由 is the ranking's explanation (one request per unit: each is checked for 回避 and
// duplicates on its own, and a refused unit is listed without undoing the others).
import { useQueryClient } from '@tanstack/react-query';
import { explainRisk, type RiskRankingRow, type RoundDetail, riskSelectionReason, unitKind } from '@xuncha/contracts';
import { Alert, Button, DatePicker, Flex, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import type { InspectionCreateBody } from '../../app/types.ts';
import { optionsOf } from '../../shared/options.ts';
import { createInspection } from '../planning/api.ts';
import { useRiskRanking } from './api.ts';

const TYPES: { value: InspectionCreateBody['type']; label: string }[] = [
  { value: 'regular', label: '常规巡察' },
  { value: 'special', label: '专项巡察' },
  { value: 'mobile', label: '机动巡察' },
  { value: 'village', label: '村(居)巡察' },
  { value: 'elevated', label: '提级巡察' },
];

type Result = { ok: string[]; refused: { unit: string; message: string }[] };

function Reasons({ row }: { row: RiskRankingRow }) {
  return (
    <Flex gap={4} wrap>
      {explainRisk(row)
        .filter((e) => e.contribution > 0)
        .slice(0, 3)
        .map((e) => (
          <Tag key={e.factor}>{`${e.text} +${e.contribution.toFixed(1)}`}</Tag>
        ))}
    </Flex>
  );
}

export function RiskProposalModal({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [top, setTop] = useState(10);
  const [kind, setKind] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const [teamId, setTeamId] = useState<string | undefined>(round.teams[0]?.id);
  const [type, setType] = useState<InspectionCreateBody['type']>('regular');
  const [dates, setDates] = useState<[Dayjs, Dayjs]>([dayjs(round.startDate), dayjs(round.endDate)]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const ranking = useRiskRanking({
    committeeId: round.committeeId,
    uncoveredInTerm: 'true',
    roundId: round.id,
    unitKind: kind,
    pageSize: top,
  });
  const rows = ranking.data?.items ?? [];

  const accept = async () => {
    setBusy(true);
    const done: Result = { ok: [], refused: [] };
    for (const row of rows.filter((r) => selected.includes(r.unitId))) {
      try {
        await createInspection({
          roundId: round.id,
          unitId: row.unitId,
          type,
          teamId,
          startDate: dates[0].format('YYYY-MM-DD'),
          endDate: dates[1].format('YYYY-MM-DD'),
          selectionReason: riskSelectionReason(row),
        });
        done.ok.push(row.unitName);
      } catch (error) {
        done.refused.push({ unit: row.unitName, message: errorMessage(error) });
      }
    }
    setBusy(false);
    setResult(done);
    setSelected([]);
    await Promise.all(
      [['round', round.id], ['inspections'], ['risk-ranking'], ['teams']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };

  return (
    <Modal
      open
      width={960}
      title="按风险推荐巡察对象"
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>关闭</Button>
          <Button
            type="primary"
            disabled={selected.length === 0 || !teamId}
            loading={busy}
            onClick={accept}
            data-testid="risk-propose-accept"
          >
            {`安排选中的 ${selected.length} 个单位`}
          </Button>
        </Flex>
      }
      data-testid="risk-propose-modal"
    >
      <Typography.Paragraph type="secondary">
        按风险排序列出本届尚未巡察（也未列入本轮）的单位；勾选接受的单位后，选定理由自动填为其评分说明。
        {ranking.data?.term
          ? `届内规划：${ranking.data.term.name}。`
          : '未找到包含今天的届内规划，仅排除本轮已安排的单位。'}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 120 }}
          value={top}
          onChange={setTop}
          options={[5, 10, 20, 50].map((n) => ({ value: n, label: `前 ${n} 名` }))}
          data-testid="risk-propose-top"
        />
        <Select
          allowClear
          placeholder="全部单位类别"
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={optionsOf(unitKind.labels)}
          data-testid="risk-propose-kind"
        />
      </Flex>
      <Table<RiskRankingRow>
        size="small"
        rowKey="unitId"
        loading={ranking.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 320 }}
        data-testid="risk-propose-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: '没有尚未巡察的单位' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56 },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '风险分', dataIndex: 'score', width: 72, render: (s: number) => s.toFixed(1) },
          { title: '主要理由', key: 'why', render: (_, r) => <Reasons row={r} /> },
        ]}
      />
      <Form layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
        <Form.Item label="巡察组" required>
          <Select
            style={{ width: 200 }}
            value={teamId}
            onChange={setTeamId}
            options={round.teams.map((t) => ({ value: t.id, label: t.name }))}
            placeholder="请先组建巡察组"
            data-testid="risk-propose-team"
          />
        </Form.Item>
        <Form.Item label="巡察类型">
          <Select
            style={{ width: 130 }}
            value={type}
            onChange={setType}
            options={TYPES}
            data-testid="risk-propose-type"
          />
        </Form.Item>
        <Form.Item label="起止日期">
          <DatePicker.RangePicker value={dates} onChange={(v) => v?.[0] && v[1] && setDates([v[0], v[1]])} />
        </Form.Item>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.refused.length ? 'warning' : 'success'}
          showIcon
          data-testid="risk-propose-result"
          title={`已安排 ${result.ok.length} 个单位${result.refused.length ? `，${result.refused.length} 个未安排` : ''}`}
          description={
            result.refused.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {result.refused.map((r) => (
                  <li key={r.unit}>{`${r.unit}：${r.message}`}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </Modal>
  );
}
