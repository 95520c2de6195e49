// The master key and backups. A backup does not carry the key by default: data and key together are
// a leak, so they are kept apart. The manifest records a check value (HMAC-SM3 of a fixed label under
// the key) so that a restore can tell, before writing anything, whether the target has the key that
// sealed the data — restored sensitive fields are unreadable under any other key.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { BackupError, KEY_FILE, type Manifest } from './manifest.ts';

const CHECK_LABEL = 'xuncha-backup/key-check';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export interface MasterKey {
  id: string;
  hex: string;
}

export function masterKeyFile(config: Config): string {
  return path.join(config.dataDir, 'keys', 'master.key');
}

/** XUNCHA_KEY, else the key file; unlike keyring.ts it never creates a key (a new key opens nothing). */
export function readMasterKey(config: Config): MasterKey | undefined {
  const file = masterKeyFile(config);
  const hex = config.masterKey ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  if (hex === undefined) return undefined;
  if (!HEX_KEY.test(hex)) throw new Error(config.masterKey ? 'XUNCHA_KEY 格式不正确' : `密钥文件 ${file} 内容不正确`);
  return { id: config.masterKeyId, hex: hex.toLowerCase() };
}

export function keyCheck(key: MasterKey): string {
  return createHmac('sm3', Buffer.from(key.hex, 'hex')).update(CHECK_LABEL).digest('hex');
}

/** What the restore does about the key: nothing, or install the one shipped in the backup. */
export type KeyPlan = { install: string } | 'keep';

/** Refuses, before anything is written, a restore whose sealed fields the target could not open. */
export async function planRestoreKey(recorded: Manifest['key'], config: Config, backupDir: string): Promise<KeyPlan> {
  if (!recorded) return 'keep';
  const present = readMasterKey(config);
  const howTo = `请设置备份时的 XUNCHA_KEY（及 XUNCHA_KEY_ID=${recorded.id}），或把原 master.key 放到 ${masterKeyFile(config)}，再恢复`;
  if (config.masterKeyId !== recorded.id) {
    throw new BackupError(`密钥编号不同：备份时为 ${recorded.id}，当前为 ${config.masterKeyId}。${howTo}`);
  }
  if (present) {
    if (keyCheck(present) !== recorded.check) {
      throw new BackupError(`当前主密钥与备份时的主密钥不同，恢复后线索内容、反映人身份和谈话记录将无法解密。${howTo}`);
    }
    return 'keep';
  }
  if (recorded.included) return { install: (await readFile(path.join(backupDir, KEY_FILE), 'utf8')).trim() };
  throw new BackupError(`恢复需要备份时的主密钥（编号 ${recorded.id}），备份中不含密钥。${howTo}`);
}

/** Installs a key shipped in a backup (--include-key) as the target's key file, readable by the owner only. */
export async function installKeyFile(config: Config, hex: string): Promise<void> {
  const file = masterKeyFile(config);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, hex, { mode: 0o600, flag: 'wx' });
}
