import type { Round, RoundCreate, RoundDetail, RoundListQuery, RoundUpdate } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { findCommittee } from '../org/org.repository.ts';
import * as repo from './round.repository.ts';
import { committeeShortName, suggestRoundName } from './round-name.ts';

export async function listRounds(ctx: RequestContext, query: z.output<typeof RoundListQuery>) {
  const { items, total } = await repo.listRounds(ctx.db, ctx.user, query);
  return pageResult(items, total, query);
}

async function loadRound(db: Db, ctx: RequestContext, id: string) {
  const round = await repo.findRound(db, ctx.user, id);
  if (!round) throw notFound('巡察轮次不存在');
  return round;
}

export async function getRound(ctx: RequestContext, id: string): Promise<RoundDetail> {
  const round = await loadRound(ctx.db, ctx, id);
  const [teams, targets] = await Promise.all([repo.roundTeams(ctx.db, id), repo.roundTargets(ctx.db, id)]);
  const scope = committeeRecord(round.committeeId);
  return {
    ...round,
    teams,
    targets: targets.map((t) => ({
      ...t,
      type: t.type as RoundDetail['targets'][number]['type'],
      phase: t.phase as RoundDetail['targets'][number]['phase'],
    })),
    abilities: {
      update: can(ctx.user, 'round.update', scope),
      createTeam: can(ctx.user, 'team.manage', scope),
      createInspection: can(ctx.user, 'inspection.create', scope),
    },
  };
}

/** The next round of the committee: this year, the next number, named after the last round. */
export async function suggestRound(ctx: RequestContext, committeeId: string) {
  const committee = await findCommittee(ctx.db, ctx.user, committeeId, 'round.read');
  if (!committee) throw notFound('派出党委不存在');
  const latest = await repo.latestRound(ctx.db, committee.id);
  const names = await ctx.db
    .selectFrom('committee')
    .select(['level', 'short_name'])
    .where('id', '=', committee.id)
    .executeTakeFirstOrThrow();
  const seq = (latest?.seq ?? 0) + 1;
  const year = Number(shanghaiToday(ctx.clock).slice(0, 4));
  // the short name the office set for its committee, else the one its level implies
  const shortName = names.short_name ?? committeeShortName(names.level);
  return { name: suggestRoundName(latest?.name, seq, shortName), year, seq };
}

export async function createRound(ctx: RequestContext, input: RoundCreate): Promise<Round> {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await findCommittee(tx, ctx.user, input.committeeId, 'round.read');
    if (!committee) throw notFound('派出党委不存在');
    if (!can(ctx.user, 'round.create', committeeRecord(committee.id))) throw forbidden('无权为该党委安排巡察轮次');
    const duplicate = `${input.year} 年第 ${input.seq} 轮巡察已存在`;
    if (await repo.roundExists(tx, committee.id, input.year, input.seq)) throw conflict(duplicate);
    // the check above answers the common case; the unique constraint settles concurrent duplicates
    const id = await insertOrConflict(() => repo.insertRound(tx, { ...input, committeeId: committee.id }), duplicate);
    await writeAudit(tx, ctx.actor, { action: 'round.create', entity: 'round', entityId: id, after: input });
    return loadRound(tx, ctx, id);
  });
}

export async function updateRound(ctx: RequestContext, id: string, input: RoundUpdate): Promise<Round> {
  return withTransaction(ctx.db, async (tx) => {
    const round = await loadRound(tx, ctx, id);
    if (!can(ctx.user, 'round.update', committeeRecord(round.committeeId))) throw forbidden('无权修改该巡察轮次');
    const next = {
      name: input.name ?? round.name,
      startDate: input.startDate ?? round.startDate,
      endDate: input.endDate ?? round.endDate,
      mobilisedOn: input.mobilisedOn === undefined ? round.mobilisedOn : input.mobilisedOn,
    };
    if (next.startDate > next.endDate)
      throw badRequest('结束日期不能早于开始日期', [{ path: 'endDate', message: '结束日期不能早于开始日期' }]);
    const outside = await repo.startedInspectionOutside(tx, id, next.startDate, next.endDate);
    if (outside) throw conflict(`${outside.unitName}的巡察已进驻，轮次时间不能改为不包含其巡察期间`);
    await repo.updateRound(tx, id, next);
    const { inspectionCount: _i, teamCount: _t, ...before } = round;
    await writeAudit(tx, ctx.actor, { action: 'round.update', entity: 'round', entityId: id, before, after: next });
    return loadRound(tx, ctx, id);
  });
}
