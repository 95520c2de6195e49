import { z } from 'zod';
import { Permission, RoleCode, ScopeKind } from './permissions.ts';

export const LoginInput = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Grant = z.object({
  role: RoleCode,
  scopeKind: ScopeKind,
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  committeeId: z.string().nullable(),
  unitId: z.string().nullable(),
  grants: z.array(Grant),
  permissions: z.array(Permission),
});
export type Me = z.infer<typeof Me>;

// ---- issue 8 §2: two-step login, password change, sessions, login history, TOTP ----

/** The step after a correct password when a second factor is due: no session yet, only a short-lived token. */
export const SecondFactorNeeded = z.object({
  needSecondFactor: z.literal(true),
  pendingToken: z.string(),
  /** true: not enrolled yet and the policy requires it — enrol now (QR code, then a code from the app) */
  enrolmentRequired: z.boolean(),
});
export type SecondFactorNeeded = z.infer<typeof SecondFactorNeeded>;

/** A 6-digit code from the authenticator app, or a recovery code (xxxxx-xxxxx). */
export const OneTimeCode = z
  .string({ error: '请输入验证码' })
  .trim()
  .min(6, { error: '验证码为 6 位数字或恢复码' })
  .max(11, { error: '验证码为 6 位数字或恢复码' });

export const SecondFactorInput = z.object({
  pendingToken: z.string({ error: '登录已过期，请重新登录' }).min(1).max(100),
  code: OneTimeCode,
});
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;

export const PendingTokenInput = z.object({
  pendingToken: z.string({ error: '登录已过期，请重新登录' }).min(1).max(100),
});
export type PendingTokenInput = z.infer<typeof PendingTokenInput>;

export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpCodeInput = z.object({ code: OneTimeCode });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

/** Shown once, right after enrolment or regeneration; only digests are stored. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const MeWithState = Me.extend({
  /** every API except change password, logout and me answers 403 password_change_required until changed */
  mustChangePassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
});
export type MeWithState = z.infer<typeof MeWithState>;

/** Business users without a second factor get their session at once (200 + cookie), as before. */
export const LoginResult = z.union([SecondFactorNeeded, MeWithState]);
export type LoginResult = z.infer<typeof LoginResult>;

export const EnrolmentResult = MeWithState.extend({ recoveryCodes: z.array(z.string()) });
export type EnrolmentResult = z.infer<typeof EnrolmentResult>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, { error: '请输入当前密码' }).max(256),
  newPassword: z.string({ error: '请输入新密码' }).min(1, { error: '请输入新密码' }).max(256),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const ActiveSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type ActiveSession = z.infer<typeof ActiveSession>;

export const LOGIN_REASONS = [
  'password',
  'second_factor',
  'recovery_code',
  'enrolled',
  'bad_password',
  'bad_code',
  'locked',
  'ip_locked',
  'ip_not_allowed',
  'inactive',
] as const;
export const LoginReason = z.enum(LOGIN_REASONS);
export type LoginReason = z.infer<typeof LoginReason>;
export const loginReasonLabel: Record<LoginReason, string> = {
  password: '密码登录',
  second_factor: '密码 + 动态验证码',
  recovery_code: '密码 + 恢复码',
  enrolled: '密码 + 绑定动态验证码',
  bad_password: '用户名或密码错误',
  bad_code: '验证码错误',
  locked: '账号已锁定',
  ip_locked: '地址已锁定',
  ip_not_allowed: '不在允许的网络地址范围',
  inactive: '账号已停用',
};

export const LoginHistoryEntry = z.object({
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  success: z.boolean(),
  reason: LoginReason,
});
export type LoginHistoryEntry = z.infer<typeof LoginHistoryEntry>;

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
