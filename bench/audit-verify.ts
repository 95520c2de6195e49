// `node bench/audit-verify.ts [--entries=N]`: the audit hash chain at scale (issue 8 quality section).
//  1. generates N chained audit entries (default 1,000,000 on PostgreSQL, 100,000 on PGlite): hashes
//     computed in Node exactly as writeAudit does, inserted in batches through unnest();
//  2. times verifyAuditChain over them (entries/s, total s, peak RSS while verifying);
//  3. times writeAudit against the unchained single INSERT it replaced: 2,000 one-entry transactions
//     one after another, and the same with 8 concurrent clients (chained writers queue on the chain lock).
// Database like `npm run bench`: DATABASE_URL → a fresh schema dropped at the end, else a temp PGlite.
// Progress on stderr, one JSON object on stdout.
import { sql } from 'kysely';
import { writeAudit } from '../server/src/platform/audit.ts';
import { type ChainEntry, chainHash, GENESIS_HASH } from '../server/src/platform/audit-chain.ts';
import { verifyAuditChain } from '../server/src/platform/audit-verify.ts';
import type { Db } from '../server/src/platform/db.ts';
import { openBenchDatabase } from './database.ts';

const log = (line: string) => console.error(`[audit-verify] ${line}`);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ACTIONS = ['task.update', 'task.verify', 'finding.create', 'clue.read', 'auth.login', 'evidence.upload'];
const BASE_MS = Date.parse('2026-01-01T00:00:00Z');

/** Entry i as writeAudit would have stored it; `at` carries microseconds like now() does. */
function entryOf(i: number): ChainEntry {
  const at = new Date(BASE_MS + i * 37).toISOString().replace('Z', `${String(i % 1000).padStart(3, '0')}Z`);
  return {
    id: i,
    at,
    actor_id: null,
    actor_name: ['王芳', '赵刚', '钱进', '郑洁'][i % 4] ?? null,
    action: ACTIONS[i % ACTIONS.length] ?? 'task.update',
    entity: 'task',
    entity_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    before: i % 3 === 0 ? null : { status: 'open', dueDate: '2026-06-30', progress: (i % 100) / 100 },
    after: { status: i % 2 ? 'submitted' : 'in_progress', note: `第 ${i} 次更新：整改措施已落实`, seq: i },
    request_id: `req-${i}`,
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
  };
}

async function generate(db: Db, total: number, batch = 10_000) {
  let prev = GENESIS_HASH;
  for (let start = 1; start <= total; start += batch) {
    const rows = Array.from({ length: Math.min(batch, total - start + 1) }, (_, k) => {
      const entry = entryOf(start + k);
      const hash = chainHash(prev, entry);
      const row = { ...entry, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    const json = (key: 'before' | 'after') => rows.map((r) => (r[key] === null ? null : JSON.stringify(r[key])));
    await sql`
      INSERT INTO audit_entry (id, at, actor_name, action, entity, entity_id, before, after, request_id, ip, prev_hash, hash)
      OVERRIDING SYSTEM VALUE
      SELECT id, at, actor_name, action, entity, entity_id, b::jsonb, a::jsonb, request_id, ip, prev_hash, hash
      FROM unnest(${col('id')}::bigint[], ${col('at')}::timestamptz[], ${col('actor_name')}::text[], ${col('action')}::text[],
                  ${col('entity')}::text[], ${col('entity_id')}::text[], ${json('before')}::text[], ${json('after')}::text[],
                  ${col('request_id')}::text[], ${col('ip')}::text[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
        AS t(id, at, actor_name, action, entity, entity_id, b, a, request_id, ip, prev_hash, hash)`.execute(db);
    if ((start + batch - 1) % 100_000 < batch) log(`generated ${Math.min(start + batch - 1, total)} / ${total}`);
  }
  await sql`SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), ${total})`.execute(db);
  await sql`ANALYZE audit_entry`.execute(db);
}

const actor = { userId: null, userName: '基准测试', requestId: 'bench', ip: '127.0.0.1' };
const record = (i: number) => ({
  action: 'bench.write',
  entity: 'task',
  entityId: String(i),
  after: { i, status: 'open' },
});

/** The single INSERT writeAudit did before the chain, into an unchained copy of the table. */
const plainInsert = (db: Db, i: number) =>
  db.transaction().execute((tx) =>
    sql`INSERT INTO audit_plain (actor_name, action, entity, entity_id, after, request_id, ip)
        VALUES (${actor.userName}, 'bench.write', 'task', ${String(i)}, ${JSON.stringify(record(i).after)}::jsonb, 'bench', '127.0.0.1')`.execute(
      tx,
    ),
  );
const chainedInsert = (db: Db, i: number) => db.transaction().execute((tx) => writeAudit(tx, actor, record(i)));

async function timeWrites(db: Db, write: (db: Db, i: number) => Promise<unknown>, count: number, clients: number) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await write(db, next++);
    }),
  );
  const ms = performance.now() - started;
  return {
    transactions: count,
    clients,
    total_ms: Math.round(ms),
    mean_ms: +(ms / count).toFixed(3),
    tps: Math.round((count * 1000) / ms),
  };
}

async function main() {
  const bench = await openBenchDatabase(log);
  try {
    const db = bench.database.db;
    const total = Number(arg('entries') ?? (bench.database.kind === 'postgres' ? 1_000_000 : 100_000));
    let started = performance.now();
    await generate(db, total);
    const generateSeconds = (performance.now() - started) / 1000;
    log(`generated ${total} chained entries in ${generateSeconds.toFixed(1)} s; verifying`);
    let peakRss = process.memoryUsage().rss;
    started = performance.now();
    const report = await verifyAuditChain(db, {
      onProgress: (checked) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (checked % 100_000 === 0) log(`verified ${checked}`);
      },
    });
    const verifySeconds = (performance.now() - started) / 1000;
    if (!report.ok || report.checked !== total) throw new Error(`verification failed: ${JSON.stringify(report)}`);
    log(`verified ${total} in ${verifySeconds.toFixed(1)} s; timing writeAudit`);
    await sql`CREATE TABLE audit_plain (LIKE audit_entry INCLUDING DEFAULTS INCLUDING IDENTITY)`.execute(db);
    const writes = {
      plain_sequential: await timeWrites(db, plainInsert, 2000, 1),
      chained_sequential: await timeWrites(db, chainedInsert, 2000, 1),
      plain_8_clients: await timeWrites(db, plainInsert, 2000, 8),
      chained_8_clients: await timeWrites(db, chainedInsert, 2000, 8),
    };
    const after = await verifyAuditChain(db);
    if (!after.ok) throw new Error('chain broken after the write benchmark');
    console.log(
      JSON.stringify(
        {
          engine: bench.database.kind,
          server_version: bench.serverVersion,
          entries: total,
          generate_s: +generateSeconds.toFixed(1),
          verify: {
            total_s: +verifySeconds.toFixed(2),
            entries_per_s: Math.round(total / verifySeconds),
            peak_rss_mb: Math.round(peakRss / 1024 / 1024),
          },
          write_audit: {
            ...writes,
            overhead_sequential_ms: +(writes.chained_sequential.mean_ms - writes.plain_sequential.mean_ms).toFixed(3),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
