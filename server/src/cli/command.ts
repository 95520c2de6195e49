// Shared by the backup and restore commands: a refusal (BackupError) or a mistyped option is a
// message for the operator, not a stack trace.
import { BackupError } from '../platform/backup/manifest.ts';

export async function runReporting(usage: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`错误：${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`参数错误：${(error as Error).message}\n用法：${usage}`);
      return 2;
    }
    throw error;
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Large tables are reported as they finish, so a long run shows it is moving. */
export function progress(verb: string) {
  return (table: string, rows: number) => {
    if (rows >= 10_000) console.error(`  ${verb} ${table}：${rows.toLocaleString('zh-CN')} 行`);
  };
}
