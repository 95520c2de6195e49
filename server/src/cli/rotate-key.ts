// `npm run xuncha -- rotate-key [--batch <n>]`: re-seals every sealed value under the current key
// (XUNCHA_KEY_ID), in short audited batches; resumable and idempotent (platform/crypto/rotate.ts).
// PostgreSQL: runs while the servers keep serving, once they run with the new key current and the old
// key still listed (XUNCHA_KEYS). Embedded PGlite: the CLI needs the data-dir lock, so the server is
// stopped for the run (it then starts with the new key). Old keys stay configured until no backup or
// audit entry that may still carry them is needed.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { keyringFor } from '../platform/crypto/keyring.ts';
import { rotateSealedValues } from '../platform/crypto/rotate.ts';
import { openDatabase } from '../platform/open-database.ts';
import { runReporting, seconds } from './command.ts';

const USAGE = 'npm run xuncha -- rotate-key [--batch <每批行数，默认 500>]';

export function runRotateKey(args: string[]): Promise<number> {
  return runReporting(USAGE, async () => {
    const { values } = parseArgs({ args, options: { batch: { type: 'string', default: '500' } } });
    const batchSize = Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      console.error(`参数错误：--batch 应为 1 到 10000 的整数\n用法：${USAGE}`);
      return 2;
    }
    const config = loadConfig();
    const keyring = keyringFor(config);
    const opened = await openDatabase(config);
    const started = performance.now();
    try {
      const others = [...keyring.byId.keys()].filter((id) => id !== keyring.current.id);
      console.log(`密钥轮换：${opened.description}`);
      console.log(`  当前密钥 ${keyring.current.id}；可解密的旧密钥 ${others.join('、') || '（无）'}`);
      const totals = await rotateSealedValues(opened.database.db, keyring, {
        batchSize,
        actor: { userId: null, userName: `命令行 rotate-key（${userInfo().username}）`, requestId: null, ip: null },
        onProgress: (p) => console.error(`  ${p.table}：已重新加密 ${p.resealed} 个`),
      });
      for (const t of totals) {
        console.log(
          `  ${t.table.padEnd(26)} 重新加密 ${t.resealed} 个${t.skipped ? `，${t.skipped} 个正被修改，请再运行一次` : ''}`,
        );
      }
      const resealed = totals.reduce((sum, t) => sum + t.resealed, 0);
      const skipped = totals.reduce((sum, t) => sum + t.skipped, 0);
      console.log(
        resealed || skipped
          ? `完成：共重新加密 ${resealed} 个，用时 ${seconds(started)}`
          : '所有密文已使用当前密钥，无需轮换',
      );
      return skipped ? 1 : 0;
    } finally {
      await opened.close();
    }
  });
}
