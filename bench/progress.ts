// 整改进度 (issue 6) budget: the office user's progress dashboard over its committee's tasks (≈100,000 of the
// ≈1,000,000 at the PostgreSQL defaults), measured through authenticated HTTP against the dashboard-aggregate
// budget (p95 ≤ 150 ms): the default view (most overdue units first), sorted by rate, one round, one unit
// kind, and the drill-down behind an ageing bar.
import type { Db } from '../server/src/platform/db.ts';
import { type LoadClient, type Measurement, summarise } from './measure.ts';
import type { BenchParams } from './params.ts';

export const PROGRESS_BUDGET_P95_MS = 150;

export async function measureProgress(
  client: LoadClient,
  appOrigin: string,
  cookie: string,
  db: Db,
  p: BenchParams,
  log: (line: string) => void,
) {
  const office = await db
    .selectFrom('app_user')
    .select('committee_id')
    .where('username', '=', 'bench-office')
    .executeTakeFirstOrThrow();
  // the round with the most inspections of the office's committee (all are equal in the generator)
  const round = await db
    .selectFrom('round')
    .select('id')
    .where('committee_id', '=', office.committee_id as string)
    .orderBy('year', 'desc')
    .executeTakeFirstOrThrow();
  // the dashboard must count what the table holds before its speed means anything
  const body = (await (await fetch(`${appOrigin}/api/rectification-progress`, { headers: { cookie } })).json()) as {
    totals: { tasks: number; overdue: number };
  };
  const expected = await db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('committee_id', '=', office.committee_id as string)
    .executeTakeFirstOrThrow();
  if (body.totals.tasks !== Number(expected.n))
    throw new Error(`progress dashboard counts ${body.totals.tasks} tasks, the committee has ${expected.n}`);
  log(`progress: ${body.totals.tasks} tasks, ${body.totals.overdue} overdue in the office user's committee`);
  const measurements: Measurement[] = [];
  for (const [name, path] of [
    ['progress.dashboard.app', '/api/rectification-progress?pageSize=20'],
    ['progress.dashboard_by_rate.app', '/api/rectification-progress?pageSize=20&sort=rate'],
    ['progress.dashboard_round.app', `/api/rectification-progress?pageSize=20&roundId=${round.id}`],
    ['progress.dashboard_unit_kind.app', '/api/rectification-progress?pageSize=20&unitKind=township'],
    ['progress.drill_ageing.app', '/api/rectification-progress/tasks?kind=overdue&ageing=d31_90&pageSize=20'],
  ] as const) {
    const request = { url: `${appOrigin}${path}`, cookie };
    await client.run({ requests: Array.from({ length: p.warmup }, () => request), concurrency: 1 });
    const run = await client.run({ requests: Array.from({ length: p.requests }, () => request), concurrency: 1 });
    const measurement = summarise(name, run, 1, PROGRESS_BUDGET_P95_MS);
    measurements.push(measurement);
    log(`${name}: p50 ${measurement.p50_ms} ms, p95 ${measurement.p95_ms} ms`);
  }
  return measurements;
}
