// `npm run xuncha -- <command>`: maintenance commands. Against the embedded database they take the
// same data-dir lock as the server, so they refuse to run while the server is up.

import { runBackup } from './cli/backup.ts';
import { runExchangeVerify } from './cli/exchange.ts';
import { runRestore } from './cli/restore.ts';
import { runRotateKey } from './cli/rotate-key.ts';
import { runVerifyAudit } from './cli/verify-audit.ts';
import { channelsFromConfig } from './modules/notification/channels.ts';
import { runSweep } from './modules/reminder/sweep.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { keyringFor } from './platform/crypto/keyring.ts';
import { DataDirLockedError } from './platform/datadir-lock.ts';
import { migrate } from './platform/migrate.ts';
import { openDatabase } from './platform/open-database.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';

const COMMANDS: Record<string, string> = {
  migrate: '执行数据库迁移',
  'seed-demo': '向空数据库载入演示数据',
  sweep: '立即执行一次到期提醒扫描',
  backup: '备份数据库和上传文件（--out <目录>，--include-key 连同主密钥）',
  restore: '把备份恢复到空实例（restore <备份目录>）',
  'verify-audit': '校验审计日志 SM3 哈希链，报告第一处篡改（完整时退出码 0，否则 1）',
  'rotate-key': '用当前密钥（XUNCHA_KEY_ID）重新加密全部密文（--batch <每批行数>）',
  'exchange-verify': '离线核验数据报送包（exchange-verify <文件> [--fingerprint <SM3 指纹>]）',
};

// these open the database themselves: a restore must not migrate before it has checked the target
const OWN_DATABASE: Record<string, (args: string[]) => Promise<number>> = {
  backup: runBackup,
  restore: runRestore,
  'verify-audit': runVerifyAudit,
  'rotate-key': runRotateKey,
  'exchange-verify': runExchangeVerify,
};

async function run(command: string | undefined): Promise<number> {
  if (!command || !(command in COMMANDS)) {
    console.error('用法：npm run xuncha -- <命令>');
    for (const [name, description] of Object.entries(COMMANDS)) console.error(`  ${name.padEnd(10)} ${description}`);
    return 2;
  }
  const own = OWN_DATABASE[command];
  if (own) return own(process.argv.slice(3));
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    const { applied, version } = await migrate(opened.database);
    console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
    console.log(`迁移版本：${version}（${opened.description}）`);
    if (command === 'seed-demo') {
      const seeded = await seedDemoIfEmpty(opened.database.db, systemClock, keyringFor(config));
      console.log(seeded ? '已载入演示数据' : '数据库中已有数据，未载入演示数据');
    }
    if (command === 'sweep') {
      const result = await runSweep(opened.database.db, systemClock, {
        channels: channelsFromConfig(config.notifyChannels),
      });
      console.log(
        result.skipped
          ? '另一进程正在扫描，本次跳过'
          : `提醒扫描（${result.asOf}）：新建提醒 ${result.created} 条 ${JSON.stringify(result.counts)}`,
      );
    }
    return 0;
  } finally {
    await opened.close();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  },
);
