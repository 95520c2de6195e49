// 即将到期 on the task ledger: derived from the time limit and the committee's reminder_first limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const setDue = (key: string, dueDate: string) =>
  h.database.db
    .updateTable('task')
    .set({ due_date: dueDate })
    .where('id', '=', h.demo.tasks[key] as string)
    .execute();
const marks = async () => {
  const body = (await (await h.as('office')).get('/api/tasks?pageSize=100')).json();
  return Object.fromEntries(
    Object.entries(h.demo.tasks).map(([key, id]) => {
      const t = body.items.find((x: { id: string }) => x.id === id);
      return [key, { overdue: t.overdue, dueSoon: t.dueSoon }];
    }),
  );
};

describe('dueSoon on GET /api/tasks and GET /api/tasks/:id', () => {
  it('is set for open tasks due from today to 7 days ahead, never for closed or overdue ones', async () => {
    // TEST_NOW is 2026-06-15
    await setDue('open', '2026-06-22'); // the 7th day: still due soon
    await setDue('submitted', '2026-06-15'); // today
    await setDue('returned', '2026-06-23'); // the 8th day
    await setDue('closed', '2026-06-16'); // closed: nothing is due
    expect(await marks()).toMatchObject({
      open: { dueSoon: true, overdue: false },
      submitted: { dueSoon: true, overdue: false },
      returned: { dueSoon: false, overdue: false },
      closed: { dueSoon: false, overdue: false },
      overdue: { dueSoon: false, overdue: true },
    });
    const detail = (await (await h.as('office')).get(`/api/tasks/${h.demo.tasks.open}`)).json();
    expect(detail.dueSoon).toBe(true);
  });

  it("follows the committee's own reminder_first limit, in working days too", async () => {
    await h.database.db
      .insertInto('committee_time_limit')
      .values({ committee_id: h.demo.committeeId, code: 'reminder_first', amount: 3, unit: 'day', updated_by: null })
      .execute();
    expect((await marks()).open).toEqual({ dueSoon: false, overdue: false });
    await setDue('open', '2026-06-18');
    expect((await marks()).open).toEqual({ dueSoon: true, overdue: false });
    // 5 working days from Monday 2026-06-15 skip the 端午节 holiday (06-19) and the weekend: up to 06-23
    await h.database.db
      .updateTable('committee_time_limit')
      .set({ amount: 5, unit: 'working_day' })
      .where('committee_id', '=', h.demo.committeeId)
      .where('code', '=', 'reminder_first')
      .execute();
    await setDue('open', '2026-06-23');
    expect((await marks()).open).toEqual({ dueSoon: true, overdue: false });
    await setDue('open', '2026-06-24');
    expect((await marks()).open).toEqual({ dueSoon: false, overdue: false });
  });
});
