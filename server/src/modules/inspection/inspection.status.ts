// Inspection phases as a transition table: 准备 → 进驻 → 了解 → 报告 → 反馈 → 整改 → 评估 → 归档.
import type { InspectionEvent, InspectionPhase } from '@xuncha/contracts';

export const inspectionTransitions = {
  preparing: { station: 'stationed' },
  stationed: { investigate: 'investigating' },
  investigating: { report: 'reporting' },
  reporting: { feedback: 'feedback' },
  feedback: { rectify: 'rectifying' },
  rectifying: { evaluate: 'evaluating' },
  evaluating: { archive: 'archived' },
  archived: {},
} as const satisfies Record<InspectionPhase, Partial<Record<InspectionEvent, InspectionPhase>>>;

export function nextPhase(from: InspectionPhase, event: InspectionEvent): InspectionPhase | undefined {
  return (inspectionTransitions[from] as Partial<Record<InspectionEvent, InspectionPhase>>)[event];
}

/** Findings are recorded while the team is on site and while it writes the report. */
export function acceptsFindings(phase: InspectionPhase): boolean {
  return phase === 'stationed' || phase === 'investigating' || phase === 'reporting';
}

/** The unit is being inspected right now (回避: its own cadres may not sit on another team meanwhile). */
export function isUnderInspection(phase: InspectionPhase): boolean {
  return phase === 'stationed' || phase === 'investigating' || phase === 'reporting';
}
