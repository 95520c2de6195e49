// Inspection phases as a transition table: 准备 → 进驻 → 报告 → (反馈意见) → 整改.
import type { InspectionEvent, InspectionPhase } from '@xuncha/contracts';

export const inspectionTransitions = {
  preparing: { station: 'stationed' },
  stationed: { report: 'reporting' },
  reporting: { feedback: 'rectifying' },
  rectifying: {},
} as const satisfies Record<InspectionPhase, Partial<Record<InspectionEvent, InspectionPhase>>>;

export function nextPhase(from: InspectionPhase, event: InspectionEvent): InspectionPhase | undefined {
  return (inspectionTransitions[from] as Partial<Record<InspectionEvent, InspectionPhase>>)[event];
}

/** Findings are recorded while the team is on site and while it writes the report. */
export function acceptsFindings(phase: InspectionPhase): boolean {
  return phase === 'stationed' || phase === 'reporting';
}
