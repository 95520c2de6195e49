// Need-to-know beyond the defaults: the team leader or the 巡察办主任 grants one clue to one team member
// (and revokes it), and the team leader may see who reported it, giving a reason. Each step is audited
// with ids and the reason only; the identity itself never enters the audit log.
import type { ClueGrant, ClueGrantCreate, Whistleblower } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { openJson } from '../../platform/crypto/sealed.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { WhistleblowerIdentity } from './clue.content.ts';
import { clueScope } from './clue.policy.ts';
import * as repo from './clue.repository.ts';
import { loadReadable } from './clue.service.ts';
import * as grants from './clue-grant.repository.ts';

/** The clue, readable and grantable by this user (404 / 403 otherwise). */
async function loadGrantable(tx: Tx, ctx: RequestContext, clueId: string) {
  const row = await loadReadable(tx, ctx.user, clueId);
  if (!can(ctx.user, 'clue.grant', clueScope(row))) throw forbidden('无权管理该线索的查看授权');
  return row;
}

async function grantList(tx: Tx, clueId: string): Promise<{ items: ClueGrant[] }> {
  const rows = await grants.listGrants(tx, clueId);
  return { items: rows.map((r) => ({ ...r, active: r.revokedAt === null })) };
}

export function listClueGrants(ctx: RequestContext, clueId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadGrantable(tx, ctx, clueId);
    return grantList(tx, clueId);
  });
}

export function grantCandidates(ctx: RequestContext, clueId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadGrantable(tx, ctx, clueId);
    return { items: await grants.teamMembers(tx, row.inspectionId) };
  });
}

export function grantClue(ctx: RequestContext, clueId: string, input: ClueGrantCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadGrantable(tx, ctx, clueId);
    if (!(await grants.isTeamMember(tx, row.inspectionId, input.userId)))
      throw badRequest('只能授权给本巡察组成员', [{ path: 'userId', message: '该人员不是本巡察组成员' }]);
    const id = await insertOrConflict(
      () => grants.insertGrant(tx, { clueId, userId: input.userId, reason: input.reason, by: ctx.user.id }),
      '该人员已获授权查看此线索',
    );
    await writeAudit(tx, ctx.actor, {
      action: 'clue.grant',
      entity: 'clue',
      entityId: clueId,
      after: { grantId: id, userId: input.userId },
    });
    return grantList(tx, clueId);
  });
}

export function revokeClueGrant(ctx: RequestContext, clueId: string, grantId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadGrantable(tx, ctx, clueId);
    const grant = await grants.findGrant(tx, clueId, grantId);
    if (!grant) throw notFound('授权记录不存在');
    if (grant.revokedAt !== null || !(await grants.revokeGrant(tx, grantId, ctx.user.id)))
      throw conflict('该授权已撤销，不能重复撤销');
    await writeAudit(tx, ctx.actor, {
      action: 'clue.revoke_grant',
      entity: 'clue',
      entityId: clueId,
      after: { grantId, userId: grant.userId },
    });
    return grantList(tx, clueId);
  });
}

export function revealWhistleblower(ctx: RequestContext, clueId: string, reason: string): Promise<Whistleblower> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadReadable(tx, ctx.user, clueId);
    if (!can(ctx.user, 'clue.reveal_whistleblower', clueScope(row))) throw forbidden('无权查看反映人身份');
    const { sealed } = await repo.readSealedWhistleblower(tx, clueId);
    if (sealed === null) throw conflict('该线索未登记反映人（匿名或来源于其他渠道）');
    const identity = openJson<WhistleblowerIdentity>(keyringFor(ctx.config), sealed);
    await writeAudit(tx, ctx.actor, {
      action: 'clue.reveal_whistleblower',
      entity: 'clue',
      entityId: clueId,
      after: { reason },
    });
    return identity;
  });
}
