// The unit keeps four ledger fields per finding (完成情况, 是否常态化坚持, 是否集中整改期内完成, 是否重点关注).
// They are the unit's own account, so only a fed-back finding has them, and every change is audited.
import type { FindingLedger, FindingLedgerInput } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type FindingState, findingScope } from './finding.policy.ts';
import { isFedBack, loadFinding } from './finding.service.ts';
import { ledgerOf, updateLedger } from './finding-ledger.repository.ts';

export function findingLedgerAbilities(user: SessionUser, row: Omit<FindingState, 'inspectionPhase'>) {
  const scope = findingScope({ ...row, inspectionPhase: '' });
  return {
    ledger: row.status === 'fed_back' && can(user, 'finding.ledger', scope),
    createTask: row.status === 'fed_back' && can(user, 'task.create', scope),
  };
}

function present(row: Awaited<ReturnType<typeof ledgerOf>>): FindingLedger {
  return { ...row, completion: row.completion as FindingLedger['completion'] };
}

/** Checks and writes one finding's ledger fields inside the caller's transaction (also used by the import). */
export async function writeFindingLedger(
  db: Db,
  ctx: RequestContext,
  findingId: string,
  input: FindingLedgerInput,
): Promise<{ before: FindingLedger; after: FindingLedger }> {
  const before = present(await ledgerOf(db, findingId));
  const at = ctx.clock.now().toISOString();
  await updateLedger(db, findingId, input, at);
  return { before, after: present(await ledgerOf(db, findingId)) };
}

export async function updateFindingLedger(
  ctx: RequestContext,
  findingId: string,
  input: FindingLedgerInput,
): Promise<FindingLedger> {
  return withTransaction(ctx.db, async (tx) => {
    await tx.selectFrom('finding').select('id').where('id', '=', findingId).forUpdate().execute();
    const finding = await loadFinding(tx, ctx.user, findingId);
    if (!can(ctx.user, 'finding.ledger', findingScope(finding))) throw forbidden('无权填写该问题的整改台账');
    if (!isFedBack(finding)) throw conflict('问题尚未反馈，还没有整改台账');
    const { before, after } = await writeFindingLedger(tx, ctx, findingId, input);
    await writeAudit(tx, ctx.actor, {
      action: 'finding.ledger',
      entity: 'finding',
      entityId: findingId,
      before,
      after,
    });
    return after;
  });
}
