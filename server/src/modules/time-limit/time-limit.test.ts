// 时限设置 through the HTTP API: defaults until the office sets its own, audited before/after, scoped.
import { DEFAULT_TIME_LIMITS, type TimeLimitCode, timeLimitCode } from '@xuncha/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
const url = (code = '') => `/api/committees/${h.demo.committeeId}/time-limits${code ? `/${code}` : ''}`;
const put = async (user: string, code: string, payload: unknown) =>
  (await h.as(user)).request({ method: 'PUT', url: url(code), payload: payload as object });

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function limitAudits() {
  return h.database.db
    .selectFrom('audit_entry')
    .select(['before', 'after'])
    .where('action', '=', 'time_limit.update')
    .execute();
}

describe('GET /api/committees/:id/time-limits', () => {
  it('lists every code with the defaults, and whether the user may change them', async () => {
    const res = await (await h.as('office')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json().canManage).toBe(true);
    const items = res.json().items;
    // every code, in the order of the contracts, with the domain defaults
    expect(items.map((i: { code: string }) => i.code)).toEqual(timeLimitCode.codes);
    expect(items).toHaveLength(11);
    for (const item of items) {
      expect(item).toEqual({
        code: item.code,
        label: timeLimitCode.labels[item.code as TimeLimitCode],
        ...DEFAULT_TIME_LIMITS[item.code as TimeLimitCode],
        isDefault: true,
        updatedAt: null,
      });
    }
    expect(items.find((i: { code: string }) => i.code === 'plan_submit')).toMatchObject({
      label: '反馈后报送整改方案',
      amount: 15,
      unit: 'working_day',
    });
    expect((await (await h.as('leader')).get(url())).json().canManage).toBe(false);
  });

  it('is 401 anonymous, 403 without committee.read, 404 for another committee', async () => {
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(url())).statusCode).toBe(403);
    expect((await (await h.as('office')).get(`/api/committees/${h.outsider.committeeId}/time-limits`)).statusCode).toBe(
      404,
    );
  });
});

describe('PUT /api/committees/:id/time-limits/:code', () => {
  it('sets a committee’s own limit, audited with the value before and after', async () => {
    const res = await put('office', 'handover_clue', { amount: 2, unit: 'month' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ code: 'handover_clue', amount: 2, unit: 'month', isDefault: false });
    expect((await put('banshi', 'handover_clue', { amount: 60, unit: 'day' })).json().items[0]).toMatchObject({
      amount: 60,
      unit: 'day',
    });
    expect((await limitAudits()).map((a) => [a.before, a.after])).toEqual([
      [
        { code: 'handover_clue', amount: 3, unit: 'month' },
        { code: 'handover_clue', amount: 2, unit: 'month' },
      ],
      [
        { code: 'handover_clue', amount: 2, unit: 'month' },
        { code: 'handover_clue', amount: 60, unit: 'day' },
      ],
    ]);
  });

  it('accepts working days as a unit (整改方案 10 个工作日)', async () => {
    const res = await put('office', 'plan_submit', { amount: 10, unit: 'working_day' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((i: { code: string }) => i.code === 'plan_submit')).toMatchObject({
      amount: 10,
      unit: 'working_day',
      isDefault: false,
    });
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const before = (await limitAudits()).length;
    for (const [code, body, message] of [
      ['handover_clue', { amount: 0, unit: 'day' }, '时限至少为 1'],
      ['handover_clue', { amount: 400, unit: 'day' }, '时限不能超过 365'],
      ['handover_clue', { amount: 1.5, unit: 'day' }, '时限必须是整数'],
      ['handover_clue', { amount: 'abc', unit: 'day' }, '时限必须是数字'],
    ] as const) {
      const res = await put('office', code, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { message: string }) => d.message)).toContain(message);
    }
    expect((await put('office', 'unknown_code', { amount: 1, unit: 'day' })).statusCode).toBe(400);
    expect((await put('office', 'handover_clue', { amount: 1, unit: 'year' })).statusCode).toBe(400);
    expect((await limitAudits()).length).toBe(before);
  });

  it('is 401 anonymous, 403 without time_limit.manage, 404 for another committee', async () => {
    expect(
      (await h.anonymous.request({ method: 'PUT', url: url('handover_clue'), payload: { amount: 1, unit: 'day' } }))
        .statusCode,
    ).toBe(401);
    expect((await put('leader', 'handover_clue', { amount: 1, unit: 'day' })).statusCode).toBe(403);
    const outside = `/api/committees/${h.outsider.committeeId}/time-limits/handover_clue`;
    const res = await (await h.as('office')).request({
      method: 'PUT',
      url: outside,
      payload: { amount: 1, unit: 'day' },
    });
    expect(res.statusCode).toBe(404);
  });
});
