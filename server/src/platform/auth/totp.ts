// TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what every authenticator app reads from a QR code) and the
// one-time recovery codes. The secret is stored sealed (SM4 + HMAC-SM3) like other sensitive fields.
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = '巡察全周期管理平台';
const PERIOD_SECONDS = 30;
/** one step either way: a phone clock a little off, or a code typed as it turned over */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const newTotpSecret = (): string => generateSecret();

export const otpauthUri = (username: string, secret: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: PERIOD_SECONDS });

/**
 * The time step of a correct code, or null. A step at or before `lastStep` (a code already used) is
 * refused, so a code seen over someone's shoulder cannot be replayed.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    period: PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid ? Math.floor(epoch / PERIOD_SECONDS) + result.delta : null;
}

export const RECOVERY_CODE_COUNT = 10;
// no 0/O, 1/I/L: read off paper and typed in again
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 10 characters from a 31-letter alphabet ≈ 49.5 bits each, shown as xxxxx-xxxxx. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const looksLikeRecoveryCode = (code: string): boolean => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code);

/** Digest bound to the user, so equal codes of two users differ; case and the dash do not matter. */
export function recoveryCodeDigest(userId: string, code: string): string {
  return createHash('sm3')
    .update(`${userId}:${code.toLowerCase().replace('-', '')}`)
    .digest('hex');
}
