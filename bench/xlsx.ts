// The .xlsx budgets: the office user's whole ledger exported through the real HTTP route
// (GET /api/tasks/export, streamed), and a 50,000-row import: checked by parseImport (in `npm run
// bench`), and through the real route POST /api/units/import (standalone). Time and the peak RSS of
// this process (the app runs in it), sampled every 50 ms, against the RSS just before.
//
// Standalone: `node bench/xlsx.ts` (PGlite in a temp dir) or `DATABASE_URL=postgres://… node bench/xlsx.ts`
// (a fresh schema, dropped at the end) generates only what it needs — one committee with 1,000 units,
// 25,000 findings and 100,000 tasks, set-based — and prints one JSON object.
import { PassThrough } from 'node:stream';
import { streamWorkbook } from '../server/src/documents/xlsx/export.ts';
import { type ImportSpec, parseImport } from '../server/src/documents/xlsx/import.ts';
import { TASK_LEDGER_COLUMNS } from '../server/src/modules/task/task.export.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { shanghaiToday, systemClock } from '../server/src/platform/clock.ts';
import type { Db } from '../server/src/platform/db.ts';
import { openBenchDatabase } from './database.ts';
import { BENCH_PASSWORD, generate, officeUsername, settle } from './generate.ts';
import { loadParams, plannedRows } from './params.ts';
import { login, startApp } from './servers.ts';
import { unitWorkbook, uploadUnits } from './xlsx-import.ts';

export const EXPORT_BUDGET_S = 15;
export const IMPORT_BUDGET_S = 20;
export const IMPORT_ROWS = 50_000;

export interface XlsxMeasurement {
  name: string;
  rows: number;
  seconds: number;
  bytes: number;
  rss_before_mb: number;
  rss_peak_mb: number;
  budget_s: number;
  within_budget: boolean;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs `work`, sampling RSS meanwhile. */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: Math.round((performance.now() - started) / 10) / 100, before, peak };
  } finally {
    clearInterval(timer);
  }
}

async function exportedRows(db: Db): Promise<number> {
  const entry = await db
    .selectFrom('audit_entry')
    .select('after')
    .where('action', '=', 'task.export')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const after = (typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after) as { rows: number };
  return after.rows;
}

export async function measureExport(origin: string, cookie: string, db: Db): Promise<XlsxMeasurement> {
  const run = await measured(async () => {
    const res = await fetch(`${origin}/api/tasks/export`, {
      headers: { cookie },
      signal: AbortSignal.timeout(300_000),
    });
    if (res.status !== 200 || !res.body) throw new Error(`export → HTTP ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
    return bytes;
  });
  return {
    name: 'xlsx.export.tasks',
    rows: await exportedRows(db),
    seconds: run.seconds,
    bytes: run.result,
    rss_before_mb: mb(run.before),
    rss_peak_mb: mb(run.peak),
    budget_s: EXPORT_BUDGET_S,
    within_budget: run.seconds <= EXPORT_BUDGET_S,
  };
}

/** A ledger-shaped workbook of `count` rows, built with the export writer itself. */
async function ledgerWorkbook(count: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* rows() {
    for (let i = 1; i <= count; i++) {
      yield {
        unitName: `城关镇第${(i % 150) + 1}村`,
        findingTitle: `村集体“三资”管理不规范问题${i % 500}`,
        title: `清理村集体资产台账第${i}项`,
        measures: '逐项核对合同和资产，建立台账并公开。',
        responsibleLeader: '张建华',
        responsibleDepartment: '镇农经站',
        ownerName: '李红',
        dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
        status: 'in_progress',
        overdue: i % 7 === 0,
      };
    }
  }
  const iterator = rows();
  await streamWorkbook(out, { sheetName: '整改台账', columns: TASK_LEDGER_COLUMNS }, await iterator.next(), iterator);
  out.end();
  return Buffer.concat(chunks);
}

export async function measureImport(): Promise<XlsxMeasurement> {
  const file = await ledgerWorkbook(IMPORT_ROWS);
  const spec: ImportSpec = {
    sheetName: '整改台账',
    columns: TASK_LEDGER_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      required: true,
      ...('type' in c ? { type: c.type } : {}),
      ...('labels' in c && c.labels
        ? { labels: Object.fromEntries(Object.entries(c.labels).map(([k, v]) => [v, k])) }
        : {}),
    })),
  };
  const run = await measured(() => parseImport(file, spec));
  return {
    name: 'xlsx.import.parse',
    rows: run.result.rows.length,
    seconds: run.seconds,
    bytes: file.length,
    rss_before_mb: mb(run.before),
    rss_peak_mb: mb(run.peak),
    budget_s: IMPORT_BUDGET_S,
    within_budget: run.seconds <= IMPORT_BUDGET_S,
  };
}

export async function measureUnitImport(origin: string, cookie: string): Promise<XlsxMeasurement> {
  const file = await unitWorkbook(IMPORT_ROWS);
  const run = await measured(() => uploadUnits(origin, cookie, file));
  return {
    name: 'xlsx.import.units_route',
    rows: run.result,
    seconds: run.seconds,
    bytes: file.length,
    rss_before_mb: mb(run.before),
    rss_peak_mb: mb(run.peak),
    budget_s: IMPORT_BUDGET_S,
    within_budget: run.seconds <= IMPORT_BUDGET_S,
  };
}

const log = (line: string) => process.stderr.write(`[bench xlsx] ${line}\n`);

async function standalone() {
  const bench = await openBenchDatabase(log);
  try {
    const { db, kind } = bench.database;
    // one committee of 1,000 units × 25 findings × 4 tasks: the office user's ledger is 100,000 tasks
    const params = { ...loadParams(kind, []), committees: 1, unitsPerCommittee: 1000, findingsPerUnit: 25 };
    const plan = { ...plannedRows({ ...params, tasksPerFinding: 4 }) };
    log(`${kind} ${bench.serverVersion}: generating ${plan.tasks} tasks`);
    await generate(
      db,
      { ...params, tasksPerFinding: 4 },
      plan,
      shanghaiToday(systemClock),
      await hashPassword(BENCH_PASSWORD),
      log,
    );
    await settle(db);
    const app = await startApp(bench.database, bench.scratchDir);
    try {
      const cookie = await login(app.origin, officeUsername, BENCH_PASSWORD);
      const results = [await measureExport(app.origin, cookie, db), await measureUnitImport(app.origin, cookie)];
      for (const x of results)
        log(`${x.name}: ${x.rows} rows in ${x.seconds} s, RSS ${x.rss_before_mb} → ${x.rss_peak_mb} MB`);
      process.stdout.write(
        `${JSON.stringify({ database: kind, serverVersion: bench.serverVersion, node: process.version, xlsx: results }, null, 2)}\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

if (import.meta.main) {
  standalone().catch((error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
