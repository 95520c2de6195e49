// Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite
// under DATA_DIR, guarded by the data-dir lock.
import path from 'node:path';
import type { Config } from './config.ts';
import { lockDataDir } from './datadir-lock.ts';
import { type Database, openPglite, openPostgres } from './db.ts';

export interface OpenedDatabase {
  database: Database;
  /** Human-readable, without credentials. */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = openPostgres({ connectionString: config.databaseUrl });
    const url = new URL(config.databaseUrl);
    return {
      database,
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => database.close(),
    };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const pgdata = path.join(config.dataDir, 'pgdata');
    const database = await openPglite(pgdata);
    return {
      database,
      description: `内嵌数据库 PGlite（${pgdata}）`,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
