// Role × scope grants, assigned by the 安全管理员 (三员分立: the 系统管理员 creates accounts but grants nothing).
// A 安全管理员 never changes their own roles; the 三员 rule is checked here (clear 409) and by 0014's trigger.
import type { RoleGrantCreate } from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { separationConflict } from './separation.ts';
import * as repo from './user-admin.repository.ts';
import { loadAccount, present } from './user-admin.service.ts';

/** SQLSTATE raised by the 三员 trigger of 0014 (a concurrent grant that slipped past the service check). */
const SEPARATION_VIOLATION = 'XS001';

const badScope = (message: string) => badRequest(message, [{ path: 'scopeId', message }]);

function refuseOwnRoles(ctx: RequestContext, userId: string) {
  if (ctx.user.id === userId) throw forbidden('安全管理员不能修改自己的角色');
}

async function checkScope(tx: Tx, ctx: RequestContext, input: RoleGrantCreate) {
  const role = await repo.roleScopeKinds(tx, input.role);
  if (!role?.scopeKinds.includes(input.scopeKind)) {
    throw badRequest('该角色不能按此范围授予', [{ path: 'scopeKind', message: '该角色不能按此范围授予' }]);
  }
  if (input.scopeKind === 'self') {
    if (input.scopeId !== null) throw badScope('“仅本人”范围不需要指定范围对象');
    return;
  }
  if (input.scopeId === null) throw badScope('请选择授权范围');
  const committeeId = await repo.committeeOfScope(tx, input.scopeKind, input.scopeId);
  // a scope in a committee this 安全管理员 does not administer is reported as missing, not as forbidden
  if (!committeeId || !can(ctx.user, 'role.assign', committeeRecord(committeeId))) throw badScope('授权范围不存在');
}

async function insertChecked(tx: Tx, userId: string, input: RoleGrantCreate) {
  try {
    return await repo.insertGrant(tx, {
      user_id: userId,
      role_code: input.role,
      scope_kind: input.scopeKind,
      scope_id: input.scopeId,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该账号已有此角色和范围的授权');
    if ((error as { code?: unknown }).code === SEPARATION_VIOLATION)
      throw conflict('三员分立：该授权与账号已有角色冲突');
    throw error;
  }
}

const roleList = async (tx: Tx, userId: string) => (await repo.rolesHeld(tx, userId)).map((r) => r.role_code).sort();

export async function grantRole(ctx: RequestContext, userId: string, input: RoleGrantCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const account = await loadAccount(tx, ctx, userId, 'role.assign');
    refuseOwnRoles(ctx, userId);
    if (!account.active) throw conflict('该账号已停用，不能授予角色');
    await checkScope(tx, ctx, input);
    const before = await roleList(tx, userId);
    const refusal = separationConflict(before, input.role);
    if (refusal) throw conflict(refusal);
    const grantId = await insertChecked(tx, userId, input);
    await writeAudit(tx, ctx.actor, {
      action: 'user_role.grant',
      entity: 'user_role',
      entityId: grantId,
      before: { userId, roles: before },
      after: { userId, roles: await roleList(tx, userId), grant: input },
    });
    return present(await loadAccount(tx, ctx, userId, 'role.assign'));
  });
}

export async function revokeRole(ctx: RequestContext, userId: string, grantId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await loadAccount(tx, ctx, userId, 'role.assign');
    refuseOwnRoles(ctx, userId);
    const grant = await repo.findGrant(tx, userId, grantId);
    if (!grant) throw notFound('该授权不存在');
    const before = await roleList(tx, userId);
    if (!(await repo.deleteGrant(tx, grantId))) throw conflict('该授权已被撤销，请刷新后重试');
    await writeAudit(tx, ctx.actor, {
      action: 'user_role.revoke',
      entity: 'user_role',
      entityId: grantId,
      before: { userId, roles: before, grant },
      after: { userId, roles: await roleList(tx, userId) },
    });
    return present(await loadAccount(tx, ctx, userId, 'role.assign'));
  });
}
