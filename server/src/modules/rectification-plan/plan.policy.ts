// Who may do what to a 整改方案, and why not now. Pure: the plan and its lists are loaded by the service.
import { type PlanAbilities, type PlanEvent, type PlanStatus, planStatusLabel } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextPlanStatus, planEditable } from './plan.status.ts';

export interface PlanState {
  status: PlanStatus;
  currentVersion: number;
}

const verbs: Record<PlanEvent, string> = { submit: '报送', approve: '审核通过', return: '退回' };

export function planScope(row: { committeeId: string; unitPath: string; inspectionId: string }): ScopedRecord {
  return { committeeId: row.committeeId, unitPath: row.unitPath, inspectionId: row.inspectionId, ownerUserId: null };
}

/** Why no new version may be saved now (Chinese, for the 409), or null. */
export function writeRefusal(state: PlanState): string | null {
  if (planEditable(state.status)) return null;
  return `整改方案当前状态为“${planStatusLabel[state.status]}”，不能修改`;
}

/** Why the plan may not take this step now, or null. Completeness is checked by the service. */
export function stepRefusal(state: PlanState, event: PlanEvent): string | null {
  if (!nextPlanStatus(state.status, event))
    return `整改方案当前状态为“${planStatusLabel[state.status]}”，不能${verbs[event]}`;
  if (event === 'submit' && state.currentVersion === 0) return '整改方案尚未保存任何版本，不能报送';
  return null;
}

/** The names of findings without tasks, as one Chinese sentence (the 409 of a premature submit). */
export function incompleteMessage(findings: { seq: number; title: string }[]): string {
  const names = findings.map((f) => `问题${f.seq}“${f.title}”`).join('、');
  return `以下问题尚未制定整改任务，不能报送整改方案：${names}`;
}

export function planAbilities(user: SessionUser, scope: ScopedRecord, state: PlanState): PlanAbilities {
  const reviewer = can(user, 'plan.review', scope);
  return {
    write: can(user, 'plan.write', scope) && writeRefusal(state) === null,
    submit: can(user, 'plan.submit', scope) && stepRefusal(state, 'submit') === null,
    approve: reviewer && stepRefusal(state, 'approve') === null,
    return: reviewer && stepRefusal(state, 'return') === null,
  };
}
