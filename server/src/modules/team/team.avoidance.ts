// 回避 on assignment (DOMAIN.md §2): a cadre joining a team, or a team taking a new target, is checked
// against every target of the team; a conflict refuses the change with the exact reasons unless a
// leader (avoidance.override) approves an exception with a recorded reason.
import type { FieldError } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type AvoidanceConflict, findAvoidanceConflicts } from '../cadre/avoidance.ts';
import { activeMembers, targetUnitsOf, teamById } from './team.repository.ts';

export interface AssignmentCheck {
  committeeId: string;
  cadreIds: string[];
  unitIds: string[];
  crossInspection: boolean;
  override?: { reason: string } | undefined;
}

/** An approved exception: kept on the record and in the audit entry with the conflicts it covers. */
export interface ApprovedOverride {
  reason: string;
  by: string;
  conflicts: AvoidanceConflict[];
}

export function avoidanceConflicts(db: Db, ctx: RequestContext, check: Omit<AssignmentCheck, 'override'>) {
  return findAvoidanceConflicts(db, {
    cadreIds: check.cadreIds,
    unitIds: check.unitIds,
    asOf: shanghaiToday(ctx.clock),
    crossInspection: check.crossInspection,
  });
}

function refusal(conflicts: AvoidanceConflict[]): AppError {
  const details: FieldError[] = conflicts.map((c) => ({ path: 'cadreId', message: c.message }));
  const names = [...new Set(conflicts.map((c) => c.cadreName))].join('、');
  return new AppError(409, 'avoidance', `${names}须回避：${conflicts[0]?.message ?? ''}`, details);
}

/** Throws 409 `avoidance` on conflicts without an override, 403 when the override is not the caller's to give. */
export async function checkAssignment(db: Db, ctx: RequestContext, check: AssignmentCheck) {
  const conflicts = await avoidanceConflicts(db, ctx, check);
  if (conflicts.length === 0) return null;
  if (!check.override) throw refusal(conflicts);
  if (!can(ctx.user, 'avoidance.override', committeeRecord(check.committeeId)))
    throw forbidden('只有巡察工作领导小组领导可以批准回避例外');
  return { reason: check.override.reason, by: ctx.user.id, conflicts } satisfies ApprovedOverride;
}

/**
 * A team takes new targets (create, PATCH or 一托N batch): the team must be of the same round, and all
 * its current members are checked against the new targets (交叉 when any target of the team is).
 */
export async function checkTeamForTargets(
  db: Db,
  ctx: RequestContext,
  input: {
    teamId: string;
    roundId: string;
    unitIds: string[];
    cross: boolean;
    override?: { reason: string } | undefined;
  },
) {
  const team = await teamById(db, input.teamId);
  if (!team || team.roundId !== input.roundId)
    throw badRequest('巡察组不属于该轮次', [{ path: 'teamId', message: '巡察组不属于该轮次' }]);
  const members = await activeMembers(db, team.id);
  const existing = await targetUnitsOf(db, team.id);
  const approved = await checkAssignment(db, ctx, {
    committeeId: team.committeeId,
    cadreIds: members.map((m) => m.cadreId),
    unitIds: input.unitIds,
    crossInspection: input.cross || existing.cross,
    override: input.override,
  });
  return { team, approved };
}
