// The steps of a 督办单 (answer, reject, close, escalate) through the HTTP API, and the escalation sweep with
// time travel: unanswered past the response date + 5 working days → escalated once, the 领导小组 notified once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { runSweep } from '../reminder/sweep.ts';
import { sweepers } from '../reminder/sweepers.ts';
import { supervisionEscalationSweeper } from './supervision.escalation.ts';
import { addOtherUnitLiaison, addOutsiderOrder, caseOf, count, orderStatus } from './supervision.fixtures.ts';

let h: Harness;
let zhujianCase: string;
let outsiderOrder: string;
const at = (date: string) => new Date(`${date}T04:00:00Z`);

async function issue(content: string): Promise<string> {
  const res = await (await h.as('office')).post(`/api/rectifications/${zhujianCase}/supervision-orders`, {
    reason: 'manual',
    content,
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

beforeAll(async () => {
  h = await createHarness();
  zhujianCase = await caseOf(h, h.demo.zhujianInspectionId);
  outsiderOrder = await addOutsiderOrder(h);
  await addOtherUnitLiaison(h);
});
afterAll(() => h.close());

describe('answer, reject, close', () => {
  it('walks issued → answered → (不满意) issued with a new date → answered → closed, with history', async () => {
    const id = await issue('请报告整改进展');
    const liaison = await h.as('lianluo');
    const office = await h.as('office');
    const answered = await liaison.post(`/api/supervision-orders/${id}/answer`, { response: '已完成第一阶段整改' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      response: '已完成第一阶段整改',
      respondedByName: '郑洁',
    });
    expect((await office.get(`/api/supervision-orders/${id}`)).json().abilities).toMatchObject({
      reject: true,
      close: true,
      answer: false,
      escalate: false,
    });
    const rejected = await office.post(`/api/supervision-orders/${id}/reject`, {
      reason: '答复过于笼统',
      responseDue: '2026-06-25',
    });
    expect(rejected.json()).toMatchObject({ status: 'issued', responseDue: '2026-06-25' });
    await liaison.post(`/api/supervision-orders/${id}/answer`, { response: '补充了佐证材料' });
    const closed = await office.post(`/api/supervision-orders/${id}/close`, { comment: '同意办结' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const detail = (await office.get(`/api/supervision-orders/${id}`)).json();
    expect(detail.history.map((e: { event: string }) => e.event)).toEqual([
      'issue',
      'answer',
      'reject',
      'answer',
      'close',
    ]);
    expect(detail.history[2]).toMatchObject({ comment: '答复过于笼统', fromStatus: 'answered', toStatus: 'issued' });
  });

  it('refuses bad input and writes nothing', async () => {
    const id = await issue('坏输入');
    const before = await count(h, 'supervision_event');
    const empty = await (await h.as('lianluo')).post(`/api/supervision-orders/${id}/answer`, { response: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写答复内容');
    await (await h.as('lianluo')).post(`/api/supervision-orders/${id}/answer`, { response: '答复' });
    const past = await (await h.as('office')).post(`/api/supervision-orders/${id}/reject`, {
      reason: '不满意',
      responseDue: '2026-06-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('答复期限应晚于今天');
    expect(await orderStatus(h, id)).toBe('answered');
    expect(await count(h, 'supervision_event')).toBe(before + 1);
  });

  it('answers 401, 403, 404 and 409 as it should', async () => {
    const id = await issue('权限');
    const office = await h.as('office');
    expect((await h.anonymous.post(`/api/supervision-orders/${id}/answer`, { response: 'x' })).statusCode).toBe(401);
    // the office may not answer for the unit, the unit may not close its own order
    expect((await office.post(`/api/supervision-orders/${id}/answer`, { response: 'x' })).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).post(`/api/supervision-orders/${id}/close`, {})).statusCode).toBe(403);
    // 纪委监委 reads orders but may not answer one in the unit's place
    expect(
      (await (await h.as('jiwei')).post(`/api/supervision-orders/${id}/answer`, { response: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await (await h.as('jiaoyu_lianluo')).post(`/api/supervision-orders/${id}/answer`, { response: 'x' })).statusCode,
    ).toBe(404);
    expect((await office.post(`/api/supervision-orders/${outsiderOrder}/close`, {})).statusCode).toBe(404);
    const before = await count(h, 'supervision_event');
    expect((await office.post(`/api/supervision-orders/${id}/close`, {})).statusCode).toBe(409);
    expect((await office.post(`/api/supervision-orders/${id}/reject`, { reason: '不满意' })).statusCode).toBe(409);
    expect(await count(h, 'supervision_event')).toBe(before);
    expect(await orderStatus(h, id)).toBe('issued');
  });

  it('escalates by hand: the 领导小组 is notified; the unit can still answer; escalated twice → 409', async () => {
    const id = await issue('手动提级');
    const office = await h.as('office');
    const res = await office.post(`/api/supervision-orders/${id}/escalate`, { comment: '拒不整改' });
    expect(res.json()).toMatchObject({ status: 'escalated' });
    const leaderNotice = await h.database.db
      .selectFrom('notification')
      .select('kind')
      .where('subject_id', '=', id)
      .where('user_id', '=', h.demo.users.leader as string)
      .execute();
    expect(leaderNotice).toEqual([{ kind: 'supervision_escalated' }]);
    expect((await office.post(`/api/supervision-orders/${id}/escalate`, {})).statusCode).toBe(409);
    const answered = await (await h.as('lianluo')).post(`/api/supervision-orders/${id}/answer`, { response: '已整改' });
    expect(answered.json().status).toBe('answered');
  });
});

describe('escalation sweep', () => {
  it('is registered with the reminder sweep', () => {
    expect(sweepers).toContain(supervisionEscalationSweeper);
  });

  it('escalates an order unanswered 5 working days after its response date, once, even if swept twice', async () => {
    const id = await issue('时间旅行');
    const due = (
      await h.database.db
        .selectFrom('supervision_order')
        .select('response_due')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).response_due;
    expect(due).toBe('2026-06-30');
    const only = { sweepers: [supervisionEscalationSweeper] };
    // 2026-06-30 + 5 working days = 2026-07-07: on that day it is not yet late enough
    h.clock.set(at('2026-07-07'));
    await runSweep(h.database.db, h.clock, only);
    expect(await orderStatus(h, id)).toBe('issued');
    h.clock.set(at('2026-07-08'));
    const first = await runSweep(h.database.db, h.clock, only);
    const second = await runSweep(h.database.db, h.clock, only);
    h.clock.set(at('2026-06-15'));
    expect(await orderStatus(h, id)).toBe('escalated');
    expect(first.counts.supervision_escalation).toBeGreaterThanOrEqual(1);
    expect(second.counts.supervision_escalation).toBe(0);
    const events = await h.database.db
      .selectFrom('supervision_event')
      .select(['event', 'actor_id'])
      .where('order_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { event: 'issue', actor_id: h.demo.users.office },
      { event: 'escalate', actor_id: null },
    ]);
    const notices = await h.database.db
      .selectFrom('notification')
      .select('user_id')
      .where('subject_id', '=', id)
      .where('kind', '=', 'supervision_escalated')
      .execute();
    expect(notices).toEqual([{ user_id: h.demo.users.leader }]);
  });
});
