// `npm run xuncha -- verify-audit`: recomputes the audit log's SM3 hash chain and prints, in Chinese, the
// first broken link (if any) and the head to note down. Exit code 0 when intact, 1 when not. Read-only:
// it does not migrate. On the embedded database it takes the data-dir lock (the server must be stopped).
import { auditChainBreakKindLabels } from '@xuncha/contracts';
import { verifyAuditChain } from '../platform/audit-verify.ts';
import { loadConfig } from '../platform/config.ts';
import { currentVersionOf } from '../platform/migrate.ts';
import { openDatabase } from '../platform/open-database.ts';
import { seconds } from './command.ts';

const count = (n: number) => n.toLocaleString('zh-CN');

export async function runVerifyAudit(): Promise<number> {
  const opened = await openDatabase(loadConfig());
  const started = performance.now();
  try {
    if ((await currentVersionOf(opened.database.db)) < 15) {
      console.error('数据库尚未迁移到审计哈希链版本（0015），请先执行 npm run xuncha -- migrate');
      return 1;
    }
    console.log(`审计日志完整性校验（SM3 哈希链）：${opened.description}`);
    const report = await verifyAuditChain(opened.database.db, {
      onProgress: (checked) => {
        if (checked % 100_000 === 0) console.error(`  已校验 ${count(checked)} 条……`);
      },
    });
    console.log(`  已校验 ${count(report.checked)} 条，用时 ${seconds(started)}`);
    if (report.head)
      console.log(`  链头：编号 ${report.head.id}，哈希 ${report.head.hash}（请留存，用于发现末尾条目被截去）`);
    const first = report.firstBreak;
    if (!first) {
      console.log('  结果：哈希链完整，未发现修改、删除或调换顺序');
      return 0;
    }
    console.log(
      `  结果：发现 ${count(report.broken)} 条异常。第一处：编号 ${first.id}，${auditChainBreakKindLabels[first.kind]}`,
    );
    if (first.movedFromId !== null) console.log(`    该条内容原为编号 ${first.movedFromId} 的条目`);
    console.log(`    应有前序哈希   ${first.expectedPrevHash}`);
    console.log(`    存储的前序哈希 ${first.storedPrevHash ?? '（空）'}`);
    console.log(`    存储的哈希     ${first.storedHash ?? '（空）'}`);
    console.log(`    重新计算的哈希 ${first.computedHash ?? '（无法计算）'}`);
    return 1;
  } finally {
    await opened.close();
  }
}
