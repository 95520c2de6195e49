// The demo's rectification of 区住建局 is coherent: every status has the history that leads to it, counters match
// events, the returned plan carries the office's review, and the 督办单/回访/问责/report/publication exist.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { type DemoIds, seedDemo } from './demo.ts';
import { seedDemoDistrict } from './demo-district.ts';

let database: TestDatabase;
let demo: DemoIds;
beforeAll(async () => {
  database = await createTestDatabase();
  const clock = fixedClock(TEST_NOW);
  demo = await seedDemo(database.db, clock, testKeyring());
  await seedDemoDistrict(database.db, clock, testKeyring(), demo);
});
afterAll(() => database.dispose());

it('gives the 整改方案 two versions, returned once with a review and reasons, then approved', async () => {
  const db = database.db;
  const plan = await db
    .selectFrom('rectification_plan')
    .selectAll()
    .where('inspection_id', '=', demo.zhujianInspectionId)
    .executeTakeFirstOrThrow();
  expect(plan).toMatchObject({ status: 'approved', current_version: 2, submitted_version: 2, returned_count: 1 });
  const versions = await db
    .selectFrom('rectification_plan_version')
    .select('version')
    .where('plan_id', '=', plan.id)
    .execute();
  expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  const events = await db
    .selectFrom('rectification_plan_event')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('seq')
    .execute();
  expect(events.map((e) => e.event)).toEqual(['write', 'submit', 'return', 'write', 'submit', 'approve']);
  // the chain of statuses has no gap, and it ends where the plan is
  for (const [i, e] of events.entries()) if (i > 0) expect(e.from_status).toBe(events[i - 1]?.to_status);
  expect(events.at(-1)?.to_status).toBe(plan.status);
  const returned = events.find((e) => e.event === 'return');
  expect(returned?.comment).toBeTruthy();
  expect(returned?.review).toMatchObject({ pertinence: { ok: false }, feasibility: { ok: false } });
  expect(events.filter((e) => e.event === 'return')).toHaveLength(plan.returned_count);
});

it('keeps every task of the case coherent with its history and counters', async () => {
  const db = database.db;
  const tasks = await db.selectFrom('task').selectAll().where('inspection_id', '=', demo.zhujianInspectionId).execute();
  const events = await db
    .selectFrom('task_event')
    .selectAll()
    .where(
      'task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('seq')
    .execute();
  for (const task of tasks) {
    const own = events.filter((e) => e.task_id === task.id);
    expect(own.at(-1)?.to_status, task.title).toBe(task.status);
    expect(
      own.filter((e) => e.event === 'return'),
      task.title,
    ).toHaveLength(task.returned_count);
    expect(
      own.filter((e) => e.event === 'reopen'),
      task.title,
    ).toHaveLength(task.reopened_count);
    if (task.status === 'closed') {
      expect(
        own.some((e) => e.event === 'verify'),
        task.title,
      ).toBe(true);
      expect(task.closed_at, task.title).not.toBeNull();
    }
    if (task.status === 'partly_closed') {
      expect(task.long_term).toBe(true);
      expect(task.next_checkpoint).not.toBeNull();
      expect(own.some((e) => e.event === 'verifyPartly')).toBe(true);
    }
  }
  const kinds = {
    overdue: tasks.filter((t) => t.status !== 'closed' && t.due_date < '2026-06-15').length,
    returned: tasks.filter((t) => t.returned_count > 0).length,
    partly: tasks.filter((t) => t.status === 'partly_closed').length,
  };
  expect(kinds.overdue).toBeGreaterThanOrEqual(1);
  expect(kinds.returned).toBeGreaterThanOrEqual(1);
  expect(kinds.partly).toBe(1);
  // a closed task with a 制度 as evidence, verified against it
  const institution = await sql<{ id: string; details: { checkedEvidenceIds: string[] } }>`
    SELECT e.id, v.details FROM evidence e JOIN task t ON t.id = e.task_id
    JOIN task_event v ON v.task_id = t.id AND v.event = 'verify'
    WHERE t.inspection_id = ${demo.zhujianInspectionId} AND e.kind = 'institution' AND t.status = 'closed'
      AND e.institution_doc_no IS NOT NULL`.execute(db);
  expect(institution.rows).toHaveLength(1);
  expect(institution.rows[0]?.details.checkedEvidenceIds).toContain(institution.rows[0]?.id);
});

it('has an answered 督办单 on the overdue task, a planned 回访, a 问责 proposal, a monthly report and a publication', async () => {
  const db = database.db;
  const order = await db
    .selectFrom('supervision_order')
    .selectAll()
    .where('task_id', '=', demo.tasks.overdue as string)
    .executeTakeFirstOrThrow();
  expect(order).toMatchObject({ status: 'answered', reason: 'overdue' });
  const orderEvents = await db
    .selectFrom('supervision_event')
    .select(['event', 'to_status'])
    .where('order_id', '=', order.id)
    .orderBy('seq')
    .execute();
  expect(orderEvents).toEqual([
    { event: 'issue', to_status: 'issued' },
    { event: 'answer', to_status: 'answered' },
  ]);
  const count = async (table: 'revisit' | 'accountability' | 'rectification_report', where: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(db))
        .rows[0]?.n,
    );
  expect(await count('revisit', "status = 'planned'")).toBeGreaterThanOrEqual(1);
  expect(await count('accountability', "status = 'proposed'")).toBeGreaterThanOrEqual(1);
  expect(await count('rectification_report', "kind = 'progress' AND period IS NOT NULL")).toBeGreaterThanOrEqual(1);
  const publication = await db.selectFrom('publication').selectAll().where('channel', '=', 'public').execute();
  expect(publication.length).toBeGreaterThanOrEqual(1);
});
