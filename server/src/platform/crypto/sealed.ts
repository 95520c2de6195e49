// Sealing of sensitive fields (clue content, whistleblower identity, interview notes): SM4-CBC with a
// random IV, then HMAC-SM3 over key id, IV and ciphertext (encrypt-then-MAC; Node has no sm4-gcm).
// Stored form: `sm4:<keyId>:<iv hex>:<ciphertext base64>:<mac hex>`. The key id travels with every
// value so that a rotation (issue 8) can re-seal values one by one while old ones still open.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SealingKey {
  id: string;
  encKey: Buffer;
  macKey: Buffer;
}

export interface Keyring {
  current: SealingKey;
  /** Every key that may still open stored values, by id (includes current). */
  byId: ReadonlyMap<string, SealingKey>;
}

/** Separate encryption and MAC keys derived from one 32-byte master key (HKDF-SM3). */
export function deriveKey(id: string, master: Buffer): SealingKey {
  if (master.length !== 32) throw new Error('主密钥应为 32 字节（64 位十六进制）');
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error('密钥编号只能包含字母、数字、下划线和短横线');
  const derive = (info: string) => Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, 16));
  return { id, encKey: derive('xuncha/sm4-cbc'), macKey: derive('xuncha/hmac-sm3') };
}

export function keyringOf(keys: SealingKey[]): Keyring {
  const [current] = keys;
  if (!current) throw new Error('至少需要一个密钥');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

function mac(key: SealingKey, iv: Buffer, ciphertext: Buffer): Buffer {
  return createHmac('sm3', key.macKey).update(`${key.id}:`).update(iv).update(ciphertext).digest();
}

export function seal(keyring: Keyring, plaintext: string): string {
  const key = keyring.current;
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', key.encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `sm4:${key.id}:${iv.toString('hex')}:${ciphertext.toString('base64')}:${mac(key, iv, ciphertext).toString('hex')}`;
}

/** The error never carries the value or the plaintext: only that it cannot be opened. */
export class SealError extends Error {}

export function open(keyring: Keyring, sealed: string): string {
  const parts = sealed.split(':');
  if (parts.length !== 5 || parts[0] !== 'sm4') throw new SealError('密文格式不正确');
  const [, keyId, ivHex, body, macHex] = parts as [string, string, string, string, string];
  const key = keyring.byId.get(keyId);
  if (!key) throw new SealError(`缺少密钥 ${keyId}，无法解密`);
  const iv = Buffer.from(ivHex, 'hex');
  const ciphertext = Buffer.from(body, 'base64');
  const expected = mac(key, iv, ciphertext);
  const given = Buffer.from(macHex, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new SealError('密文校验失败');
  const decipher = createDecipheriv('sm4-cbc', key.encKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** Seal a JSON value (structured sensitive content such as a clue's subject and allegation). */
export const sealJson = (keyring: Keyring, value: unknown): string => seal(keyring, JSON.stringify(value));
export const openJson = <T>(keyring: Keyring, sealed: string): T => JSON.parse(open(keyring, sealed)) as T;

export function sealedKeyId(sealed: string): string | null {
  return sealed.startsWith('sm4:') ? (sealed.split(':')[1] ?? null) : null;
}
