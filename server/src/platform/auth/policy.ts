// The security policy in force: the stored settings (security_policy, edited by the 安全管理员) merged over
// the defaults. Session defaults come from config (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS), so a deployment
// that set them keeps them until the policy is edited.
import { SecurityPolicy } from '@xuncha/contracts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';

type SessionDefaults = Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>;
/** The config defaults, for callers that only need the password rules (user administration). */
const CONFIG_DEFAULTS: SessionDefaults = { sessionIdleMinutes: 30, sessionMaxHours: 12 };

export function defaultPolicy(config: SessionDefaults = CONFIG_DEFAULTS): SecurityPolicy {
  return {
    passwordMinLength: 10,
    passwordMinClasses: 3,
    passwordHistory: 5,
    passwordMaxAgeDays: 90,
    lockoutThreshold: 5,
    lockoutWindowMinutes: 15,
    lockoutMinutes: 15,
    ipLockoutThreshold: 20,
    twoFactor: 'admins',
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    maxConcurrentSessions: 3,
    allowedNetworks: [],
    adminAllowedNetworks: [],
  };
}

export interface StoredPolicy {
  policy: SecurityPolicy;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Stored keys that no longer validate (a floor raised by an upgrade) fall back to the default. */
export async function loadStoredPolicy(db: Db, config?: SessionDefaults): Promise<StoredPolicy> {
  const row = await db
    .selectFrom('security_policy')
    .select(['settings', 'updated_at', 'updated_by'])
    .executeTakeFirst();
  const policy = defaultPolicy(config);
  const stored = (row?.settings ?? {}) as Record<string, unknown>;
  const shape = SecurityPolicy.shape;
  for (const key of Object.keys(shape) as (keyof SecurityPolicy)[]) {
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(policy, { [key]: parsed.data });
  }
  return { policy, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

export async function loadPolicy(db: Db, config?: SessionDefaults): Promise<SecurityPolicy> {
  return (await loadStoredPolicy(db, config)).policy;
}
