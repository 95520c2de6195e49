// Where the sealing keys come from. The current key (id XUNCHA_KEY_ID, default k1) seals new values;
// every other key known opens values sealed before a rotation (rotate-key.ts re-seals them). Sources:
//   XUNCHA_KEY    64 hex characters: the key of id XUNCHA_KEY_ID (the single-key form);
//   XUNCHA_KEYS   `id:hex,id:hex`: several keys, e.g. the old k1 next to the current k2;
//   key files     <dataDir>/keys/<id>.key, with the original master.key standing for k1. When the current
//                 key is in no variable its file is created once (random, mode 0600) so that the embedded
//                 start needs no setup; production sets the variables and the data directory holds no key.
// The same id with two different materials is refused. Resolved once per config object.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { deriveKey, type Keyring, keyringOf } from './sealed.ts';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const cache = new WeakMap<Config, Keyring>();

const keyFile = (dataDir: string, id: string) => path.join(dataDir, 'keys', id === 'k1' ? 'master.key' : `${id}.key`);

function readKeyFile(file: string): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(hex)) throw new Error(`密钥文件 ${file} 内容不正确`);
  return Buffer.from(hex, 'hex');
}

function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': two processes racing to create it cannot both win; the loser reads the winner's key
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function keysFromFiles(dataDir: string): Map<string, Buffer> {
  const dir = path.join(dataDir, 'keys');
  const keys = new Map<string, Buffer>();
  if (!existsSync(dir)) return keys;
  for (const name of readdirSync(dir)) {
    const id = name === 'master.key' ? 'k1' : name.endsWith('.key') ? name.slice(0, -4) : null;
    if (id && KEY_ID.test(id)) keys.set(id, readKeyFile(path.join(dir, name)));
  }
  return keys;
}

function keysFromEnv(config: Config): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of (config.extraKeys ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id = '', hex = '', ...rest] = entry.split(':');
    if (!KEY_ID.test(id) || !HEX_KEY.test(hex) || rest.length > 0) {
      throw new Error(
        '环境变量 XUNCHA_KEYS 应为“编号:64 位十六进制”并以逗号分隔，编号只能包含字母、数字、下划线和短横线',
      );
    }
    addKey(keys, id, Buffer.from(hex, 'hex'));
  }
  if (config.masterKey !== undefined) {
    if (!HEX_KEY.test(config.masterKey)) throw new Error('环境变量 XUNCHA_KEY 应为 64 位十六进制字符（32 字节）');
    addKey(keys, config.masterKeyId, Buffer.from(config.masterKey, 'hex'));
  }
  return keys;
}

function addKey(keys: Map<string, Buffer>, id: string, material: Buffer): void {
  const known = keys.get(id);
  if (known && !known.equals(material))
    throw new Error(`密钥 ${id} 有两个不同的取值，请检查 XUNCHA_KEY、XUNCHA_KEYS 和密钥文件`);
  keys.set(id, material);
}

/** Every key material known for this config, by id, without creating any file (backups list these). */
export function knownKeys(config: Config): { currentId: string; keys: Map<string, Buffer> } {
  const currentId = config.masterKeyId;
  if (!KEY_ID.test(currentId)) throw new Error('环境变量 XUNCHA_KEY_ID 只能包含字母、数字、下划线和短横线');
  const keys = keysFromEnv(config);
  for (const [id, material] of keysFromFiles(config.dataDir)) addKey(keys, id, material);
  return { currentId, keys };
}

export function keyringFor(config: Config): Keyring {
  const cached = cache.get(config);
  if (cached) return cached;
  const { currentId, keys: found } = knownKeys(config);
  if (!found.has(currentId)) createKeyFile(keyFile(config.dataDir, currentId));
  const keys = found.has(currentId) ? found : knownKeys(config).keys;
  const material = keys.get(currentId);
  if (!material) throw new Error(`缺少当前密钥 ${currentId}`);
  const keyring = keyringOf([
    deriveKey(currentId, material),
    ...[...keys].filter(([id]) => id !== currentId).map(([id, m]) => deriveKey(id, m)),
  ]);
  cache.set(config, keyring);
  return keyring;
}
