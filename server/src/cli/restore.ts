// `npm run xuncha -- restore <备份目录>`: into an EMPTY instance only. Every checksum is verified and
// the key checked before anything is written (platform/backup/verify.ts, load.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installKeyFile, masterKeyFile, planRestoreKey } from '../platform/backup/key.ts';
import { restoreBackup } from '../platform/backup/load.ts';
import { verifyBackup } from '../platform/backup/verify.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/open-database.ts';
import { progress, runReporting, seconds } from './command.ts';

const USAGE = 'npm run xuncha -- restore <备份目录>';

export function runRestore(args: string[]): Promise<number> {
  return runReporting(USAGE, async () => {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) {
      console.error(`用法：${USAGE}`);
      return 2;
    }
    const backupDir = path.resolve(positionals[0] as string);
    const config = loadConfig();
    const started = performance.now();
    const manifest = await verifyBackup(backupDir);
    console.log(`备份校验通过：${backupDir}（${manifest.createdAt}，迁移版本 ${manifest.migrationVersion}）`);
    const keyPlan = await planRestoreKey(manifest.key, config, backupDir);
    const opened = await openDatabase(config);
    try {
      const result = await restoreBackup(opened.database, backupDir, manifest, {
        filesDir: config.filesDir,
        onTable: progress('已装载'),
      });
      if (keyPlan !== 'keep') {
        await installKeyFile(config, keyPlan.install);
        console.log(`已从备份安装主密钥：${masterKeyFile(config)}（权限 0600）`);
      }
      console.log(`恢复完成：${opened.description}`);
      console.log(
        `  ${manifest.tables.length} 张表共 ${result.rows.toLocaleString('zh-CN')} 行，上传文件 ${result.files} 个，用时 ${seconds(started)}`,
      );
      if (result.upgraded.length) console.log(`  恢复后已迁移到最新版本：${result.upgraded.join(', ')}`);
      if (manifest.missingFiles.length) {
        console.error(`警告：备份时已缺失的 ${manifest.missingFiles.length} 个上传文件未能恢复`);
      }
      if (manifest.key) console.log(`  请用同一个主密钥（编号 ${manifest.key.id}）启动服务，否则加密字段无法解密`);
      return 0;
    } finally {
      await opened.close();
    }
  });
}
