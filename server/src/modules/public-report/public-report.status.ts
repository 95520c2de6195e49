// A public report's states as a transition table. 受理 (start) and 重新办理 (reopen) are the team's "set
// status"; reply writes the text the reporter reads and may be repeated (to correct or add to it); transfer
// is sent only by a conversion into a 来信来访 record or a 问题线索.
import type { InspectionPhase, PublicReportEvent, PublicReportStatus } from '@xuncha/contracts';

export const publicReportTransitions = {
  received: { start: 'in_progress', reply: 'replied', transfer: 'transferred' },
  in_progress: { reply: 'replied', transfer: 'transferred' },
  replied: { reply: 'replied', reopen: 'in_progress', transfer: 'transferred' },
  // converted into the team's own records: the team may still tell the reporter what became of it
  transferred: { reply: 'transferred' },
} as const satisfies Record<PublicReportStatus, Partial<Record<PublicReportEvent, PublicReportStatus>>>;

export function nextReportStatus(from: PublicReportStatus, event: PublicReportEvent): PublicReportStatus | undefined {
  return (publicReportTransitions[from] as Partial<Record<PublicReportEvent, PublicReportStatus>>)[event];
}

/**
 * 进驻期: the team is on site from 进驻 through 了解情况 (DOMAIN.md §3–§4), the period a 巡察公告 announces.
 * Once it writes its report (报告) or later, or before it arrives (准备), the channel is closed.
 */
export const ON_SITE_PHASES: readonly InspectionPhase[] = ['stationed', 'investigating'];
export const acceptsPublicReports = (phase: InspectionPhase) => ON_SITE_PHASES.includes(phase);
