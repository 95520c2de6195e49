// User accounts, administered by the 系统管理员 (三员分立: roles are the 安全管理员's, role-assign.service.ts).
// Every change is audited with before/after in the same transaction; deactivation and password resets end
// the account's sessions.
import type {
  AdminUser,
  AdminUserCreate,
  AdminUserQuery,
  AdminUserUpdate,
  PasswordReset,
  Permission,
} from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { setPassword } from '../../platform/auth/password-policy.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { AppError, badRequest, conflict, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { findCommittee, findUnitInCommittee } from '../org/org.repository.ts';
import * as repo from './user-admin.repository.ts';

export function present(row: repo.AccountRow): AdminUser {
  return { ...row, grants: row.grants };
}

/** What the audit log keeps of an account: never a password or its hash. */
const auditView = (row: repo.AccountRow) => ({
  username: row.username,
  displayName: row.displayName,
  unitId: row.unitId,
  active: row.active,
});

export async function loadAccount(db: Db | Tx, ctx: RequestContext, id: string, permission: Permission) {
  const row = await repo.findAccount(db, ctx.user, id, permission, ctx.clock.now());
  if (!row) throw notFound('用户不存在');
  return row;
}

export async function listUsers(ctx: RequestContext, query: AdminUserQuery) {
  const { page: _page, pageSize: _size, ...filters } = query;
  const { items, total } = await repo.listAccounts(ctx.db, ctx.user, filters, pageWindow(query), ctx.clock.now());
  return pageResult(items.map(present), total, query);
}

export async function getUser(ctx: RequestContext, id: string) {
  return present(await loadAccount(ctx.db, ctx, id, 'user.read'));
}

async function checkUnit(tx: Tx, committeeId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const unit = await findUnitInCommittee(tx, committeeId, unitId);
  if (!unit)
    throw badRequest('所属单位不存在或不属于该党委', [{ path: 'unitId', message: '所属单位不存在或不属于该党委' }]);
}

/** Policy and history are the auth module's; its refusals are reported on this form's field. */
async function storeInitialPassword(tx: Tx, ctx: RequestContext, userId: string, password: string) {
  try {
    await setPassword(tx, userId, password, { mustChange: true, now: ctx.clock.now() });
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    throw badRequest(
      error.message,
      error.details?.map((d) => ({ ...d, path: 'initialPassword' })),
    );
  }
}

export async function createUser(ctx: RequestContext, input: AdminUserCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await findCommittee(tx, ctx.user, input.committeeId, 'user.manage');
    if (!committee) throw notFound('派出党委不存在');
    await checkUnit(tx, committee.id, input.unitId);
    const taken = '用户名已被使用';
    if (await repo.usernameTaken(tx, input.username)) throw conflict(taken);
    const id = await insertOrConflict(
      () =>
        repo.insertAccount(tx, {
          username: input.username,
          display_name: input.displayName,
          committee_id: committee.id,
          unit_id: input.unitId ?? null,
        }),
      taken,
    );
    await storeInitialPassword(tx, ctx, id, input.initialPassword);
    const created = await loadAccount(tx, ctx, id, 'user.manage');
    await writeAudit(tx, ctx.actor, {
      action: 'user.create',
      entity: 'app_user',
      entityId: id,
      after: auditView(created),
    });
    return present(created);
  });
}

export async function updateUser(ctx: RequestContext, id: string, input: AdminUserUpdate) {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadAccount(tx, ctx, id, 'user.manage');
    if (before.committeeId) await checkUnit(tx, before.committeeId, input.unitId);
    await repo.updateAccount(tx, id, { display_name: input.displayName, unit_id: input.unitId });
    const after = await loadAccount(tx, ctx, id, 'user.manage');
    await writeAudit(tx, ctx.actor, {
      action: 'user.update',
      entity: 'app_user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return present(after);
  });
}

function refuseSelf(user: SessionUser, id: string, message: string) {
  if (user.id === id) throw conflict(message);
}

export async function setUserActive(ctx: RequestContext, id: string, active: boolean) {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadAccount(tx, ctx, id, 'user.manage');
    if (!active) refuseSelf(ctx.user, id, '不能停用自己的账号');
    if (!(await repo.setActive(tx, id, active))) throw conflict(active ? '该账号已是启用状态' : '该账号已停用');
    const endedSessions = active ? 0 : await repo.endSessions(tx, id, ctx.clock.now());
    const after = await loadAccount(tx, ctx, id, 'user.manage');
    await writeAudit(tx, ctx.actor, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      entity: 'app_user',
      entityId: id,
      before: { active: before.active },
      after: { active: after.active, endedSessions },
    });
    return present(after);
  });
}

export async function resetPassword(ctx: RequestContext, id: string, input: PasswordReset) {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadAccount(tx, ctx, id, 'user.manage');
    refuseSelf(ctx.user, id, '请在“账号安全”中修改自己的密码');
    // setPassword also ends every session of the account
    await setPassword(tx, id, input.newPassword, { mustChange: true, now: ctx.clock.now() });
    await writeAudit(tx, ctx.actor, {
      action: 'user.reset_password',
      entity: 'app_user',
      entityId: id,
      before: { mustChangePassword: before.mustChangePassword },
      after: { mustChangePassword: true, sessionsEnded: true },
    });
    return present(await loadAccount(tx, ctx, id, 'user.manage'));
  });
}

export async function unlockUser(ctx: RequestContext, id: string) {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadAccount(tx, ctx, id, 'user.manage');
    if (!(await repo.unlockAccount(tx, before.username, ctx.clock.now()))) throw conflict('该账号未被锁定');
    await writeAudit(tx, ctx.actor, {
      action: 'user.unlock',
      entity: 'app_user',
      entityId: id,
      before: { locked: true },
      after: { locked: false },
    });
    return present(await loadAccount(tx, ctx, id, 'user.manage'));
  });
}
