// Case rows as the API shows them: derived deadlines and overdue flags, typed codes, abilities.
import type { EvaluationResult, PlanStatus, RectificationCase, RectificationStatus } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import type { CaseClocks } from './rectification.clocks.ts';
import { type CasePlace, rectificationAbilities } from './rectification.policy.ts';
import type { CaseRow } from './rectification.repository.ts';

export const placeOf = (row: CaseRow): CasePlace => ({
  committeeId: row.committeeId,
  unitPath: row.unitPath,
  inspectionId: row.inspectionId,
  status: row.status as RectificationStatus,
});

const SETTLED_PLAN: ReadonlySet<string> = new Set(['submitted', 'approved']);

export function presentCase(row: CaseRow, clocks: CaseClocks, today: string, user: SessionUser): RectificationCase {
  const planStatus = row.planStatus as PlanStatus;
  const open = row.status === 'rectifying';
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    unitId: row.unitId,
    unitName: row.unitName,
    roundId: row.roundId,
    roundName: row.roundName,
    teamName: row.teamName,
    feedbackDate: row.feedbackDate,
    status: row.status as RectificationStatus,
    planStatus,
    planDue: clocks.planDue,
    planOverdue: open && !SETTLED_PLAN.has(planStatus) && clocks.planDue < today,
    reportDue: clocks.reportDue,
    reportSubmitted: row.reportSubmitted,
    reportOverdue: open && !row.reportSubmitted && clocks.reportDue < today,
    findings: Number(row.findings),
    tasksTotal: Number(row.tasksTotal ?? 0),
    tasksClosed: Number(row.tasksClosed ?? 0),
    tasksOverdue: Number(row.tasksOverdue ?? 0),
    tasksReturned: Number(row.tasksReturned ?? 0),
    latestEvaluation:
      row.evaluationResult && row.evaluatedAt
        ? {
            result: row.evaluationResult as EvaluationResult,
            evaluatedAt: row.evaluatedAt,
            remedialDue: row.remedialDue,
          }
        : null,
    signedOffAt: row.signedOffAt,
    abilities: rectificationAbilities(user, placeOf(row)),
  };
}
