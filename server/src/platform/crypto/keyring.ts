// Where the sealing key comes from: XUNCHA_KEY (64 hex characters, id XUNCHA_KEY_ID, default k1), or,
// when unset, a random key created once in <dataDir>/keys/master.key (mode 0600) so that the embedded
// start needs no setup. Production sets XUNCHA_KEY from its key management; the data directory then
// holds no key. Resolved once per config object.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { deriveKey, type Keyring, keyringOf } from './sealed.ts';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const cache = new WeakMap<Config, Keyring>();

function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'keys', 'master.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': two processes racing to create it cannot both win; the loser reads the winner's key
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(hex)) throw new Error(`密钥文件 ${file} 内容不正确`);
  return Buffer.from(hex, 'hex');
}

export function keyringFor(config: Config): Keyring {
  const cached = cache.get(config);
  if (cached) return cached;
  let master: Buffer;
  if (config.masterKey !== undefined) {
    if (!HEX_KEY.test(config.masterKey)) throw new Error('环境变量 XUNCHA_KEY 应为 64 位十六进制字符（32 字节）');
    master = Buffer.from(config.masterKey, 'hex');
  } else {
    master = keyFromFile(config.dataDir);
  }
  const keyring = keyringOf([deriveKey(config.masterKeyId, master)]);
  cache.set(config, keyring);
  return keyring;
}
