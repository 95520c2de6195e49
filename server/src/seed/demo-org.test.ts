// The demo district's org tree has the size and shape its header promises, with consistent paths.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { withTransaction } from '../platform/db.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { type DemoIds, seedDemo } from './demo.ts';
import { seedDemoOrg } from './demo-org.ts';

let database: TestDatabase;
let demo: DemoIds;
beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemo(database.db, fixedClock(TEST_NOW), testKeyring());
  await withTransaction(database.db, (tx) => seedDemoOrg(tx, { ids: demo, today: '2026-06-15' }));
});
afterAll(() => database.dispose());

it('has ~60 agencies, 12 townships and ~150 villages classified roughly 15/30/55', async () => {
  const kinds = await database.db
    .selectFrom('org_unit')
    .select(['kind', 'village_class', sql<number>`count(*)`.as('n')])
    .where('committee_id', '=', demo.committeeId)
    .groupBy(['kind', 'village_class'])
    .execute();
  const total = (filter: (r: (typeof kinds)[number]) => boolean) =>
    kinds.filter(filter).reduce((sum, r) => sum + Number(r.n), 0);
  expect(total((r) => r.kind !== 'village' && r.kind !== 'township')).toBeGreaterThanOrEqual(60);
  expect(total((r) => r.kind === 'township')).toBe(12);
  const villages = total((r) => r.kind === 'village');
  expect(villages).toBeGreaterThanOrEqual(145);
  const share = (c: string) => total((r) => r.village_class === c) / villages;
  expect(share('key')).toBeGreaterThan(0.1);
  expect(share('key')).toBeLessThan(0.2);
  expect(share('attention')).toBeGreaterThan(0.22);
  expect(share('attention')).toBeLessThan(0.38);
});

it('keeps every path equal to its parent’s path plus its own id, and codes unique', async () => {
  const broken = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE u.path <> coalesce(p.path, '/') || u.id || '/'`.execute(database.db);
  expect(Number(broken.rows[0]?.n)).toBe(0);
  const names = await database.db
    .selectFrom('org_unit')
    .select('name')
    .where('committee_id', '=', demo.committeeId)
    .execute();
  expect(new Set(names.map((u) => u.name)).size).toBe(names.length);
});

it('seats the leading group and office with the demo leader and office users', async () => {
  const members = await database.db
    .selectFrom('committee_member')
    .select(['body', 'post', 'name', 'user_id'])
    .where('committee_id', '=', demo.committeeId)
    .execute();
  expect(members.filter((m) => m.body === 'leading_group')).toHaveLength(8);
  expect(members.find((m) => m.post === 'leader')).toMatchObject({ name: '李明', user_id: demo.users.leader });
  expect(members.find((m) => m.post === 'director')).toMatchObject({ name: '王芳', user_id: demo.users.office });
});
