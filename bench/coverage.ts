// Coverage (届内全覆盖) budget: a term plan per generated committee over all its units (25,000 plan units at
// the PostgreSQL defaults), then the office user's plan measured through authenticated HTTP — the summary, the
// first page of the unit list and the forecast — against the dashboard-aggregate budget (p95 ≤ 150 ms).
// To put all 25,000 units into one plan, run with --committees=1 --units-per-committee=25000.
import { sql } from 'kysely';
import { includeAllActiveUnits } from '../server/src/modules/term-plan/term-plan.repository.ts';
import type { Db } from '../server/src/platform/db.ts';
import { type LoadClient, type Measurement, summarise } from './measure.ts';
import type { BenchParams } from './params.ts';

export const COVERAGE_BUDGET_P95_MS = 150;

/** A five-year term ending this year, for every committee; returns the plan of the bench office user's committee. */
async function createPlans(db: Db, officeUserId: string, today: string) {
  const year = Number(today.slice(0, 4));
  const committees = await db.selectFrom('committee').select('id').orderBy('id').execute();
  const office = await db
    .selectFrom('app_user')
    .select('committee_id')
    .where('id', '=', officeUserId)
    .executeTakeFirstOrThrow();
  let officePlan = '';
  for (const committee of committees) {
    const plan = await db
      .insertInto('term_plan')
      .values({
        committee_id: committee.id,
        name: '压测届内规划',
        start_date: `${year - 4}-01-01`,
        end_date: `${year}-12-31`,
        rounds_per_year: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await includeAllActiveUnits(db, plan.id, committee.id, officeUserId);
    if (committee.id === office.committee_id) officePlan = plan.id;
  }
  await sql`ANALYZE term_plan_unit`.execute(db);
  const units = await db
    .selectFrom('term_plan_unit')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      sql<number>`count(*) FILTER (WHERE term_plan_id = ${officePlan})`.as('mine'),
    ])
    .executeTakeFirstOrThrow();
  return { planId: officePlan, planUnits: Number(units.all), officePlanUnits: Number(units.mine) };
}

export async function measureCoverage(
  client: LoadClient,
  appOrigin: string,
  cookie: string,
  db: Db,
  p: BenchParams,
  today: string,
  log: (line: string) => void,
) {
  const officeUser = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'bench-office')
    .executeTakeFirstOrThrow();
  const { planId, planUnits, officePlanUnits } = await createPlans(db, officeUser.id, today);
  log(`coverage: ${planUnits} plan units in all, ${officePlanUnits} in the office user's plan`);
  const measurements: Measurement[] = [];
  for (const [name, path] of [
    ['coverage.summary.app', `/api/term-plans/${planId}/coverage`],
    ['coverage.units_page.app', `/api/term-plans/${planId}/coverage/units?pageSize=20`],
    ['coverage.forecast.app', `/api/term-plans/${planId}/forecast`],
  ] as const) {
    const request = { url: `${appOrigin}${path}`, cookie };
    await client.run({ requests: Array.from({ length: p.warmup }, () => request), concurrency: 1 });
    const run = await client.run({ requests: Array.from({ length: p.requests }, () => request), concurrency: 1 });
    const measurement = summarise(name, run, 1, COVERAGE_BUDGET_P95_MS);
    measurements.push(measurement);
    log(`${name}: p50 ${measurement.p50_ms} ms, p95 ${measurement.p95_ms} ms`);
  }
  return { measurements, planUnits, officePlanUnits };
}
