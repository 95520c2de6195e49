// 时限设置: a committee's time limits (按规定时限) as every code with its value and whether it is the default;
// the office changes one at a time, audited with the value before and after.
import {
  DEFAULT_TIME_LIMITS,
  type TimeLimit,
  type TimeLimitCode,
  type TimeLimitUnit,
  type TimeLimitUpdate,
  timeLimitCode,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { findVisibleCommittee } from '../org/committee.repository.ts';
import { committeeTimeLimits, saveTimeLimit, timeLimitOf } from './time-limit.repository.ts';

async function loadCommittee(db: Db, user: SessionUser, id: string) {
  const committee = await findVisibleCommittee(db, user, id);
  if (!committee) throw notFound('派出党委不存在');
  return committee;
}

async function timeLimitsOf(db: Db, committeeId: string): Promise<TimeLimit[]> {
  const own = new Map((await committeeTimeLimits(db, committeeId)).map((row) => [row.code, row]));
  return timeLimitCode.codes.map((code) => {
    const row = own.get(code);
    const value = row ? { amount: row.amount, unit: row.unit as TimeLimitUnit } : DEFAULT_TIME_LIMITS[code];
    return {
      code,
      label: timeLimitCode.labels[code],
      ...value,
      isDefault: row === undefined,
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export async function listTimeLimits(ctx: RequestContext, committeeId: string) {
  await loadCommittee(ctx.db, ctx.user, committeeId);
  return {
    items: await timeLimitsOf(ctx.db, committeeId),
    canManage: can(ctx.user, 'time_limit.manage', committeeRecord(committeeId)),
  };
}

export async function updateTimeLimit(
  ctx: RequestContext,
  committeeId: string,
  code: TimeLimitCode,
  input: TimeLimitUpdate,
) {
  return withTransaction(ctx.db, async (tx) => {
    await loadCommittee(tx, ctx.user, committeeId);
    if (!can(ctx.user, 'time_limit.manage', committeeRecord(committeeId))) throw forbidden('无权设置该党委的时限');
    const before = await timeLimitOf(tx, committeeId, code);
    await saveTimeLimit(tx, { committeeId, code, amount: input.amount, unit: input.unit, by: ctx.user.id });
    await writeAudit(tx, ctx.actor, {
      action: 'time_limit.update',
      entity: 'committee',
      entityId: committeeId,
      before: { code, ...before },
      after: { code, amount: input.amount, unit: input.unit },
    });
    return { items: await timeLimitsOf(tx, committeeId), canManage: true };
  });
}
