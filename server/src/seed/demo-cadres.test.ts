// The demo talent pool holds the 回避 conflicts its header documents (the browser journey relies on them).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findAvoidanceConflicts } from '../modules/cadre/avoidance.ts';
import { fixedClock } from '../platform/clock.ts';
import { withTransaction } from '../platform/db.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { type DemoIds, seedDemo } from './demo.ts';
import { seedDemoCadres } from './demo-cadres.ts';

let database: TestDatabase;
let demo: DemoIds;
beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemo(database.db, fixedClock(TEST_NOW), testKeyring());
  await withTransaction(database.db, (tx) => seedDemoCadres(tx, { ids: demo, today: '2026-06-15' }));
});
afterAll(() => database.dispose());

it('seeds about 120 cadres with records', async () => {
  const cadres = await database.db.selectFrom('cadre').select(['id', 'name']).execute();
  expect(cadres.length).toBeGreaterThanOrEqual(120);
  expect(new Set(cadres.map((c) => c.name)).size).toBe(cadres.length);
});

it('builds the documented conflicts', async () => {
  const cadreIds = (
    await database.db
      .selectFrom('cadre')
      .select('id')
      .where('name', 'in', ['李娜', '王强', '张伟', '陈静', '赵敏'])
      .execute()
  ).map((c) => c.id);
  const unitIds = ['jiaoyu', 'zhujian', 'weijian', 'dongguan', 'caizheng'].map((k) => demo.units[k] as string);
  const conflicts = await findAvoidanceConflicts(database.db, { cadreIds, unitIds, asOf: '2026-06-15' });
  const pairs = new Set(conflicts.map((c) => `${c.cadreName}:${c.unitName}:${c.rule}`));
  for (const pair of [
    '李娜:区教育局:past_post',
    '王强:区住房和城乡建设局:relative',
    '张伟:区卫生健康局:home_unit',
    '陈静:东关街道:past_post',
    '赵敏:区财政局:under_inspection',
  ])
    expect(pairs).toContain(pair);
  expect(
    conflicts.filter((c) => c.cadreName === '王强' && c.unitName === '区住房和城乡建设局').map((c) => c.message),
  ).toEqual(['王强的配偶刘芳任区住房和城乡建设局党组成员、副局长']);
});
