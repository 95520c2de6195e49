import type { ResultsLedgerSummary } from '@xuncha/contracts';

export type LedgerStageKey = keyof ResultsLedgerSummary;
/** The stages in chain order (督办 joins between 移交 and 整改 with issue 6). */
export const LEDGER_STAGES: LedgerStageKey[] = [
  'findings',
  'inApprovedReport',
  'fedBack',
  'handedOver',
  'handoverConcluded',
  'rectified',
];
