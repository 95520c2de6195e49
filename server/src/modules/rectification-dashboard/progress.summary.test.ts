// task_unit_summary (0010) stays equal to a recount of the task table after every kind of task write — one
// row, many rows across units, a write that moves no counter, an insert, a delete, a change of unit — and the
// dashboard follows it. The recount is written out here independently of the trigger's SQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type ProgressFixture, seedProgressFixture } from './progress.fixtures.ts';

let h: Harness;
let fx: ProgressFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedProgressFixture(h);
});
afterAll(() => h.close());

const summary = async () =>
  (
    await sql<Record<string, string | number>>`
      SELECT committee_id, unit_id, inspection_id, tasks, closed, partly_closed, closed_on_time, returned, reopened,
        ever_closed
      FROM task_unit_summary WHERE tasks <> 0 ORDER BY 1, 2, 3`.execute(h.database.db)
  ).rows.map((r) => JSON.stringify(Object.values(r).map(String)));

const recount = async () =>
  (
    await sql<Record<string, string | number>>`
      SELECT committee_id, unit_id, inspection_id, count(*) AS tasks,
        count(*) FILTER (WHERE status = 'closed') AS closed,
        count(*) FILTER (WHERE status = 'partly_closed') AS partly_closed,
        count(*) FILTER (WHERE status = 'closed'
          AND (coalesce(closed_at, updated_at) AT TIME ZONE 'Asia/Shanghai')::date <= due_date) AS closed_on_time,
        count(*) FILTER (WHERE returned_count > 0) AS returned,
        count(*) FILTER (WHERE reopened_count > 0) AS reopened,
        count(*) FILTER (WHERE status IN ('closed', 'partly_closed') OR reopened_count > 0) AS ever_closed
      FROM task GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(h.database.db)
  ).rows.map((r) => JSON.stringify(Object.values(r).map(String)));

const totals = async () =>
  (await (await h.as('office')).get(`/api/rectification-progress?roundId=${fx.roundId}`)).json().totals;

it('holds the counts of the seeded tasks (the demo and the fixture)', async () => {
  expect((await summary()).length).toBeGreaterThan(0);
  expect(await summary()).toEqual(await recount());
});

it('follows every kind of task write, and the dashboard with it', async () => {
  const db = h.database.db;
  const [a1, a2, a3, , , , b7, , b9] = fx.taskIds as string[];
  const before = await totals();

  // one row: an overdue task verified and closed late (closed, not on time)
  await sql`UPDATE task SET status = 'closed', closed_at = '2026-06-15T02:00:00Z' WHERE id = ${a3}`.execute(db);
  expect(await summary()).toEqual(await recount());
  // many rows over both units in one statement: returned once more, and a 反弹 reopened
  await sql`UPDATE task SET returned_count = returned_count + 1,
      reopened_count = CASE WHEN id = ${b9} THEN 1 ELSE reopened_count END
    WHERE id IN (${a1}, ${b7}, ${b9})`.execute(db);
  expect(await summary()).toEqual(await recount());
  // a write that moves no counter (a title) leaves the summary rows alone
  await sql`UPDATE task SET title = title || '（修改）' WHERE id IN (${a1}, ${a2})`.execute(db);
  expect(await summary()).toEqual(await recount());

  const after = await totals();
  expect(after).toMatchObject({
    tasks: before.tasks,
    closed: before.closed + 1,
    closedOnTime: before.closedOnTime,
    overdue: before.overdue - 1,
    returned: before.returned + 3,
    reopened: before.reopened + 1,
    everClosed: before.everClosed + 2,
  });

  // an insert (a copy of a task under a new seq), a change of unit, and a delete
  const copied = await sql<{ id: string }>`
    INSERT INTO task (committee_id, unit_id, inspection_id, finding_id, seq, title, measures, responsible_leader,
      responsible_department, owner_user_id, due_date, status)
    SELECT committee_id, unit_id, inspection_id, finding_id, seq + 100, title, measures, responsible_leader,
      responsible_department, owner_user_id, due_date, status FROM task WHERE id = ${b7}
    RETURNING id`.execute(db);
  const copy = copied.rows[0]?.id as string;
  expect(await summary()).toEqual(await recount());
  expect((await totals()).tasks).toBe(before.tasks + 1);
  await sql`UPDATE task SET unit_id = ${fx.unitA} WHERE id = ${copy}`.execute(db);
  expect(await summary()).toEqual(await recount());
  await sql`DELETE FROM task WHERE id = ${copy}`.execute(db);
  expect(await summary()).toEqual(await recount());
  expect((await totals()).tasks).toBe(before.tasks);
});
