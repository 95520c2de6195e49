// The demo term plan looks like a real term: ~45% of the units and ~30% of the villages covered, a preparing
// inspection with 函询 to the five usual recipients, and the `xinfang` respondent sees only its own enquiry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { withTransaction } from '../platform/db.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { type DemoIds, seedDemo } from './demo.ts';
import { seedDemoOrg } from './demo-org.ts';
import { seedDemoPlanning } from './demo-planning.ts';

let database: TestDatabase;
let demo: DemoIds;
beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemo(database.db, fixedClock(TEST_NOW), testKeyring());
  const context = { ids: demo, today: '2026-06-15' };
  await withTransaction(database.db, async (tx) => {
    await seedDemoOrg(tx, context);
    await seedDemoPlanning(tx, context);
  });
});
afterAll(() => database.dispose());

const share = (part: number, whole: number) => Math.round((part * 100) / whole);

it('covers about 45% of the units and 30% of the villages in the term', async () => {
  const rows = await database.db
    .selectFrom('term_plan_unit as t')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .select((eb) => [
      eb.ref('u.kind').as('kind'),
      eb
        .exists(
          eb
            .selectFrom('inspection as i')
            .select('i.id')
            .whereRef('i.unit_id', '=', 't.unit_id')
            .where('i.phase', '<>', 'preparing')
            .where('i.start_date', '>=', '2022-01-01'),
        )
        .as('covered'),
    ])
    .execute();
  const villages = rows.filter((r) => r.kind === 'village');
  const units = rows.filter((r) => r.kind !== 'village');
  expect(share(units.filter((r) => r.covered).length, units.length)).toBeGreaterThanOrEqual(40);
  expect(share(units.filter((r) => r.covered).length, units.length)).toBeLessThanOrEqual(55);
  expect(share(villages.filter((r) => r.covered).length, villages.length)).toBeGreaterThanOrEqual(25);
  expect(share(villages.filter((r) => r.covered).length, villages.length)).toBeLessThanOrEqual(35);
});

it('sends 函询 to the five recipients, two answered and one overdue', async () => {
  const enquiries = await database.db.selectFrom('enquiry').select(['recipient_kind', 'status', 'due_date']).execute();
  expect(enquiries.map((e) => e.recipient_kind).sort()).toEqual([
    'audit',
    'discipline',
    'legal',
    'organization',
    'petition',
  ]);
  expect(enquiries.filter((e) => e.status === 'answered')).toHaveLength(2);
  expect(enquiries.filter((e) => e.status === 'sent' && e.due_date < '2026-06-15')).toHaveLength(1);
  const login = await database.db
    .selectFrom('user_role as g')
    .innerJoin('app_user as a', 'a.id', 'g.user_id')
    .innerJoin('org_unit as u', 'u.id', 'g.scope_id')
    .select(['g.role_code', 'u.name'])
    .where('a.username', '=', 'xinfang')
    .executeTakeFirstOrThrow();
  expect(login).toEqual({ role_code: 'enquiry_respondent', name: '区信访局' });
});
