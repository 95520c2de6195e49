// Several keys at once: the current one seals, the others still open values sealed before a rotation;
// keys from XUNCHA_KEY / XUNCHA_KEYS or from per-id files in the data directory (master.key is k1).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { keyringFor } from './keyring.ts';
import { open, seal, sealedKeyId } from './sealed.ts';

let dataDir: string;
const hex = () => randomBytes(32).toString('hex');
const config = (overrides: Parameters<typeof loadConfig>[0]) =>
  loadConfig({ dataDir, masterKey: undefined, masterKeyId: 'k1', extraKeys: undefined, ...overrides });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-keyring-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('keyring', () => {
  it('XUNCHA_KEYS holds old and current keys; XUNCHA_KEY_ID picks the one that seals', () => {
    const [one, two] = [hex(), hex()];
    const old = keyringFor(config({ extraKeys: `k1:${one}` }));
    const sealedByK1 = seal(old, '旧密钥加密的内容');
    const rotated = keyringFor(config({ extraKeys: ` k1:${one} , k2:${two} `, masterKeyId: 'k2' }));
    expect(rotated.current.id).toBe('k2');
    expect(sealedKeyId(seal(rotated, '新内容'))).toBe('k2');
    expect(open(rotated, sealedByK1)).toBe('旧密钥加密的内容');
    // XUNCHA_KEY is the current key's material, combinable with XUNCHA_KEYS for the old ones
    const mixed = keyringFor(config({ masterKey: two, masterKeyId: 'k2', extraKeys: `k1:${one}` }));
    expect(open(mixed, seal(rotated, '同一把 k2'))).toBe('同一把 k2');
    expect(open(mixed, sealedByK1)).toBe('旧密钥加密的内容');
  });

  it('refuses malformed entries and two materials for one id, without echoing key material', () => {
    const secret = hex();
    for (const bad of ['k1', `k1:${secret.slice(2)}`, `k 1:${secret}`, `k1:${secret}:x`]) {
      expect(() => keyringFor(config({ extraKeys: bad }))).toThrow('XUNCHA_KEYS');
    }
    try {
      keyringFor(config({ extraKeys: `k1:${secret}`, masterKey: hex() }));
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain('密钥 k1 有两个不同的取值');
      expect(String(error)).not.toContain(secret);
    }
    expect(() => keyringFor(config({ masterKeyId: '../k' }))).toThrow('XUNCHA_KEY_ID');
  });

  it('in the data directory: master.key is k1, a new current id gets its own file (0600), old files still open', async () => {
    const first = keyringFor(config({}));
    expect(first.current.id).toBe('k1');
    const sealedByK1 = seal(first, '内嵌数据库的旧密文');
    const second = keyringFor(config({ masterKeyId: 'k2' }));
    expect(second.current.id).toBe('k2');
    expect((await stat(path.join(dataDir, 'keys', 'k2.key'))).mode & 0o777).toBe(0o600);
    expect(open(second, sealedByK1)).toBe('内嵌数据库的旧密文');
    // the k2 file is created once: a restart opens what k2 sealed
    const restarted = keyringFor(config({ masterKeyId: 'k2' }));
    expect(open(restarted, seal(second, '重启后仍可解密'))).toBe('重启后仍可解密');
    // moving to environment variables: the file key and the same material in XUNCHA_KEYS agree
    const k1 = (await readFile(path.join(dataDir, 'keys', 'master.key'), 'utf8')).trim();
    expect(() => keyringFor(config({ masterKeyId: 'k2', extraKeys: `k1:${k1}` }))).not.toThrow();
    expect(() => keyringFor(config({ masterKeyId: 'k2', extraKeys: `k1:${hex()}` }))).toThrow('两个不同的取值');
  });
});
