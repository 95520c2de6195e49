import { unitKind } from '@xuncha/contracts';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import type { CoverageForecast } from './api.ts';

type Block = CoverageForecast['units'];

function BlockWarning({ label, block, onShowAll }: { label: string; block: Block; onShowAll: () => void }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>
        {label}：尚未覆盖 {block.uncovered} 个，剩余轮次按每轮 {block.pace} 个（
        {block.paceSource === 'history' ? '本届已开展轮次的平均数' : '规划要求的节奏'}）可覆盖 {block.capacity} 个，缺口{' '}
        {block.shortfall} 个。
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        {block.atRisk.map((unit) => (
          <Tag key={unit.unitId} title={unit.lastInspectedOn ? `上次巡察 ${unit.lastInspectedOn}` : '从未巡察'}>
            {unit.unitName}
            <Typography.Text type="secondary"> · {unitKind.labels[unit.kind]}</Typography.Text>
          </Tag>
        ))}
        {block.shortfall > block.atRisk.length && <Typography.Text type="secondary">等 </Typography.Text>}
        <Button type="link" size="small" onClick={onShowAll} data-testid="forecast-show-all">
          查看全部 {block.shortfall} 个
        </Button>
      </div>
    </div>
  );
}

/** The forecast: a warning with the units that cannot be covered in the remaining rounds at the current pace. */
type Props = { forecast: CoverageForecast; onShowAtRisk: (villages: boolean) => void };

export function ForecastAlert({ forecast, onShowAtRisk }: Props) {
  const rounds = `届内剩余 ${forecast.daysLeft} 天，约 ${forecast.remainingRounds} 轮（本届共 ${forecast.roundsInTerm} 轮，已开展 ${forecast.roundsHeld} 轮）`;
  const short = [
    { label: '单位', block: forecast.units, villages: false },
    { label: '村(居)', block: forecast.villages, villages: true },
  ].filter((b) => b.block.shortfall > 0);
  if (short.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        title="按当前进度，届内可实现全覆盖"
        description={rounds}
        data-testid="forecast-alert"
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="forecast-alert"
      title="按当前进度，届内难以实现全覆盖"
      description={
        <Flex vertical>
          <Typography.Text type="secondary">{rounds}</Typography.Text>
          {short.map((b) => (
            <BlockWarning key={b.label} label={b.label} block={b.block} onShowAll={() => onShowAtRisk(b.villages)} />
          ))}
        </Flex>
      }
    />
  );
}
