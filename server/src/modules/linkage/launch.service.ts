// 提级/交叉 launched from the linkage page: the inspection is created by the inspection module's own use case
// (its type rules, duplicate check and 回避 check are not repeated here), in the same transaction as the notice
// to the lower committee's office and the audit entry of the launch. The lower committee then finds the
// inspection in 上级在本地区开展的巡察.
import type {
  Inspection,
  InspectionPhase,
  InspectionType,
  LinkageLaunch,
  LinkageLaunchOptions,
  LinkageUnitQuery,
  UpperInspectionQuery,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { createInspectionIn } from '../inspection/inspection-planning.service.ts';
import { notify } from '../notification/notify.ts';
import { isBelowAny } from './committees.repository.ts';
import { officeUsers } from './guidance.repository.ts';
import * as repo from './launch.repository.ts';
import { ownCommittee } from './linkage.access.ts';
import { LAUNCH_NOTICE_KIND } from './linkage.notices.ts';

const TYPE_LABEL = { elevated: '提级巡察', cross: '交叉巡察' } as const;

export async function launchOptions(ctx: RequestContext, committeeId?: string): Promise<LinkageLaunchOptions> {
  const id = ownCommittee(ctx.user, 'inspection.launch_lower', committeeId);
  const [rounds, lowerCommittees] = await Promise.all([
    repo.recentRounds(ctx.db, id),
    repo.committeesBelow(ctx.db, id),
  ]);
  return { committeeId: id, rounds, lowerCommittees };
}

export async function lowerUnits(ctx: RequestContext, query: LinkageUnitQuery) {
  const id = ownCommittee(ctx.user, 'inspection.launch_lower', query.committeeId);
  const { items, total } = await repo.unitsBelow(ctx.db, id, query);
  return pageResult(items, total, query);
}

export async function launch(ctx: RequestContext, input: LinkageLaunch): Promise<Inspection> {
  const round = await ctx.db
    .selectFrom('round')
    .select(['committee_id as committeeId'])
    .where('id', '=', input.roundId)
    .executeTakeFirst();
  if (!round || !can(ctx.user, 'inspection.launch_lower', committeeRecord(round.committeeId)))
    throw notFound('巡察轮次不存在');
  const unit = await repo.unitCommittee(ctx.db, input.unitId);
  if (!unit || !(await isBelowAny(ctx.db, [round.committeeId], unit.committeeId)))
    throw badRequest('请选择下级党委管辖的单位', [{ path: 'unitId', message: '请选择下级党委管辖的单位' }]);
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await createInspectionIn(tx, ctx, input);
    const notified = await notify(tx, await officeUsers(tx, [unit.committeeId]), {
      kind: LAUNCH_NOTICE_KIND,
      title: `上级党委将对${unit.name}开展${TYPE_LABEL[input.type]}`,
      body: `${inspection.roundName}，${input.startDate} 至 ${input.endDate}`,
      link: '/linkage?tab=upper',
      subjectType: 'inspection',
      subjectId: inspection.id,
      dedupeKey: `linkage-launch:${inspection.id}`,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'inspection.launch_lower',
      entity: 'inspection',
      entityId: inspection.id,
      after: { type: input.type, unitId: input.unitId, lowerCommitteeId: unit.committeeId, notified },
    });
    return inspection;
  });
}

export async function upperInspectionsHere(ctx: RequestContext, query: UpperInspectionQuery) {
  const id = ownCommittee(ctx.user, 'linkage.read', query.committeeId);
  const { items, total } = await repo.upperInspections(ctx.db, id, query);
  const typed = items.map((r) => ({ ...r, type: r.type as InspectionType, phase: r.phase as InspectionPhase }));
  return pageResult(typed, total, query);
}
