// Members of a team: joining (with the 回避 check against every target of the team), leaving, and the
// 八个严禁 pledge that opens the team's inspections to the member.
import { PLEDGE_ITEMS, PLEDGE_TITLE, type TeamMemberAdd, type TeamPost } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { avoidanceConflicts, checkAssignment } from './team.avoidance.ts';
import { grantMember, revokeMember } from './team.grants.ts';
import * as repo from './team.repository.ts';
import { loadManagedTeam, loadTeam } from './team.service.ts';

const cadreError = (message: string) => badRequest(message, [{ path: 'cadreId', message }]);

export async function addMember(ctx: RequestContext, teamId: string, input: TeamMemberAdd) {
  return withTransaction(ctx.db, async (tx) => {
    const team = await loadManagedTeam(tx, ctx, teamId);
    const cadre = await repo.cadreOfCommittee(tx, team.committeeId, input.cadreId);
    if (!cadre) throw cadreError('人才库中没有该干部');
    if (!cadre.active) throw cadreError(`${cadre.name}已不在人才库中使用，不能加入巡察组`);
    if (await repo.isThreeAdmin(tx, cadre.userId))
      throw cadreError(`${cadre.name}是系统管理、安全管理或安全审计员，不能加入巡察组`);
    const members = await repo.activeMembers(tx, teamId);
    if (members.some((m) => m.cadreId === cadre.id)) throw conflict(`${cadre.name}已是本组成员`);
    if (input.post === 'leader' && members.some((m) => m.post === 'leader')) throw conflict('本组已有组长');
    if (input.isBranchSecretary && members.some((m) => m.isBranchSecretary)) throw conflict('本组已有临时党支部书记');
    const busy = await repo.overlappingMembership(tx, cadre.id, teamId, team.roundStart, team.roundEnd);
    if (busy) throw conflict(`${cadre.name}已在${busy.roundName}${busy.teamName}，两轮时间重叠`);
    const targets = await repo.targetUnitsOf(tx, teamId);
    const approved = await checkAssignment(tx, ctx, {
      committeeId: team.committeeId,
      cadreIds: [cadre.id],
      unitIds: targets.unitIds,
      crossInspection: targets.cross,
      override: input.override,
    });
    const override = approved ? { reason: approved.reason, by: approved.by } : null;
    // a member who left earlier cannot rejoin the same team: the history row stays as it was
    const id = await insertOrConflict(
      () =>
        repo.insertMember(tx, {
          teamId,
          cadreId: cadre.id,
          post: input.post,
          isBranchSecretary: input.isBranchSecretary,
          override,
        }),
      `${cadre.name}曾是本组成员，不能再次加入`,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'team.member.add',
      entity: 'team_member',
      entityId: id,
      after: {
        teamId,
        ...input,
        override: approved ? { reason: approved.reason, conflicts: approved.conflicts } : undefined,
      },
    });
    return { id };
  });
}

/** The conflicts the cadre would have on this team, for the warning shown before saving. */
export async function previewAvoidance(ctx: RequestContext, teamId: string, cadreId: string) {
  const team = await loadTeam(ctx.db, ctx, teamId);
  const cadre = await repo.cadreOfCommittee(ctx.db, team.committeeId, cadreId);
  if (!cadre) throw cadreError('人才库中没有该干部');
  const targets = await repo.targetUnitsOf(ctx.db, teamId);
  const items = await avoidanceConflicts(ctx.db, ctx, {
    committeeId: team.committeeId,
    cadreIds: [cadre.id],
    unitIds: targets.unitIds,
    crossInspection: targets.cross,
  });
  return { items };
}

export async function leaveTeam(ctx: RequestContext, memberId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const member = await repo.memberById(tx, memberId);
    if (!member) throw notFound('巡察组成员不存在');
    await loadManagedTeam(tx, ctx, member.teamId);
    if (!(await repo.markLeft(tx, memberId, ctx.clock.now().toISOString()))) throw conflict('该成员已离组');
    await revokeMember(tx, member.userId, member.teamId);
    await writeAudit(tx, ctx.actor, {
      action: 'team.member.leave',
      entity: 'team_member',
      entityId: memberId,
      before: { post: member.post },
    });
    return { id: memberId };
  });
}

/** Only the member's own account pledges; the grants on the team's inspections follow at once. */
export async function pledge(ctx: RequestContext, memberId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const member = await repo.memberById(tx, memberId);
    // someone else's membership is not theirs to see
    if (!member || member.userId !== ctx.user.id) throw notFound('巡察组成员不存在');
    if (member.leftAt) throw conflict('已离组，无需承诺');
    if (!(await repo.markPledged(tx, memberId, ctx.clock.now().toISOString()))) throw conflict('已签署“八个严禁”承诺');
    await grantMember(tx, member);
    await writeAudit(tx, ctx.actor, {
      action: 'team.member.pledge',
      entity: 'team_member',
      entityId: memberId,
      after: { title: PLEDGE_TITLE },
    });
    return { id: memberId };
  });
}

export async function myMemberships(ctx: RequestContext) {
  const items = await repo.membershipsOfUser(ctx.db, ctx.user.id);
  return {
    items: items.map((m) => ({ ...m, post: m.post as TeamPost })),
    pledge: { title: PLEDGE_TITLE, items: [...PLEDGE_ITEMS] },
  };
}
