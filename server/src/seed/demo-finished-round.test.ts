// The district's finished round: every inspection traced from 进驻 to 整改, with realistic variety, sealed text
// that opens with the seeding key, and the whole district seed still fast.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { openJson } from '../platform/crypto/sealed.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { seedDemo } from './demo.ts';
import { seedDemoDistrict } from './demo-district.ts';

const keyring = testKeyring();
let database: TestDatabase;
let districtMs = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  const clock = fixedClock(TEST_NOW);
  const demo = await seedDemo(database.db, clock, keyring);
  const started = performance.now();
  await seedDemoDistrict(database.db, clock, keyring, demo);
  districtMs = performance.now() - started;
});
afterAll(() => database.dispose());

const ROUND = '2025年区委惠民资金专项巡察';

it('gives each inspection of the finished round 4–8 fed-back findings, two of them 共性问题', async () => {
  const rows = await database.db
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .leftJoin('finding as f', 'f.inspection_id', 'i.id')
    .select([
      'i.phase',
      sql<number>`count(f.id)::int`.as('findings'),
      sql<number>`(count(*) FILTER (WHERE f.is_common))::int`.as('common'),
      sql<number>`(count(*) FILTER (WHERE f.status = 'fed_back'))::int`.as('fedBack'),
    ])
    .where('r.name', '=', ROUND)
    .groupBy(['i.id', 'i.phase'])
    .execute();
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const row of rows) {
    expect(row.findings).toBeGreaterThanOrEqual(4);
    expect(row.findings).toBeLessThanOrEqual(8);
    expect(row.common).toBe(2);
    expect(row.fedBack).toBe(row.findings);
  }
  expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['rectifying', 'evaluating', 'archived']));
  const areas = await sql<{ area: string }>`SELECT DISTINCT unnest(areas) AS area FROM finding`.execute(database.db);
  expect(areas.rows.map((r) => r.area)).toEqual(
    expect.arrayContaining(['bidding', 'procurement', 'welfare_funds', 'village_assets', 'cadre_selection']),
  );
});

it('answers the clues across the 四种形态 and closes only what has a result', async () => {
  const handovers = await database.db.selectFrom('handover').selectAll().execute();
  const dispositions = new Set(handovers.map((h) => h.disposition).filter(Boolean));
  expect(dispositions.size).toBeGreaterThanOrEqual(3);
  for (const h of handovers.filter((x) => x.status === 'closed' || x.status === 'concluded')) {
    expect(h.result_sealed).not.toBeNull();
    expect(openJson<{ summary: string }>(keyring, h.result_sealed as string).summary.length).toBeGreaterThan(0);
  }
  const clues = await database.db.selectFrom('clue').select(['content_sealed', 'status']).execute();
  for (const c of clues) expect(openJson<{ allegation: string }>(keyring, c.content_sealed).allegation).toBeTruthy();
  const forms = await database.db.selectFrom('handover_person').select('form').distinct().execute();
  expect(forms.map((f) => f.form).filter(Boolean).length).toBeGreaterThanOrEqual(3);
});

it('has closed tasks everywhere and overdue ones only where the unit still rectifies', async () => {
  const rows = await database.db
    .selectFrom('task as t')
    .innerJoin('inspection as i', 'i.id', 't.inspection_id')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .select(['i.phase', 't.status', 't.due_date'])
    .where('r.name', '=', ROUND)
    .execute();
  expect(rows.some((t) => t.status === 'closed')).toBe(true);
  const overdue = rows.filter((t) => t.status !== 'closed' && t.due_date < '2026-06-15');
  expect(overdue.length).toBeGreaterThan(0);
  expect(overdue.every((t) => t.phase === 'rectifying')).toBe(true);
});

it('seeds the whole district within a few seconds', () => {
  console.log(`district seed: ${Math.round(districtMs)} ms`);
  expect(districtMs).toBeLessThan(15000);
});
