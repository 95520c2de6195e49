// `npm run xuncha -- backup [--out <目录>] [--include-key]`: a consistent snapshot of the database and
// the uploaded files it references, with a manifest of SM3 checksums (platform/backup/dump.ts).
import { parseArgs } from 'node:util';
import { createBackup } from '../platform/backup/dump.ts';
import { masterKeyFile, readMasterKey } from '../platform/backup/key.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/open-database.ts';
import { megabytes, progress, runReporting, seconds } from './command.ts';

const USAGE = 'npm run xuncha -- backup [--out <目录，默认 ./backups>] [--include-key]';

export function runBackup(args: string[]): Promise<number> {
  return runReporting(USAGE, async () => {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string', default: 'backups' }, 'include-key': { type: 'boolean', default: false } },
    });
    const config = loadConfig();
    const includeKey = values['include-key'];
    const opened = await openDatabase(config);
    const started = performance.now();
    try {
      const { dir, manifest, bytes } = await createBackup(opened.database, {
        outDir: values.out,
        filesDir: config.filesDir,
        key: readMasterKey(config),
        includeKey,
        onTable: progress('已导出'),
      });
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      console.log(`备份完成：${dir}`);
      console.log(`  ${opened.description}，迁移版本 ${manifest.migrationVersion}，快照时间 ${manifest.createdAt}`);
      console.log(
        `  ${manifest.tables.length} 张表共 ${rows.toLocaleString('zh-CN')} 行，上传文件 ${manifest.files.length} 个`,
      );
      console.log(`  大小 ${megabytes(bytes)}，用时 ${seconds(started)}`);
      if (manifest.missingFiles.length) {
        console.error(`警告：数据库引用的 ${manifest.missingFiles.length} 个上传文件在磁盘上不存在，未能备份：`);
        for (const name of manifest.missingFiles) console.error(`  ${name}`);
      }
      if (includeKey) {
        console.error(
          '\n!!! 警告：本备份包含主密钥（key/master.key）。任何拿到此备份的人都能解密线索内容、反映人身份和谈话记录。\n' +
            '!!! 请将备份加密保存、严格控制访问，不再需要时安全销毁。\n',
        );
      } else if (manifest.key) {
        console.log(
          `  备份不含主密钥：恢复时需要同一个主密钥（编号 ${manifest.key.id}；XUNCHA_KEY 或 ${masterKeyFile(config)}），请与备份分开妥善保管`,
        );
      }
      if (config.extraKeys) {
        const ids = config.extraKeys.split(',').map((entry) => entry.split(':')[0]?.trim());
        console.log(
          `  注意：配置了旧密钥（XUNCHA_KEYS：${ids.join('、')}），部分密文可能仍由旧密钥加密：恢复时请同样设置 XUNCHA_KEYS，或先完成 rotate-key 再备份`,
        );
      }
      return 0;
    } finally {
      await opened.close();
    }
  });
}
