// 立行立改 (DOMAIN.md §5): a finding flagged 八项规定/"四风" gets an immediate task for the unit, due within
// the committee's short time limit, tracked before the feedback. Runs inside the finding's transaction.
import type { ImmediateTaskDefaults, ImmediateTaskInput } from '@xuncha/contracts';
import type { z } from 'zod';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { ensureOwnerRole, insertEvent, insertTask } from '../task/task.repository.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import { markImmediate } from './finding.repository.ts';
import * as repo from './finding-immediate.repository.ts';

type Candidate = Awaited<ReturnType<typeof repo.ownerCandidates>>[number];

const rank = (role: string) => repo.OWNER_ROLES.indexOf(role as (typeof repo.OWNER_ROLES)[number]);

/** One entry per person, with the most telling of their roles (liaison before head before owner). */
function distinctOwners(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.id);
    if (!seen || rank(c.role) < rank(seen.role)) best.set(c.id, c);
  }
  return [...best.values()];
}

/** The unit's own 整改联络员, else its 主要负责人: the people who answer for the unit during the inspection. */
function defaultOwner(candidates: Candidate[], unitId: string): Candidate | undefined {
  for (const role of ['unit_liaison', 'unit_head']) {
    const match = candidates.find((c) => c.role === role && c.unitId === unitId);
    if (match) return match;
  }
  return undefined;
}

async function dueDateOf(db: Db, ctx: RequestContext, committeeId: string) {
  return deadlineFor(db, committeeId, 'immediate_task', shanghaiToday(ctx.clock));
}

export interface ImmediateTarget {
  id: string;
  title: string;
  committeeId: string;
  inspectionId: string;
  unitId: string;
  unitPath: string;
}

export async function createImmediateTask(
  tx: Tx,
  ctx: RequestContext,
  finding: ImmediateTarget,
  input: ImmediateTaskInput | undefined,
): Promise<string> {
  if (!input) {
    throw badRequest('八项规定和“四风”问题须立行立改，请填写整改要求', [
      { path: 'immediate.requirement', message: '请填写立行立改整改要求' },
    ]);
  }
  const candidates = await repo.ownerCandidates(tx, finding.unitPath);
  const owner = input.ownerUserId
    ? candidates.find((c) => c.id === input.ownerUserId)
    : defaultOwner(candidates, finding.unitId);
  if (input.ownerUserId && !owner) {
    const message = '责任人必须是该单位的整改联络员、主要负责人或整改责任人';
    throw badRequest(message, [{ path: 'immediate.ownerUserId', message }]);
  }
  if (!owner) throw conflict('该单位尚无整改联络员或主要负责人账号，请先指定责任人');
  const unit = await repo.unitNames(tx, finding.unitId);
  const dueDate = await dueDateOf(tx, ctx, finding.committeeId);
  const at = ctx.clock.now().toISOString();
  const taskId = await insertTask(tx, {
    committeeId: finding.committeeId,
    unitId: finding.unitId,
    inspectionId: finding.inspectionId,
    findingId: finding.id,
    title: `立行立改：${finding.title}`,
    measures: input.requirement,
    // a unit without a recorded head: the owner answers for it, rather than an empty 责任领导
    responsibleLeader: input.responsibleLeader || unit.headName || owner.displayName,
    responsibleDepartment: input.responsibleDepartment || unit.name,
    ownerUserId: owner.id,
    dueDate,
    longTerm: false,
    immediate: true,
    at,
  });
  await ensureOwnerRole(tx, owner.id);
  await insertEvent(tx, { taskId, event: 'create', from: null, to: 'open', actorId: ctx.user.id, reason: null, at });
  await markImmediate(tx, finding.id);
  await writeAudit(tx, ctx.actor, {
    action: 'task.create',
    entity: 'task',
    entityId: taskId,
    after: { findingId: finding.id, immediate: true, ownerUserId: owner.id, dueDate },
  });
  return taskId;
}

/** What the 立行立改 section of the finding form offers: eligible owners, the default one, the due date. */
export async function immediateTaskDefaults(
  ctx: RequestContext,
  inspectionId: string,
): Promise<z.infer<typeof ImmediateTaskDefaults>> {
  const inspection = await loadInspection(ctx.db, ctx.user, inspectionId);
  if (!can(ctx.user, 'finding.create', inspectionScope(inspection))) throw forbidden('无权为该巡察登记问题');
  const [candidates, unit, dueDate] = await Promise.all([
    repo.ownerCandidates(ctx.db, inspection.unitPath),
    repo.unitNames(ctx.db, inspection.unitId),
    dueDateOf(ctx.db, ctx, inspection.committeeId),
  ]);
  return {
    owners: distinctOwners(candidates).map(({ id, displayName, role }) => ({ id, displayName, role })),
    defaultOwnerId: defaultOwner(candidates, inspection.unitId)?.id ?? null,
    responsibleLeader: unit.headName,
    responsibleDepartment: unit.name,
    dueDate,
  };
}
