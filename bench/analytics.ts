// 统计分析 and 上下联动 (issue 9) budget: each analytics endpoint of the office user's committee (≈100,000 of
// the ≈1,000,000 tasks at the PostgreSQL defaults), measured through authenticated HTTP against the
// dashboard-aggregate budget (p95 ≤ 150 ms). Each part lists its figures' routes in ANALYTICS_ROUTES;
// `{roundId}` in a path is replaced by the office committee's latest round. PROVINCE_ROUTES are called by the
// province committee's office above all generated committees (上下联动: every lower committee's figures).
import { scanCommittee } from '../server/src/modules/rectification-signal/signal.scan.repository.ts';
import { type Db, withTransaction } from '../server/src/platform/db.ts';
import { type LoadClient, type Measurement, summarise } from './measure.ts';
import type { BenchParams } from './params.ts';

export const ANALYTICS_BUDGET_P95_MS = 150;

/** [measurement name, path] — dashboards, drill-down pages (20 rows) and rankings, as the pages call them. */
export const ANALYTICS_ROUTES: (readonly [string, string])[] = [
  ['analytics.rectification.app', '/api/analytics/rectification?pageSize=10'],
  ['analytics.rectification.round', '/api/analytics/rectification?roundId={roundId}&pageSize=10'],
  ['analytics.rectification.drill', '/api/analytics/rectification/tasks?kind=overdue&ageing=d90_plus&pageSize=20'],
  ['analytics.handovers.app', '/api/analytics/handovers'],
  ['analytics.handovers.drill', '/api/analytics/handovers/rows?outcome=overdue&pageSize=20'],
  ['analytics.workload.app', '/api/analytics/workload?pageSize=10'],
  ['analytics.workload.cadres', '/api/analytics/workload/cadres?pageSize=10'],
  ['analytics.workload.drill', '/api/analytics/workload/inspections?pageSize=20'],
  ['linkage.committees.app', '/api/linkage/committees'],
  ['overview', '/api/overview'],
  ['risk.ranking.app', '/api/risk-ranking?pageSize=20'],
  ['analytics.findings.app', '/api/analytics/findings/summary'],
  ['analytics.findings.round', '/api/analytics/findings/summary?roundId={roundId}'],
  ['analytics.findings.drill', '/api/analytics/findings?dimension=discipline&value=integrity&pageSize=20'],
  ['analytics.outcomes.app', '/api/analytics/outcomes/summary'],
  ['analytics.outcomes.drill', '/api/analytics/outcomes/evidence?kind=money&pageSize=20'],
  ['signals.list.app', '/api/rectification-signals?pageSize=20'],
  ['signals.list.bulk', '/api/rectification-signals?kind=bulk_close&pageSize=20'],
  ['signals.summary.app', '/api/rectification-signals/summary?pageSize=10'],
];

/** [measurement name, path] called by the province committee's office (bench-province). */
export const PROVINCE_ROUTES: (readonly [string, string])[] = [
  ['linkage.province.app', '/api/linkage/committees'],
  ['linkage.province.drill', '/api/linkage/committees/{committeeId}/findings?pageSize=20'],
];

export async function measureAnalytics(
  client: LoadClient,
  appOrigin: string,
  cookies: { office: string; province: string },
  db: Db,
  p: BenchParams,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const office = await db
    .selectFrom('app_user')
    .select('committee_id')
    .where('username', '=', 'bench-office')
    .executeTakeFirstOrThrow();
  const round = await db
    .selectFrom('round')
    .select('id')
    .where('committee_id', '=', office.committee_id as string)
    .orderBy('year', 'desc')
    .executeTakeFirstOrThrow();
  // 整改不实 signals are listed from the stored result of a scan: run the committee's scan once, timed
  const scanStarted = performance.now();
  const scan = await withTransaction(db, (tx) =>
    scanCommittee(tx, office.committee_id as string, null, new Date().toISOString()),
  );
  log(
    `signals: scan of the office committee ${Math.round(performance.now() - scanStarted)} ms, ${JSON.stringify(scan)}`,
  );
  const measurements: Measurement[] = [];
  const routes = [
    ...ANALYTICS_ROUTES.map(([name, path]) => [name, path, cookies.office] as const),
    ...PROVINCE_ROUTES.map(([name, path]) => [name, path, cookies.province] as const),
  ];
  for (const [name, template, cookie] of routes) {
    const path = template.replaceAll('{roundId}', round.id).replaceAll('{committeeId}', office.committee_id as string);
    const request = { url: `${appOrigin}${path}`, cookie };
    const probe = await fetch(request.url, { headers: { cookie } });
    if (!probe.ok) throw new Error(`${name}: ${template} answered ${probe.status} ${await probe.text()}`);
    await client.run({ requests: Array.from({ length: p.warmup }, () => request), concurrency: 1 });
    const run = await client.run({ requests: Array.from({ length: p.requests }, () => request), concurrency: 1 });
    const measurement = summarise(name, run, 1, ANALYTICS_BUDGET_P95_MS);
    measurements.push(measurement);
    log(`${name}: p50 ${measurement.p50_ms} ms, p95 ${measurement.p95_ms} ms`);
  }
  return measurements;
}
