// An isolated, migrated database per test file: an in-memory PGlite by default, or a fresh schema
// in the PostgreSQL of DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';

export interface TestDatabase extends Database {
  /** Drops what the test created (the schema on PostgreSQL) and closes the connection. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // the run's migrated template (global-setup.ts); migrate() then finds nothing to do
    const template = inject('pgliteTemplate');
    const database = await openPglite(undefined, template ? new Blob([await readFile(template)]) : undefined);
    await migrate(database);
    return { ...database, dispose: () => database.close() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = openPostgres({ connectionString: url, schema, max: 4 });
  await migrate(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
