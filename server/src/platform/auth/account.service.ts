// 账号安全 for the signed-in user: change password, login history, and TOTP enrolment from the account page.
import {
  type ChangePasswordInput,
  isThreeAdminRole,
  type LoginHistoryEntry,
  type LoginReason,
  type TotpSetup,
  type TwoFactorStatus,
} from '@xuncha/contracts';
import { writeAudit } from '../audit.ts';
import { withTransaction } from '../db.ts';
import { badRequest, conflict } from '../errors.ts';
import type { RequestContext } from '../http/context.ts';
import { type PageRequest, pageResult, pageWindow } from '../http/paging.ts';
import { challengeFailed, consumeChallenge, createChallenge, latestEnrolment } from './login-challenge.ts';
import { verifyPassword } from './password.ts';
import { setPassword } from './password-policy.ts';
import { loadPolicy } from './policy.ts';
import { tokenDigest } from './session.service.ts';
import {
  checkSecondFactor,
  confirmEnrolment,
  enrolmentSecret,
  recoveryCodesLeft,
  replaceRecoveryCodes,
} from './two-factor.ts';

/** Changes the own password; the current session stays, the others end (whoever knew the old one is out). */
export async function changePassword(ctx: RequestContext, sessionToken: string, input: ChangePasswordInput) {
  const user = await ctx.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw badRequest('当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  await withTransaction(ctx.db, async (tx) => {
    await setPassword(tx, ctx.user.id, input.newPassword, {
      mustChange: false,
      now: ctx.clock.now(),
      keepSessionHash: tokenDigest(sessionToken),
    });
    await writeAudit(tx, ctx.actor, { action: 'auth.password_changed', entity: 'user', entityId: ctx.user.id });
  });
}

export async function loginHistory(ctx: RequestContext, page: PageRequest) {
  const base = ctx.db.selectFrom('login_attempt').where('user_id', '=', ctx.user.id);
  const { limit, offset } = pageWindow(page);
  const [rows, total] = await Promise.all([
    base
      .select(['at', 'ip', 'user_agent', 'success', 'reason'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: LoginHistoryEntry[] = rows.map((r) => ({
    at: r.at,
    ip: r.ip,
    userAgent: r.user_agent,
    success: r.success,
    reason: r.reason as LoginReason,
  }));
  return pageResult(items, Number(total.n), page);
}

async function twoFactorRequired(ctx: RequestContext): Promise<boolean> {
  if (ctx.user.grants.some((g) => isThreeAdminRole(g.role))) return true;
  return (await loadPolicy(ctx.db, ctx.config)).twoFactor === 'all';
}

async function totpState(ctx: RequestContext) {
  return ctx.db
    .selectFrom('app_user')
    .select(['totp_secret_sealed', 'totp_enabled_at'])
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
}

export async function twoFactorStatus(ctx: RequestContext): Promise<TwoFactorStatus> {
  const state = await totpState(ctx);
  return {
    enabled: state.totp_secret_sealed !== null,
    required: await twoFactorRequired(ctx),
    enabledAt: state.totp_enabled_at,
    recoveryCodesLeft: await recoveryCodesLeft(ctx.db, ctx.user.id),
  };
}

/** Starts a voluntary enrolment (users for whom the policy does not require it). */
export async function startTwoFactor(ctx: RequestContext): Promise<TotpSetup> {
  if ((await totpState(ctx)).totp_secret_sealed) throw conflict('已启用双因素认证');
  const now = ctx.clock.now();
  const existing = await latestEnrolment(ctx.db, ctx.user.id, now);
  if (!existing) await withTransaction(ctx.db, (tx) => createChallenge(tx, ctx.user.id, 'enrol', now));
  const challenge = existing ?? (await latestEnrolment(ctx.db, ctx.user.id, now));
  if (!challenge) throw conflict('请重新开始绑定');
  return enrolmentSecret(ctx.db, ctx.config, challenge, ctx.user.username);
}

export async function confirmTwoFactor(ctx: RequestContext, code: string): Promise<string[]> {
  const now = ctx.clock.now();
  const challenge = await latestEnrolment(ctx.db, ctx.user.id, now);
  if (!challenge?.pendingSecretSealed) throw conflict('请先扫描二维码开始绑定');
  const codes = await withTransaction(ctx.db, async (tx) => {
    const issued = await confirmEnrolment(tx, ctx.config, challenge, code, now);
    if (!issued) return null;
    await consumeChallenge(tx, challenge.tokenHash, now);
    await writeAudit(tx, ctx.actor, { action: 'auth.totp_enrolled', entity: 'user', entityId: ctx.user.id });
    return issued;
  });
  if (codes) return codes;
  await withTransaction(ctx.db, (tx) => challengeFailed(tx, challenge.tokenHash));
  throw badRequest('验证码错误，请输入验证器中当前显示的 6 位数字', [{ path: 'code', message: '验证码错误' }]);
}

/** New recovery codes (the old ones stop working); proven with a current code or an unused recovery code. */
export async function regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<string[]> {
  if (!(await totpState(ctx)).totp_secret_sealed) throw conflict('尚未启用双因素认证');
  const now = ctx.clock.now();
  const codes = await withTransaction(ctx.db, async (tx) => {
    if (!(await checkSecondFactor(tx, ctx.config, ctx.user.id, code, now))) return null;
    await writeAudit(tx, ctx.actor, { action: 'auth.recovery_codes_renewed', entity: 'user', entityId: ctx.user.id });
    return replaceRecoveryCodes(tx, ctx.user.id, now);
  });
  if (!codes) throw badRequest('验证码错误', [{ path: 'code', message: '验证码错误' }]);
  return codes;
}
