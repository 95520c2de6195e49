// Teams of a round: create, rename, list, and the detail page (members with posts, pledge and
// override, and the team's targets).
import type { TeamDetail, TeamListQuery, TeamPost } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { findRound } from '../round/round.repository.ts';
import * as repo from './team.repository.ts';

export async function listTeams(ctx: RequestContext, query: z.output<typeof TeamListQuery>) {
  const { items, total } = await repo.listTeams(ctx.db, ctx.user, query);
  return pageResult(items, total, query);
}

export async function loadTeam(db: Db, ctx: RequestContext, id: string) {
  const team = await repo.findTeam(db, ctx.user, id);
  if (!team) throw notFound('巡察组不存在');
  return team;
}

/** Loaded and checked for team.manage on its committee (404 out of scope, 403 without the permission). */
export async function loadManagedTeam(db: Db, ctx: RequestContext, id: string) {
  const team = await loadTeam(db, ctx, id);
  if (!can(ctx.user, 'team.manage', committeeRecord(team.committeeId))) throw forbidden('无权管理该巡察组');
  return team;
}

function presentTeam({ roundStart: _s, roundEnd: _e, ...team }: repo.TeamRow) {
  return team;
}

export async function getTeam(ctx: RequestContext, id: string): Promise<TeamDetail> {
  const team = await loadTeam(ctx.db, ctx, id);
  const [members, targets] = await Promise.all([repo.teamMembers(ctx.db, id), repo.teamTargets(ctx.db, id)]);
  const scope = committeeRecord(team.committeeId);
  return {
    ...presentTeam(team),
    members: members.map((m) => ({ ...m, post: m.post as TeamPost })),
    targets: targets.map((t) => ({
      ...t,
      type: t.type as TeamDetail['targets'][number]['type'],
      phase: t.phase as TeamDetail['targets'][number]['phase'],
    })),
    abilities: { manage: can(ctx.user, 'team.manage', scope), override: can(ctx.user, 'avoidance.override', scope) },
  };
}

const duplicateName = (name: string) => `本轮次已有名为“${name}”的巡察组`;

export async function createTeam(ctx: RequestContext, roundId: string, input: { name: string }) {
  return withTransaction(ctx.db, async (tx) => {
    const round = await findRound(tx, ctx.user, roundId);
    if (!round) throw notFound('巡察轮次不存在');
    if (!can(ctx.user, 'team.manage', committeeRecord(round.committeeId))) throw forbidden('无权组建巡察组');
    const id = await insertOrConflict(
      () => repo.insertTeam(tx, { committeeId: round.committeeId, roundId, name: input.name }),
      duplicateName(input.name),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'team.create',
      entity: 'team',
      entityId: id,
      after: { roundId, ...input },
    });
    return presentTeam(await loadTeam(tx, ctx, id));
  });
}

export async function renameTeam(ctx: RequestContext, id: string, input: { name: string }) {
  return withTransaction(ctx.db, async (tx) => {
    const team = await loadManagedTeam(tx, ctx, id);
    await insertOrConflict(() => repo.renameTeam(tx, id, input.name), duplicateName(input.name));
    await writeAudit(tx, ctx.actor, {
      action: 'team.update',
      entity: 'team',
      entityId: id,
      before: { name: team.name },
      after: input,
    });
    return presentTeam(await loadTeam(tx, ctx, id));
  });
}
