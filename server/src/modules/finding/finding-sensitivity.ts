// 密级标记 of a finding (等保 安全标记). 内部 (default) and 公开 follow the finding's scope; 敏感 keeps it from the
// inspected unit for good: it is left out of the feedback and of every list the unit sees (the scope's unit
// condition), and goes on by handover instead. So the label is set while the finding is still the team's
// draft, and a 立行立改 finding — already in the unit's hands — cannot become 敏感.
import { FindingDetail, IdParams, SensitivityChange } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { findingScope, isEditable, notEditableMessage } from './finding.policy.ts';
import * as repo from './finding.repository.ts';
import { detail, loadFinding } from './finding.service.ts';

export async function relabelFinding(ctx: RequestContext, id: string, input: SensitivityChange) {
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockFinding(tx, id);
    const row = await loadFinding(tx, ctx.user, id);
    if (!can(ctx.user, 'finding.update', findingScope(row))) throw forbidden('无权调整该问题的密级标记');
    if (!isEditable(row)) throw conflict(notEditableMessage(row));
    if (row.sensitivity === input.sensitivity) throw conflict('问题已是该密级标记');
    if (input.sensitivity === 'sensitive' && row.immediate)
      throw conflict('立行立改问题已交被巡察单位办理，不能标为敏感');
    await tx.updateTable('finding').set({ sensitivity: input.sensitivity }).where('id', '=', id).execute();
    await writeAudit(tx, ctx.actor, {
      action: 'finding.relabel',
      entity: 'finding',
      entityId: id,
      before: { sensitivity: row.sensitivity },
      after: { sensitivity: input.sensitivity },
    });
    return detail(tx, ctx, id);
  });
}

export function findingSensitivityRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/findings/:id/sensitivity',
    {
      config: { permission: 'finding.update' },
      schema: { params: IdParams, body: SensitivityChange, response: { 200: FindingDetail } },
    },
    (req) => relabelFinding(contextOf(deps, req), req.params.id, req.body),
  );
}
