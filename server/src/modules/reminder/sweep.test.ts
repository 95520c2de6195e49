// The reminder sweep: time travel with the harness clock, the exactly-once property over any sequence of
// sweeps, concurrent sweeps, the case (整改方案 / 整改报告) reminders, outside channels and the endpoint.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../seed/demo.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { type NotificationChannel, outboxLogChannel } from '../notification/channels.ts';
import { runSweep, SWEEP_LOCK } from './sweep.ts';
import { remindTasks } from './task-reminders.ts';
import { cutoffsFor, loadCommitteeLimits, thresholdOf } from './thresholds.ts';

let h: Harness;
const db = () => h.database.db;
/** noon in Shanghai on that date */
const at = (date: string) => h.clock.set(new Date(`${date}T04:00:00Z`));
const taskSweepOnly = [{ name: 'tasks', run: remindTasks }];

beforeAll(async () => {
  h = await createHarness();
  // a few more open tasks of 区住建局, due around the test dates (owner 责任人, like the demo's)
  const base = await db()
    .selectFrom('task')
    .selectAll()
    .where('unit_id', '=', h.demo.units.zhujian ?? '')
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const { id: _id, created_at: _c, updated_at: _u, ...copy } = base;
  for (const [i, due] of ['2026-06-20', '2026-06-22', '2026-06-23', '2026-07-01'].entries()) {
    await db()
      .insertInto('task')
      .values({ ...copy, seq: 100 + i, title: `测试任务${i}`, due_date: due })
      .execute();
  }
});
afterAll(() => h.close());
beforeEach(async () => {
  await db().deleteFrom('notification_delivery').execute();
  await db().deleteFrom('notification').execute();
  at('2026-06-15');
});

const taskNotices = () =>
  db()
    .selectFrom('notification')
    .select(['user_id', 'dedupe_key', 'kind'])
    .where('subject_type', '=', 'task')
    .execute();

/** The model: the reminders each sweep date earns, by the pure rule of thresholds.ts. */
async function expectedTaskKeys(dates: readonly string[]): Promise<Set<string>> {
  const [{ limitOf }, isWorkday] = await Promise.all([loadCommitteeLimits(db()), loadWorkCalendar(db())]);
  const tasks = await db()
    .selectFrom('task')
    .select(['id', 'committee_id', 'unit_id', 'owner_user_id', 'due_date'])
    .where('status', 'in', ['open', 'in_progress', 'returned'])
    .execute();
  const liaisons = await db()
    .selectFrom('user_role')
    .select(['user_id', 'scope_id'])
    .where('role_code', '=', 'unit_liaison')
    .execute();
  const expected = new Set<string>();
  for (const date of dates) {
    for (const t of tasks) {
      const threshold = thresholdOf(
        t.due_date,
        cutoffsFor(date, (code) => limitOf(t.committee_id, code), isWorkday),
      );
      if (!threshold) continue;
      const key = `task:${t.id}:${t.due_date}:${threshold}`;
      expected.add(`${t.owner_user_id} ${key}`);
      if (threshold === 'overdue')
        for (const l of liaisons.filter((x) => x.scope_id === t.unit_id)) expected.add(`${l.user_id} ${key}`);
    }
  }
  return expected;
}

describe('task reminders', () => {
  it('travels through time: first, second, overdue — each once, the liaison told when overdue', async () => {
    const owner = h.demo.users.zerenren;
    const keysOf = async (user: string | undefined) =>
      (await taskNotices()).filter((n) => n.user_id === user && n.dedupe_key?.includes(':2026-06-22:'));
    at('2026-06-12');
    await runSweep(db(), h.clock);
    expect(await keysOf(owner)).toEqual([]);
    at('2026-06-15');
    const first = await runSweep(db(), h.clock);
    expect(first.skipped).toBe(false);
    expect((await keysOf(owner)).map((n) => [n.kind, n.dedupe_key?.split(':')[3]])).toEqual([
      ['task_due_soon', 'first'],
    ]);
    expect((await runSweep(db(), h.clock)).created).toBe(0);
    at('2026-06-21');
    await runSweep(db(), h.clock);
    at('2026-06-23');
    await runSweep(db(), h.clock);
    await runSweep(db(), h.clock);
    expect((await keysOf(owner)).map((n) => n.dedupe_key?.split(':')[3]).sort()).toEqual([
      'first',
      'overdue',
      'second',
    ]);
    expect((await keysOf(h.demo.users.lianluo)).map((n) => [n.kind, n.dedupe_key?.split(':')[3]])).toEqual([
      ['task_overdue', 'overdue'],
    ]);
  });

  it('reminds again when the due date is moved, and not for a submitted task', async () => {
    const task = await db()
      .selectFrom('task')
      .select(['id'])
      .where('title', '=', '测试任务3')
      .executeTakeFirstOrThrow();
    at('2026-06-28');
    await runSweep(db(), h.clock);
    await db().updateTable('task').set({ due_date: '2026-06-30' }).where('id', '=', task.id).execute();
    await runSweep(db(), h.clock);
    const mine = (await taskNotices()).filter((n) => n.dedupe_key?.startsWith(`task:${task.id}:`));
    expect(mine.map((n) => n.dedupe_key).sort()).toEqual([
      `task:${task.id}:2026-06-30:first`,
      `task:${task.id}:2026-07-01:first`,
    ]);
    await db()
      .updateTable('task')
      .set({ status: 'submitted', due_date: '2026-06-29' })
      .where('id', '=', task.id)
      .execute();
    await runSweep(db(), h.clock);
    expect((await taskNotices()).filter((n) => n.dedupe_key?.startsWith(`task:${task.id}:`))).toHaveLength(2);
    await db().updateTable('task').set({ status: 'open', due_date: '2026-07-01' }).where('id', '=', task.id).execute();
  });

  it('property: any sequence of sweeps at any dates creates each (user, task, due, threshold) reminder exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }), async (offsets) => {
        await db().deleteFrom('notification').execute();
        const dates = offsets.map((o) => addDays('2026-05-25', o));
        let created = 0;
        for (const date of dates) {
          at(date);
          created += (await runSweep(db(), h.clock, { sweepers: taskSweepOnly })).created;
        }
        const rows = await taskNotices();
        const actual = rows.map((n) => `${n.user_id} ${n.dedupe_key}`);
        expect(new Set(actual).size).toBe(actual.length);
        expect(new Set(actual)).toEqual(await expectedTaskKeys(dates));
        expect(created).toBe(rows.length);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('concurrency', () => {
  it('two concurrent sweeps create no duplicates (two connections on PostgreSQL, one after the other on PGlite)', async () => {
    at('2026-06-23');
    const alone = (await runSweep(db(), h.clock)).created;
    await db().deleteFrom('notification').execute();
    const [a, b] = await Promise.all([runSweep(db(), h.clock), runSweep(db(), h.clock)]);
    expect(a.created + b.created).toBe(alone);
    const rows = await db().selectFrom('notification').select(['user_id', 'dedupe_key']).execute();
    expect(rows).toHaveLength(alone);
  });

  it.runIf(process.env.DATABASE_URL)('skips while another connection holds the sweep lock', async () => {
    await db()
      .transaction()
      .execute(async (tx) => {
        await sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`.execute(tx);
        expect(await runSweep(db(), h.clock)).toMatchObject({ skipped: true, created: 0 });
      });
    expect((await runSweep(db(), h.clock)).skipped).toBe(false);
  });
});

describe('整改方案 and 整改报告 reminders', () => {
  it('tells the unit head and liaison about the plan, the head about the report, each once per threshold', async () => {
    const caseRow = await db()
      .selectFrom('rectification')
      .select(['id'])
      .where('inspection_id', '=', h.demo.zhujianInspectionId)
      .executeTakeFirstOrThrow();
    // feedback on 2026-09-18: 整改方案 within 15 working days, counting the 调休 days 9-20 and 10-10 and
    // skipping 中秋 and 国庆 → due 2026-10-15 (Monday–Friday alone would give 2026-10-09)
    await db().updateTable('rectification').set({ feedback_date: '2026-09-18' }).where('id', '=', caseRow.id).execute();
    const notices = () =>
      db()
        .selectFrom('notification')
        .select(['user_id', 'kind', 'dedupe_key'])
        .where('subject_type', '=', 'rectification')
        .orderBy('dedupe_key')
        .orderBy('user_id')
        .execute();
    at('2026-10-07');
    await runSweep(db(), h.clock);
    expect(await notices()).toEqual([]);
    at('2026-10-08');
    await runSweep(db(), h.clock);
    const planKey = `plan:${caseRow.id}:2026-10-15:first`;
    expect((await notices()).map((n) => [n.kind, n.dedupe_key, n.user_id]).sort()).toEqual(
      [
        ['plan_due', planKey, h.demo.users.danwei],
        ['plan_due', planKey, h.demo.users.lianluo],
      ].sort(),
    );
    at('2026-11-19');
    await runSweep(db(), h.clock);
    await runSweep(db(), h.clock);
    const reportKey = `report:${caseRow.id}:2026-11-18:overdue`;
    const after = (await notices()).map((n) => `${n.kind} ${n.dedupe_key} ${n.user_id}`);
    expect(after).toContain(`report_due ${reportKey} ${h.demo.users.danwei}`);
    expect(after).not.toContain(`report_due ${reportKey} ${h.demo.users.lianluo}`);
    expect(after.filter((k) => k.includes(':overdue '))).toHaveLength(3);
    // a submitted plan is no longer reminded
    await db()
      .updateTable('rectification_plan')
      .set({ status: 'submitted' })
      .where('rectification_id', '=', caseRow.id)
      .execute();
    await db().deleteFrom('notification').execute();
    await runSweep(db(), h.clock);
    expect((await notices()).map((n) => n.kind)).toEqual(['report_due']);
  });

  it('records each run in sweep_run with the counts per sweeper', async () => {
    at('2026-06-24');
    const earlier = (await db().selectFrom('sweep_run').select('id').execute()).map((r) => r.id);
    const result = await runSweep(db(), h.clock);
    const run = await db().selectFrom('sweep_run').selectAll().where('id', 'not in', earlier).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ as_of: '2026-06-24', created: result.created, details: result.counts });
    expect(Object.keys(result.counts)).toEqual(expect.arrayContaining(['tasks', 'plans', 'reports']));
    expect(run.finished_at).not.toBeNull();
  });
});

describe('outside channels', () => {
  it('relays each new notice once per channel and records sent and failed deliveries', async () => {
    const lines: string[] = [];
    const failing: NotificationChannel = {
      name: 'sms-test',
      send: async () => {
        throw new Error('网关拒绝');
      },
    };
    at('2026-06-23');
    const result = await runSweep(db(), h.clock, { channels: [outboxLogChannel((l) => lines.push(l)), failing] });
    expect(result.created).toBeGreaterThan(0);
    const deliveries = await db().selectFrom('notification_delivery').selectAll().execute();
    expect(deliveries.filter((d) => d.channel === 'outbox-log' && d.status === 'sent')).toHaveLength(result.created);
    expect(deliveries.filter((d) => d.channel === 'sms-test')).toEqual(
      Array.from({ length: result.created }, () => expect.objectContaining({ status: 'failed', error: '网关拒绝' })),
    );
    expect(lines).toHaveLength(result.created);
    await runSweep(db(), h.clock, { channels: [outboxLogChannel((l) => lines.push(l))] });
    expect(lines).toHaveLength(result.created);
  });
});

describe('POST /api/reminders/sweep', () => {
  it('runs the sweep for the office and answers with the counts, audited', async () => {
    at('2026-06-23');
    const res = await (await h.as('office')).post('/api/reminders/sweep', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ skipped: false, asOf: '2026-06-23' });
    expect(res.json().created).toBe(
      Object.values(res.json().counts as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(res.json().created).toBeGreaterThan(0);
    const audit = await db()
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'reminder.sweep')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('is 401 anonymous and 403 without time_limit.manage, creating nothing', async () => {
    expect((await h.anonymous.post('/api/reminders/sweep', {})).statusCode).toBe(401);
    expect((await (await h.as('leader')).post('/api/reminders/sweep', {})).statusCode).toBe(403);
    expect((await (await h.as('danwei')).post('/api/reminders/sweep', {})).statusCode).toBe(403);
    expect(await db().selectFrom('notification').select('id').execute()).toEqual([]);
  });
});
