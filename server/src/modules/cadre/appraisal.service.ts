// 综合鉴定: written once per cadre and team, after the team has reported; 组织部 reads the list.
import type { Appraisal, AppraisalListQuery } from '@xuncha/contracts';
import type { z } from 'zod';
import { exportBatches } from '../../documents/xlsx/export.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import * as repo from './appraisal.repository.ts';
import { mayAppraise } from './cadre.policy.ts';
import { presentAppraisal } from './cadre.present.ts';
import { loadCadre } from './cadre.service.ts';

type ListQuery = z.output<typeof AppraisalListQuery>;
type Filter = Omit<ListQuery, 'page' | 'pageSize'>;

export async function listAppraisals(ctx: RequestContext, query: ListQuery) {
  const { items, total } = await repo.listAppraisals(ctx.db, ctx.user, query, query);
  return pageResult(items.map(presentAppraisal), total, query);
}

export function appraisalRows(ctx: RequestContext, filter: Filter) {
  return exportBatches<Appraisal>(async ({ offset, limit }) =>
    (await repo.appraisalBatch(ctx.db, ctx.user, filter, offset, limit)).map(presentAppraisal),
  );
}

export async function createAppraisal(
  ctx: RequestContext,
  cadreId: string,
  input: { teamId: string; grade: string; comment: string },
): Promise<Appraisal> {
  return withTransaction(ctx.db, async (tx) => {
    const cadre = await loadCadre(tx, ctx.user, cadreId);
    if (!mayAppraise(ctx.user, cadre.committeeId)) throw forbidden('无权作出综合鉴定');
    const team = await repo.membershipForAppraisal(tx, cadre.committeeId, input.teamId, cadreId);
    if (!team) throw notFound('巡察组不存在');
    if (!team.memberId) throw conflict(`${cadre.name}未在${team.name}任职，不能作出鉴定`);
    const duplicate = `已对${cadre.name}在${team.name}的表现作出综合鉴定`;
    if (team.appraised) throw conflict(duplicate);
    if (!team.reported) throw conflict(`${team.name}尚未进入巡察报告阶段，暂不能作出综合鉴定`);
    const id = await insertOrConflict(
      () => repo.insertAppraisal(tx, { ...input, cadreId, by: ctx.user.id, on: shanghaiToday(ctx.clock) }),
      duplicate,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'cadre.appraise',
      entity: 'cadre_appraisal',
      entityId: id,
      after: input,
    });
    const row = await repo.findAppraisal(tx, ctx.user, id);
    if (!row) throw notFound('综合鉴定不存在');
    return presentAppraisal(row);
  });
}
