// GET /api/rounds/:id/work-plan.docx: the round's 巡察工作方案 as a 公文, from its teams and targets.
import { type InspectionType, inspectionType, type TeamPost } from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { type WorkPlanTeam, workPlanDocument } from '../../documents/templates/work-plan.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps, RequestContext } from '../../platform/http/context.ts';
import { committeeName } from '../announcement/announcement.repository.ts';
import * as repo from './round.repository.ts';

async function loadRound(ctx: RequestContext, id: string) {
  const round = await repo.findRound(ctx.db, ctx.user, id);
  if (!round) throw notFound('巡察轮次不存在');
  return round;
}

async function buildWorkPlan(ctx: RequestContext, id: string) {
  const round = await loadRound(ctx, id);
  const [committee, teams, members, targets] = await Promise.all([
    committeeName(ctx.db, round.committeeId),
    repo.roundTeams(ctx.db, id),
    repo.roundMembers(ctx.db, id),
    repo.roundTargetSchedule(ctx.db, id),
  ]);
  const targetOf = (t: (typeof targets)[number]) => ({
    unitName: t.unitName,
    typeLabel: inspectionType.labels[t.type as InspectionType],
    startDate: t.startDate,
    endDate: t.endDate,
    phone: t.phone,
    mailbox: t.mailbox,
  });
  const planned: WorkPlanTeam[] = teams.map((team) => ({
    name: team.name,
    members: members.filter((m) => m.teamId === team.id).map((m) => ({ ...m, post: m.post as TeamPost })),
    targets: targets.filter((t) => t.teamId === team.id).map(targetOf),
  }));
  // targets recorded before teams existed carry only a team name; one group per name
  const unassigned = targets.filter((t) => !t.teamId);
  const legacyNames = [...new Set(unassigned.map((t) => t.legacyTeamName))];
  const legacy = legacyNames.map((name) => ({
    name,
    members: [],
    targets: unassigned.filter((t) => t.legacyTeamName === name).map(targetOf),
  }));
  return workPlanDocument({
    committeeName: committee,
    roundName: round.name,
    startDate: round.startDate,
    endDate: round.endDate,
    mobilisedOn: round.mobilisedOn,
    teams: [...planned, ...legacy],
    date: shanghaiToday(ctx.clock),
  });
}

export function roundDocumentRoutes(app: App, deps: AppDeps) {
  registerDocument(app, deps, {
    path: '/api/rounds/:id/work-plan.docx',
    permission: 'round.read',
    fileName: async (ctx, id) => `巡察工作方案_${(await loadRound(ctx, id)).name}.docx`,
    build: (ctx, id) => buildWorkPlan(ctx, id),
  });
}
