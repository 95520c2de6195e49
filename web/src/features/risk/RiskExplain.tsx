// Why a unit scores as it does: each factor in words, its 0–100 value and what it adds to the score.
import { explainRisk, RISK_FORMULA, type RiskRankingRow } from '@xuncha/contracts';
import { Descriptions, Tooltip, Typography } from 'antd';

export function RiskExplain({ row }: { row: RiskRankingRow }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid={`risk-explain-${row.unitId}`}
      items={explainRisk(row).map((e) => ({
        key: e.factor,
        label: (
          <Tooltip title={RISK_FORMULA[e.factor]}>
            <span>{e.label}</span>
          </Tooltip>
        ),
        children: (
          <span>
            {e.text}
            <Typography.Text type="secondary">
              {`　因子 ${row.factors[e.factor].value.toFixed(1)} 分，`}
            </Typography.Text>
            <Typography.Text strong type={e.contribution > 0 ? 'danger' : 'secondary'}>
              {`加 ${e.contribution.toFixed(1)} 分`}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}
