// `npm run bench` — performance budgets of ARCHITECTURE.md, measured on generated province-scale data.
//
// Database: DATABASE_URL=postgres://… → that PostgreSQL, in a fresh schema `bench_<random>` dropped at
// the end (also on failure or Ctrl-C); otherwise an embedded PGlite in a fresh temp dir. The app's
// ./data is never touched.
//
// Parameters: CLI flag, else env var, else the engine's default (PostgreSQL / PGlite):
//   --seed=N                 BENCH_SEED                  generator seed (1 / 1)
//   --committees=N           BENCH_COMMITTEES            committees; the office user is on committee 1 (10 / 4)
//   --units-per-committee=N  BENCH_UNITS_PER_COMMITTEE   org units per committee (2500 / 500)
//   --findings-per-unit=N    BENCH_FINDINGS_PER_UNIT     findings per unit (12 / 25)
//   --tasks-per-finding=X    BENCH_TASKS_PER_FINDING     tasks per finding, may be fractional (3.334 / 4)
//   --owners-per-unit=N      BENCH_OWNERS_PER_UNIT       task owners (users) per unit (2 / 2)
//   --batch-rows=N           BENCH_BATCH_ROWS            rows per INSERT … SELECT batch (100000 / 50000)
//   --liaisons=N             BENCH_LIAISONS              unit liaisons logged in, units spread over the tree (50)
//   --pages=N                BENCH_PAGES                 office ledger pages cycled through (10)
//   --warmup=N               BENCH_WARMUP                warm-up requests per scenario and server (30)
//   --requests=N             BENCH_REQUESTS              timed sequential requests per scenario and server (200)
//   --concurrency=K          BENCH_CONCURRENCY           concurrent clients in the throughput test (8)
//   --throughput-requests=N  BENCH_THROUGHPUT_REQUESTS   requests per server in the throughput test (2000)
//   BENCH_EXTRA_SQL=file.sql  a what-if script (e.g. a candidate CREATE INDEX) run after generation and
//                             before VACUUM ANALYZE; reported in the output. Default: none.
// PostgreSQL defaults are the province scale (25,000 units, 300,000 findings, ≈1,000,000 tasks);
// PGlite defaults are 2,000 units / 200,000 tasks so the embedded run stays within a few minutes.
//
// Output: progress on stderr, ONE JSON object on stdout. Exit 0 even over budget (a benchmark, not a
// test); non-zero on errors.
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { shanghaiToday, systemClock } from '../server/src/platform/clock.ts';
import type { DatabaseKind } from '../server/src/platform/db.ts';
import { measureAnalytics } from './analytics.ts';
import { measureCoverage } from './coverage.ts';
import { type BenchDatabase, openBenchDatabase } from './database.ts';
import { explainScenarios, type PlanSummary, planNote } from './explain.ts';
import { BENCH_PASSWORD, countRows, generate, officeUsername, provinceUsername, settle } from './generate.ts';
import { buildScenarios } from './ledger.ts';
import {
  type Comparison,
  LoadClient,
  type Measurement,
  measureAuth,
  measureLedger,
  measureThroughput,
  verify,
} from './measure.ts';
import { loadParams, plannedRows } from './params.ts';
import { measureProgress } from './progress.ts';
import { login, startApp, startBaseline } from './servers.ts';
import { measureExport, measureImport } from './xlsx.ts';

const startedAt = performance.now();
// Other work on the machine (test suites, browsers) skews every number: the load average is reported.
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const log = (line: string) => process.stderr.write(`[bench ${seconds(startedAt).toFixed(1)}s] ${line}\n`);

/** Everything opened so far, closed in reverse order exactly once (normal end, error or signal). */
const closers: (() => Promise<void>)[] = [];
async function cleanup() {
  for (let close = closers.pop(); close; close = closers.pop()) {
    await close().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function prepare(bench: BenchDatabase) {
  const { db, kind } = bench.database;
  const params = loadParams(kind);
  const plan = plannedRows(params);
  const today = shanghaiToday(systemClock);
  log(`${kind} ${bench.serverVersion}: generating ${plan.units} units, ${plan.findings} findings, ${plan.tasks} tasks`);
  const generateStarted = performance.now();
  await generate(db, params, plan, today, await hashPassword(BENCH_PASSWORD), log);
  const generateSeconds = seconds(generateStarted);
  const extraSql = process.env.BENCH_EXTRA_SQL || null;
  if (extraSql) {
    const extraStarted = performance.now();
    await bench.database.execScript(await readFile(extraSql, 'utf8'));
    log(`BENCH_EXTRA_SQL ${extraSql} applied in ${seconds(extraStarted)} s`);
  }
  const analyzeStarted = performance.now();
  const settleNote = await settle(db);
  const analyzeSeconds = seconds(analyzeStarted);
  const rows = await countRows(db);
  log(`generated in ${generateSeconds} s, VACUUM ANALYZE + CHECKPOINT ${analyzeSeconds} s: ${JSON.stringify(rows)}`);
  return { params, plan, today, settleNote, generated: { extraSql, generateSeconds, analyzeSeconds, rows } };
}

function notesFor(
  kind: DatabaseKind,
  batchRows: number,
  prepared: Awaited<ReturnType<typeof prepare>>,
  plans: PlanSummary[],
): string[] {
  return [
    'Data generated in SQL (INSERT … SELECT generate_series, md5-seeded deterministic ids/attributes), ' +
      `${batchRows} rows per batch, then VACUUM (ANALYZE) on every generated table and CHECKPOINT.`,
    ...(prepared.generated.extraSql ? [`What-if: BENCH_EXTRA_SQL=${prepared.generated.extraSql} was applied.`] : []),
    ...(prepared.settleNote ? [prepared.settleNote] : []),
    'Ledger budget (p95 ≤ 20 ms) is judged on the full authenticated HTTP request (*.app), the strictest reading; ' +
      'auth.me.app isolates the auth hook, *.sql_only the two ledger queries on the driver.',
    'Baseline SQL = the exact statements (text + parameters) of server listTasks for the same user and filter: ' +
      'captured by a Kysely plugin while the repository ran with a SessionUser built from the DB grants ' +
      '(loadGrants); the baseline route runs the items and count queries concurrently, as listTasks does.',
    'App path per request: session lookup + grants query (auth hook), zod query validation, items + count ' +
      'queries, abilities per row, zod response serialisation. Request logging is off in both servers.',
    "xlsx: the bench office user's whole ledger through GET /api/tasks/export (streamed, counted by the client in " +
      'this process), then parseImport of a generated 50,000-row ledger; RSS is this process (app + client), ' +
      'sampled every 20 ms. Budgets: export of 100,000 rows ≤ 15 s, import of 50,000 rows ≤ 20 s.',
    'HTTP client runs in a worker thread, keep-alive, on 127.0.0.1; sequential scenarios use 1 client; ' +
      'app and baseline requests alternate in 4 rounds.',
    ...(kind === 'pglite'
      ? [
          'PGlite: scaled-down data (see params); the ledger 20 ms budget is defined for real PostgreSQL, ' +
            'within_budget here is indicative only. PGlite is one session (concurrent requests queue) and runs ' +
            'in WASM on the server thread, so database time also blocks the event loop.',
        ]
      : []),
    "Coverage (届内全覆盖): one five-year term plan per committee over all its units; the office user's plan is " +
      'measured through HTTP (summary, first unit page, forecast) against the dashboard budget p95 ≤ 150 ms.',
    "整改进度 (issue 6): the office user's progress dashboard over its committee's tasks through HTTP (default, " +
      'by rate, one round, one unit kind, the ageing drill-down) against the dashboard budget p95 ≤ 150 ms; ' +
      'the generator sets closed_at (about a quarter of closings late), returned_count and reopened_count.',
    ...plans.map(planNote),
  ];
}

async function main() {
  const bench = await openBenchDatabase(log);
  closers.push(bench.dispose);
  const { db, kind } = bench.database;
  const prepared = await prepare(bench);
  const { params } = prepared;
  // today again, not the generator's: the Shanghai date can roll over while data is generated
  const scenarios = await buildScenarios(db, params, prepared.plan.units, shanghaiToday(systemClock));
  const all = [...scenarios.ledger, scenarios.throughput];
  const app = await startApp(bench.database, bench.scratchDir);
  closers.push(app.close);
  const baseline = await startBaseline(bench.database, all);
  closers.push(baseline.close);
  const client = new LoadClient();
  closers.push(() => client.close());

  const cookies = new Map<string, string>();
  for (const username of scenarios.usernames) cookies.set(username, await login(app.origin, username, BENCH_PASSWORD));
  const target = { appOrigin: app.origin, baselineOrigin: baseline.origin, cookies };
  await verify(target, all);
  log(`${cookies.size} sessions; app and baseline return the repository's rows for all ${all.length} scenarios`);

  const measurements: Measurement[] = [];
  const comparisons: Comparison[] = [];
  for (const scenario of scenarios.ledger) {
    const result = await measureLedger(client, target, db, scenario, params);
    measurements.push(...result.measurements);
    comparisons.push(result.comparison);
    log(`${scenario.name}: ${result.measurements.map((m) => `${m.name} p95 ${m.p95_ms} ms`).join(', ')}`);
  }
  const auth = await measureAuth(client, target, params);
  measurements.push(auth);
  log(`auth.me: p50 ${auth.p50_ms} ms, p95 ${auth.p95_ms} ms`);
  const concurrent = await measureThroughput(client, target, scenarios.throughput, params);
  measurements.push(...concurrent.measurements);
  log(`throughput: app ${concurrent.throughput.app_rps} req/s, baseline ${concurrent.throughput.baseline_rps} req/s`);

  const xlsx = [await measureExport(app.origin, cookies.get(officeUsername) ?? '', db), await measureImport()];
  for (const x of xlsx)
    log(`${x.name}: ${x.rows} rows in ${x.seconds} s, RSS ${x.rss_before_mb} → peak ${x.rss_peak_mb} MB`);

  const coverage = await measureCoverage(
    client,
    app.origin,
    cookies.get(officeUsername) ?? '',
    db,
    params,
    shanghaiToday(systemClock),
    log,
  );
  measurements.push(...coverage.measurements);
  measurements.push(...(await measureProgress(client, app.origin, cookies.get(officeUsername) ?? '', db, params, log)));
  measurements.push(
    ...(await measureAnalytics(
      client,
      app.origin,
      {
        office: cookies.get(officeUsername) ?? '',
        province: await login(app.origin, provinceUsername, BENCH_PASSWORD),
      },
      db,
      params,
      log,
    )),
  );

  const plans = await explainScenarios(db, all);
  for (const plan of plans) log(`EXPLAIN ${plan.query}\n    ${plan.plan.join('\n    ')}`);

  const notes = notesFor(kind, params.batchRows, prepared, plans);
  const report = {
    database: kind,
    serverVersion: bench.serverVersion,
    params,
    machine: {
      cpus: availableParallelism(),
      node: process.version,
      loadavg_start: loadAtStart,
      loadavg_end: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    ...prepared.generated,
    measurements,
    comparisons,
    throughput: concurrent.throughput,
    xlsx,
    notes,
  };
  await cleanup();
  process.stdout.write(`${JSON.stringify({ ...report, wallSeconds: seconds(startedAt) }, null, 2)}\n`);
}

main().catch(async (error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exitCode = 1;
});
