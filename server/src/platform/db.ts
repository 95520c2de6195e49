// One database handle for both engines. PGlite (embedded, default) and PostgreSQL (DATABASE_URL)
// are configured with the same type parsers so rows have identical shapes on both:
// dates as 'YYYY-MM-DD', timestamps as ISO strings, int8/numeric as numbers.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(sql: string): Promise<void>;
  /** Embedded only: the whole data directory as a tarball (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;
const keepText = (value: string) => value;
const toIso = (value: string) => new Date(value).toISOString();
const toNumber = (value: string) => Number(value);
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: toNumber,
  [OID.numeric]: toNumber,
  [OID.date]: keepText,
  [OID.timestamptz]: toIso,
};

/** `template`: a dumped data directory to start from instead of running initdb (≈ 1.5 s instead of ≈ 7 s). */
export async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Database> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
    parsers: Object.fromEntries(Object.entries(parsers).map(([oid, fn]) => [Number(oid), fn])),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'pglite',
    db,
    execScript: async (script) => {
      await pglite.exec(script);
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: () => db.destroy(),
  };
}

export interface PostgresOptions {
  connectionString: string;
  /** Test isolation: every connection gets this search_path. */
  schema?: string;
  max?: number;
}

export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    execScript: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}

/** One use case = one transaction; the audit entry is written inside it. */
export function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
