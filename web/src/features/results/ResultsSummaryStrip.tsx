import { type ResultsLedgerSummary, resultsStageLabel } from '@xuncha/contracts';
import { Card, Flex, Statistic } from 'antd';
import type { LedgerStageKey } from './stages.ts';
import { LEDGER_STAGES } from './stages.ts';

type Props = { summary: ResultsLedgerSummary | undefined; loading: boolean };

/** The funnel as a strip of numbers: how many of the listed findings reached each stage of the chain. */
export function ResultsSummaryStrip({ summary, loading }: Props) {
  const share = (key: LedgerStageKey) =>
    summary && summary.findings > 0 ? `${Math.round((summary[key] * 100) / summary.findings)}%` : '';
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="results-summary">
      {LEDGER_STAGES.map((key) => (
        <Card key={key} size="small" style={{ minWidth: 150, flex: 1 }}>
          <Statistic
            title={resultsStageLabel[key]}
            value={summary?.[key] ?? '—'}
            loading={loading}
            suffix={key === 'findings' ? '个' : <span style={{ fontSize: 12, color: '#888' }}>{share(key)}</span>}
          />
        </Card>
      ))}
    </Flex>
  );
}
