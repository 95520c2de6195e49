// Links a finding to fieldwork records of its own inspection; shared by create and the link endpoint.
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { badRequest } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './finding-evidence.repository.ts';

/**
 * Links records after checking each belongs to the finding's inspection (400 naming the bad entries
 * otherwise). The audit entry holds record ids only: a record's title may name an interviewee.
 */
export async function linkCheckedRecords(
  tx: Tx,
  ctx: RequestContext,
  finding: { id: string; inspectionId: string },
  recordIds: string[],
  field: string,
) {
  const unique = [...new Set(recordIds)];
  const own = await repo.recordsOfInspection(tx, finding.inspectionId, unique);
  const details = recordIds.flatMap((id, index) =>
    own.has(id) ? [] : [{ path: `${field}.${index}`, message: '该记录不属于本巡察的了解情况记录' }],
  );
  if (details.length > 0) throw badRequest('只能关联本巡察的了解情况记录', details);
  const linked = await repo.linkRecords(tx, finding.id, unique, ctx.user.id, ctx.clock.now().toISOString());
  if (linked.length > 0) {
    await writeAudit(tx, ctx.actor, {
      action: 'finding.link_evidence',
      entity: 'finding',
      entityId: finding.id,
      after: { recordIds: linked },
    });
  }
}
