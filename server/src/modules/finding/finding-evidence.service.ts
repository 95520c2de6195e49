// Linking a finding to the fieldwork records it rests on (谈话、调阅资料 …), and unlinking with history.
import type { FindingDetail } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { findingScope, isEditable, notEditableMessage } from './finding.policy.ts';
import { lockFinding } from './finding.repository.ts';
import { getFinding, loadFinding } from './finding.service.ts';
import { linkCheckedRecords } from './finding-evidence.links.ts';
import * as repo from './finding-evidence.repository.ts';

async function loadEditable(tx: Db, ctx: RequestContext, findingId: string) {
  await lockFinding(tx, findingId);
  const row = await loadFinding(tx, ctx.user, findingId);
  if (!can(ctx.user, 'finding.update', findingScope(row))) throw forbidden('无权修改该问题的佐证记录');
  if (!isEditable(row)) throw conflict(notEditableMessage(row));
  return row;
}

export async function linkEvidence(
  ctx: RequestContext,
  findingId: string,
  recordIds: string[],
): Promise<FindingDetail> {
  await withTransaction(ctx.db, async (tx) => {
    const row = await loadEditable(tx, ctx, findingId);
    await linkCheckedRecords(tx, ctx, row, recordIds, 'recordIds');
  });
  return getFinding(ctx, findingId);
}

export async function unlinkEvidence(ctx: RequestContext, findingId: string, recordId: string): Promise<FindingDetail> {
  await withTransaction(ctx.db, async (tx) => {
    await loadEditable(tx, ctx, findingId);
    if (!(await repo.unlinkRecord(tx, findingId, recordId, ctx.user.id, ctx.clock.now().toISOString())))
      throw notFound('该问题未关联此记录');
    await writeAudit(tx, ctx.actor, {
      action: 'finding.unlink_evidence',
      entity: 'finding',
      entityId: findingId,
      before: { recordId },
    });
  });
  return getFinding(ctx, findingId);
}
