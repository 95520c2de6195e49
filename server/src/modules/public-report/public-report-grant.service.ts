// Designating readers of an inspection's public reports: the team leader or the 巡察办主任 grants one user
// (a team member or 巡察办 staff) and revokes the grant later. Every step is audited with ids; the grantee
// is told by an in-app notice, which carries no report content.
import type { PublicReportGrantCreate } from '@xuncha/contracts';
import type { z } from 'zod';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { notify } from '../notification/notify.ts';
import * as grants from './public-report-grant.repository.ts';

async function loadGrantable(tx: Tx, ctx: RequestContext, inspectionId: string) {
  const inspection = await loadInspection(tx, ctx.user, inspectionId);
  if (!can(ctx.user, 'public_report.grant', inspectionScope(inspection)))
    throw forbidden('无权指定该巡察群众举报/意见的查看人员');
  return inspection;
}

async function grantList(tx: Tx, inspectionId: string) {
  return { items: await grants.listGrants(tx, inspectionId) };
}

export function listReaderGrants(ctx: RequestContext, inspectionId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadGrantable(tx, ctx, inspectionId);
    return grantList(tx, inspectionId);
  });
}

export function grantCandidates(ctx: RequestContext, inspectionId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadGrantable(tx, ctx, inspectionId);
    return { items: await grants.candidates(tx, inspectionId, inspection.committeeId) };
  });
}

export function grantReader(ctx: RequestContext, inspectionId: string, input: z.infer<typeof PublicReportGrantCreate>) {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadGrantable(tx, ctx, inspectionId);
    const eligible = await grants.candidates(tx, inspectionId, inspection.committeeId);
    if (!eligible.some((c) => c.userId === input.userId))
      throw badRequest('只能指定本巡察组成员或巡察办工作人员', [
        { path: 'userId', message: '该人员不能被指定为查看人员' },
      ]);
    const id = await insertOrConflict(
      () => grants.insertGrant(tx, { inspectionId, userId: input.userId, by: ctx.user.id }),
      '该人员已是查看人员',
    );
    await writeAudit(tx, ctx.actor, {
      action: 'public_report.grant',
      entity: 'inspection',
      entityId: inspectionId,
      after: { grantId: id, userId: input.userId },
    });
    await notify(tx, [input.userId], {
      kind: 'public_report',
      title: `您被指定为${inspection.unitName}巡察群众举报/意见的查看人员`,
      link: `/public-reports?inspectionId=${inspectionId}`,
      subjectType: 'inspection',
      subjectId: inspectionId,
    });
    return grantList(tx, inspectionId);
  });
}

export function revokeReader(ctx: RequestContext, inspectionId: string, grantId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadGrantable(tx, ctx, inspectionId);
    const grant = await grants.findGrant(tx, inspectionId, grantId);
    if (!grant) throw notFound('授权记录不存在');
    if (grant.revokedAt !== null || !(await grants.revokeGrant(tx, grantId, ctx.user.id)))
      throw conflict('该授权已撤销，不能重复撤销');
    await writeAudit(tx, ctx.actor, {
      action: 'public_report.revoke_grant',
      entity: 'inspection',
      entityId: inspectionId,
      after: { grantId, userId: grant.userId },
    });
    return grantList(tx, inspectionId);
  });
}
