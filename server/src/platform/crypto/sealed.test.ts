import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { keyringFor } from './keyring.ts';
import { deriveKey, keyringOf, open, openJson, SealError, seal, sealedKeyId, sealJson } from './sealed.ts';

const master = Buffer.alloc(32, 7);
const keyring = keyringOf([deriveKey('k1', master)]);

describe('sealing', () => {
  it('round-trips text and JSON, with a fresh IV each time and the key id in the value', () => {
    const a = seal(keyring, '反映张某某在工程招投标中收受好处');
    const b = seal(keyring, '反映张某某在工程招投标中收受好处');
    expect(a).not.toBe(b);
    expect(a).not.toContain('张某某');
    expect(sealedKeyId(a)).toBe('k1');
    expect(open(keyring, a)).toBe('反映张某某在工程招投标中收受好处');
    expect(openJson(keyring, sealJson(keyring, { name: '李四', contact: null }))).toEqual({
      name: '李四',
      contact: null,
    });
  });

  it('refuses a tampered value, a value of an unknown key and garbage, without echoing the value', () => {
    const sealed = seal(keyring, '机密内容');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] as string, 'base64');
    body[0] = (body[0] as number) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], body.toString('base64'), parts[4]].join(':');
    expect(() => open(keyring, tampered)).toThrow(SealError);
    const other = keyringOf([deriveKey('k2', Buffer.alloc(32, 9))]);
    expect(() => open(other, sealed)).toThrow('缺少密钥 k1');
    expect(() => open(keyring, 'not-sealed')).toThrow('密文格式不正确');
    try {
      open(keyring, tampered);
    } catch (error) {
      expect(String(error)).not.toContain(parts[3]);
    }
  });

  it('a second key with the same id but other material cannot open the value', () => {
    const sealed = seal(keyring, '机密内容');
    const impostor = keyringOf([deriveKey('k1', Buffer.alloc(32, 8))]);
    expect(() => open(impostor, sealed)).toThrow('密文校验失败');
  });

  it('takes XUNCHA_KEY from config, or creates one key file (0600) in the data directory and reuses it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-key-'));
    try {
      const config = loadConfig({ dataDir, masterKey: undefined });
      const first = keyringFor(config);
      const file = path.join(dataDir, 'keys', 'master.key');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const again = keyringFor(loadConfig({ dataDir, masterKey: undefined }));
      expect(open(again, seal(first, '同一把密钥'))).toBe('同一把密钥');
      const fromEnv = keyringFor(loadConfig({ dataDir, masterKey: (await readFile(file, 'utf8')).trim() }));
      expect(open(fromEnv, seal(first, '同一把密钥'))).toBe('同一把密钥');
      expect(() => keyringFor(loadConfig({ dataDir, masterKey: 'abc' }))).toThrow('XUNCHA_KEY');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
