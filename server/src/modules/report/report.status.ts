// 巡察报告 states as a transition table: 起草 → 报送 → 审定, or 退回 → (new version) → 报送 again.
import type { ReportEvent, ReportStatus } from '@xuncha/contracts';

export const reportTransitions = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted' },
  approved: {},
} as const satisfies Record<ReportStatus, Partial<Record<ReportEvent, ReportStatus>>>;

export function nextReportStatus(from: ReportStatus, event: ReportEvent): ReportStatus | undefined {
  return (reportTransitions[from] as Partial<Record<ReportEvent, ReportStatus>>)[event];
}

/** A new version may be written while the team holds the text. */
export function reportEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}
