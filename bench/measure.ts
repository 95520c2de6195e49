// Timed request series: warm-up, then N requests cycling through the scenario's variants (different
// units / pages), against the app, the baseline, and the bare SQL on the driver (the floor both share).
import { Worker } from 'node:worker_threads';
import type { Db } from '../server/src/platform/db.ts';
import { runLedgerQueries, type Scenario, type Variant } from './ledger.ts';
import type { LoadJob, LoadReply, LoadRequest } from './load-worker.ts';
import type { BenchParams } from './params.ts';
import { baselinePath } from './servers.ts';

export const LEDGER_BUDGET_P95_MS = 20;
export const THROUGHPUT_BUDGET_RATIO = 0.6;

export interface Measurement {
  name: string;
  n: number;
  concurrency: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
  rps: number;
  budget_p95_ms?: number;
  within_budget?: boolean;
}

export interface Comparison {
  scenario: string;
  app_rps: number;
  baseline_rps: number;
  throughput_ratio: number;
  p95_ratio: number;
}

export class LoadClient {
  readonly #worker = new Worker(new URL('./load-worker.ts', import.meta.url));

  run(job: LoadJob): Promise<{ durationsMs: number[]; elapsedMs: number }> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.#worker.once('error', onError);
      this.#worker.once('message', (reply: LoadReply) => {
        this.#worker.off('error', onError);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      });
      this.#worker.postMessage(job);
    });
  }

  async close() {
    await this.#worker.terminate();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export function summarise(
  name: string,
  run: { durationsMs: number[]; elapsedMs: number },
  concurrency: number,
  budgetP95Ms?: number,
): Measurement {
  const sorted = [...run.durationsMs].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  return {
    name,
    n: sorted.length,
    concurrency,
    p50_ms: round2(percentile(sorted, 0.5)),
    p95_ms: round2(p95),
    p99_ms: round2(percentile(sorted, 0.99)),
    mean_ms: round2(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    rps: round2((sorted.length * 1000) / run.elapsedMs),
    ...(budgetP95Ms === undefined ? {} : { budget_p95_ms: budgetP95Ms, within_budget: p95 <= budgetP95Ms }),
  };
}

export interface Target {
  appOrigin: string;
  baselineOrigin: string;
  cookies: Map<string, string>;
}

function appRequest(t: Target, v: Variant): LoadRequest {
  return { url: `${t.appOrigin}${v.path}`, cookie: t.cookies.get(v.username) };
}

/** Request i goes to variant i mod V: app and baseline see the same sequence. */
function series(t: Target, s: Scenario, n: number) {
  const pick = (i: number) => i % s.variants.length;
  return {
    app: Array.from({ length: n }, (_, i) => appRequest(t, s.variants[pick(i)] as Variant)),
    baseline: Array.from({ length: n }, (_, i) => ({ url: `${t.baselineOrigin}${baselinePath(s.name, pick(i))}` })),
  };
}

interface PageBody {
  items: { id: string }[];
  total: number;
}

async function fetchPage(request: LoadRequest): Promise<PageBody> {
  const res = await fetch(request.url, {
    headers: request.cookie ? { cookie: request.cookie } : {},
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`${request.url} → HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as PageBody;
}

/** Both servers must return exactly what the repository returned, or the comparison means nothing. */
export async function verify(t: Target, scenarios: Scenario[]) {
  for (const s of scenarios) {
    for (const [i, v] of s.variants.entries()) {
      const baseline = { url: `${t.baselineOrigin}${baselinePath(s.name, i)}` };
      for (const [who, request] of [['app', appRequest(t, v)] as const, ['baseline', baseline] as const]) {
        const page = await fetchPage(request);
        const ids = page.items.map((item) => item.id).join();
        if (ids !== v.expected.ids.join() || page.total !== v.expected.total)
          throw new Error(
            `${who} ${s.name}#${i} differs from the repository result (total ${page.total} vs ${v.expected.total})`,
          );
      }
    }
  }
}

async function timeSql(db: Db, s: Scenario, n: number) {
  const durationsMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await runLedgerQueries(db, (s.variants[i % s.variants.length] as Variant).queries);
    durationsMs.push(performance.now() - t0);
  }
  return { durationsMs, elapsedMs: performance.now() - started };
}

/** App and baseline take turns in a few rounds, so drift on the machine (checkpoints, autovacuum) hits both. */
const ROUNDS = 4;

async function alternate(client: LoadClient, app: LoadRequest[], baseline: LoadRequest[], concurrency: number) {
  const runs = {
    app: { durationsMs: [] as number[], elapsedMs: 0 },
    baseline: { durationsMs: [] as number[], elapsedMs: 0 },
  };
  const size = Math.ceil(app.length / ROUNDS);
  for (let lo = 0; lo < app.length; lo += size) {
    for (const [key, requests] of [['app', app] as const, ['baseline', baseline] as const]) {
      const run = await client.run({ requests: requests.slice(lo, lo + size), concurrency });
      runs[key].durationsMs.push(...run.durationsMs);
      runs[key].elapsedMs += run.elapsedMs;
    }
  }
  return runs;
}

/** Sequential latency of one ledger scenario: app vs baseline vs the SQL alone. */
export async function measureLedger(client: LoadClient, t: Target, db: Db, s: Scenario, p: BenchParams) {
  const warm = series(t, s, p.warmup);
  await alternate(client, warm.app, warm.baseline, 1);
  const { app, baseline } = series(t, s, p.requests);
  const runs = await alternate(client, app, baseline, 1);
  const appRun = summarise(`${s.name}.app`, runs.app, 1, LEDGER_BUDGET_P95_MS);
  const baseRun = summarise(`${s.name}.baseline`, runs.baseline, 1);
  const sqlRun = summarise(`${s.name}.sql_only`, await timeSql(db, s, p.requests), 1);
  const comparison: Comparison = {
    scenario: s.name,
    app_rps: appRun.rps,
    baseline_rps: baseRun.rps,
    throughput_ratio: round2(appRun.rps / baseRun.rps),
    p95_ratio: round2(appRun.p95_ms / baseRun.p95_ms),
  };
  return { measurements: [appRun, baseRun, sqlRun], comparison };
}

/** The auth hook alone (session + grants lookups): GET /api/auth/me, cycling through the sessions. */
export async function measureAuth(client: LoadClient, t: Target, p: BenchParams) {
  const cookies = [...t.cookies.values()];
  const requests = Array.from({ length: p.requests }, (_, i) => ({
    url: `${t.appOrigin}/api/auth/me`,
    cookie: cookies[i % cookies.length],
  }));
  await client.run({ requests: requests.slice(0, p.warmup), concurrency: 1 });
  return summarise('auth.me.app', await client.run({ requests, concurrency: 1 }), 1);
}

/** K concurrent clients, a bounded number of requests, app and baseline in alternating rounds. */
export async function measureThroughput(client: LoadClient, t: Target, s: Scenario, p: BenchParams) {
  const k = p.concurrency;
  const warm = series(t, s, Math.min(200, p.throughputRequests));
  await alternate(client, warm.app, warm.baseline, k);
  const { app, baseline } = series(t, s, p.throughputRequests);
  const runs = await alternate(client, app, baseline, k);
  const appRun = summarise(`${s.name}.app.concurrent`, runs.app, k);
  const baseRun = summarise(`${s.name}.baseline.concurrent`, runs.baseline, k);
  const ratio = round2(appRun.rps / baseRun.rps);
  return {
    measurements: [appRun, baseRun],
    throughput: {
      scenario: s.name,
      concurrency: k,
      requests: p.throughputRequests,
      app_rps: appRun.rps,
      baseline_rps: baseRun.rps,
      ratio,
      budget_ratio: THROUGHPUT_BUDGET_RATIO,
      within_budget: ratio >= THROUGHPUT_BUDGET_RATIO,
    },
  };
}
