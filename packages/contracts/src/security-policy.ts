// The deployment's security policy (issue 8 §2), edited by the 安全管理员. Every bound has a floor taken
// from 等保2.0 第三级 / the issue (password ≥ 10 characters of three classes, history of 5, lockout after at
// most 5 failures for at least 15 minutes) so that the policy can be made stricter, never weaker.
import { z } from 'zod';

function whole(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` });
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const IPV6 = /^[0-9a-fA-F:.]{2,45}(?:\/(\d{1,3}))?$/;

/** An address or network in CIDR notation (IPv4 or IPv6); a bare address means exactly that host. */
export const Cidr = z
  .string({ error: '网段必须是文字' })
  .trim()
  .refine(
    (s) => {
      const v4 = IPV4.exec(s);
      if (v4) return v4.slice(1, 5).every((o) => Number(o) <= 255) && (v4[5] === undefined || Number(v4[5]) <= 32);
      const v6 = IPV6.exec(s);
      return v6 !== null && s.includes(':') && (v6[1] === undefined || Number(v6[1]) <= 128);
    },
    { error: '网段格式不正确，应为如 10.0.0.0/8 或 192.168.1.10' },
  );

const Networks = z.array(Cidr).max(50, { error: '网段最多 50 条' });

export const TWO_FACTOR_SCOPES = ['admins', 'all'] as const;
/** admins: 系统管理员、安全管理员、安全审计员 must use TOTP, others may; all: everyone must. */
export const TwoFactorScope = z.enum(TWO_FACTOR_SCOPES, { error: '双因素认证范围不正确' });
export type TwoFactorScope = z.infer<typeof TwoFactorScope>;
export const twoFactorScopeLabel: Record<TwoFactorScope, string> = {
  admins: '仅三员（系统管理员、安全管理员、安全审计员）必须启用，其他用户自愿',
  all: '全部用户必须启用',
};

export const SecurityPolicy = z.object({
  passwordMinLength: whole('密码最小长度', 10, 64),
  /** of four: lower case, upper case, digits, other characters */
  passwordMinClasses: whole('密码字符类别数', 3, 4),
  passwordHistory: whole('不得与最近几次密码相同', 5, 24),
  /** 0: passwords never expire */
  passwordMaxAgeDays: whole('密码有效期（天）', 0, 365),
  lockoutThreshold: whole('账号锁定失败次数', 3, 5),
  lockoutWindowMinutes: whole('失败计数时间窗（分钟）', 5, 1440),
  lockoutMinutes: whole('锁定时长（分钟）', 15, 1440),
  /** failures from one address across all accounts */
  ipLockoutThreshold: whole('同一地址失败次数', 5, 200),
  twoFactor: TwoFactorScope,
  sessionIdleMinutes: whole('会话空闲超时（分钟）', 5, 120),
  sessionMaxHours: whole('会话最长时间（小时）', 1, 24),
  maxConcurrentSessions: whole('同时在线会话数', 1, 10),
  /** empty: logins from anywhere; otherwise only from these networks */
  allowedNetworks: Networks,
  /** extra restriction for the three admin roles; empty: none beyond allowedNetworks */
  adminAllowedNetworks: Networks,
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const SecurityPolicyView = z.object({
  policy: SecurityPolicy,
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type SecurityPolicyView = z.infer<typeof SecurityPolicyView>;
