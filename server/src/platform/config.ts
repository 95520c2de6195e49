// Configuration comes from environment variables; every one has a default so that the
// embedded database needs none of them (README lists them).
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… switches to a real PostgreSQL; unset → embedded PGlite under dataDir */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files live: inside dataDir, never under the web root. */
  filesDir: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  uploadMaxBytes: number;
  logLevel: string;
  /** Set behind TLS so cookies get the Secure flag. */
  secureCookies: boolean;
  /** Loads the Chinese demo data into an empty database on start. */
  seedDemo: boolean;
  /** XUNCHA_KEY: 64 hex characters sealing sensitive fields; unset → a key file in dataDir (keyring.ts) */
  masterKey: string | undefined;
  masterKeyId: string;
  /** XUNCHA_KEYS: more keys as `id:hex,id:hex` — old keys kept to open values sealed before a rotation (keyring.ts) */
  extraKeys: string | undefined;
  /** SWEEP_INTERVAL_MINUTES: how often the reminder sweep runs (also once at start) */
  sweepIntervalMinutes: number;
  /** XUNCHA_NOTIFY_CHANNELS: outside channels relaying notices, comma separated (e.g. outbox-log); none by default */
  notifyChannels: string[];
  /** RATE_LIMIT_*: requests per minute for the rate-limited route groups (http/rate-limits.ts) */
  rateLimits: RateLimits;
  /** AUDIT_RETENTION_MONTHS: audit and security logs are kept at least this long (网络安全法 第二十一条: ≥ 6) */
  auditRetentionMonths: number;
}

export interface RateLimits {
  /** RATE_LIMIT_LOGIN_IP: sign-in requests per client address (an office behind one NAT shares it) */
  loginPerIp: number;
  /** RATE_LIMIT_LOGIN_USER: sign-in attempts per username, whatever the address */
  loginPerUser: number;
  /** RATE_LIMIT_PUBLIC: requests per client address to the public channel (/api/public/…) */
  public: number;
  /** RATE_LIMIT_EXPORT: .xlsx exports per user, all lists together */
  export: number;
  /** RATE_LIMIT_DOWNLOAD: file and 公文 downloads per user */
  download: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`环境变量 ${name} 应为正整数，当前为 "${raw}"`);
  return value;
}

/** 网络安全法 第二十一条: network logs are kept for no less than six months. */
export const MIN_AUDIT_RETENTION_MONTHS = 6;

function auditRetentionMonths(): number {
  const months = int('AUDIT_RETENTION_MONTHS', 12);
  if (months < MIN_AUDIT_RETENTION_MONTHS)
    throw new Error(
      `环境变量 AUDIT_RETENTION_MONTHS 不能小于 ${MIN_AUDIT_RETENTION_MONTHS}（网络安全法要求日志至少留存六个月），当前为 ${months}`,
    );
  return months;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  return {
    port: int('PORT', 8080),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: int('SESSION_MAX_HOURS', 12),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 20) * 1024 * 1024,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    secureCookies: process.env.SECURE_COOKIES === 'true',
    seedDemo: process.env.SEED_DEMO !== 'false',
    masterKey: process.env.XUNCHA_KEY || undefined,
    masterKeyId: process.env.XUNCHA_KEY_ID ?? 'k1',
    extraKeys: process.env.XUNCHA_KEYS || undefined,
    sweepIntervalMinutes: int('SWEEP_INTERVAL_MINUTES', 10),
    notifyChannels: (process.env.XUNCHA_NOTIFY_CHANNELS ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    rateLimits: {
      loginPerIp: int('RATE_LIMIT_LOGIN_IP', 30),
      loginPerUser: int('RATE_LIMIT_LOGIN_USER', 10),
      public: int('RATE_LIMIT_PUBLIC', 20),
      export: int('RATE_LIMIT_EXPORT', 10),
      download: int('RATE_LIMIT_DOWNLOAD', 60),
    },
    auditRetentionMonths: auditRetentionMonths(),
    ...overrides,
  };
}
