// 移交办理 timeliness: the figures against the hand-worked handovers of handover-timeliness.fixtures.ts, the
// drill-down (totals equal the figures, metadata only: no clue content or result), the export, 400/401/403/404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { SECRET, seedHandoverFixture } from './handover-timeliness.fixtures.ts';
import { auditCount, readSheet } from './workload.fixtures.ts';

let h: Harness;
let roundId: string;
beforeAll(async () => {
  h = await createHarness();
  roundId = (await seedHandoverFixture(h)).roundId;
});
afterAll(() => h.close());

describe('GET /api/analytics/handovers', () => {
  it('counts timeliness as worked out by hand', async () => {
    const res = await (await h.as('leader')).get(`/api/analytics/handovers?roundId=${roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-06-15');
    // H5 declined: left out. With a result: H1 (81 days), H3 (41), H6 (19) → mean 141 / 3 = 47
    expect(body.totals).toEqual({
      sent: 5,
      onTime: 2,
      late: 1,
      overdue: 1,
      pending: 1,
      avgDays: 47,
      resultRate: 3 / 5,
      onTimeRate: 2 / 3,
    });
    expect(body.rows).toEqual([
      {
        recipient: 'department',
        kind: 'other',
        sent: 2,
        onTime: 1,
        late: 0,
        overdue: 0,
        pending: 1,
        avgDays: 19,
        resultRate: 1 / 2,
        onTimeRate: 1,
      },
      {
        recipient: 'discipline',
        kind: 'clue',
        sent: 2,
        onTime: 1,
        late: 0,
        overdue: 1,
        pending: 0,
        avgDays: 81,
        resultRate: 1 / 2,
        onTimeRate: 1,
      },
      {
        recipient: 'organization',
        kind: 'cadre',
        sent: 1,
        onTime: 0,
        late: 1,
        overdue: 0,
        pending: 0,
        avgDays: 41,
        resultRate: 1,
        onTimeRate: 0,
      },
    ]);
  });

  it('answers 401, 403, 404 and 400', async () => {
    expect((await h.anonymous.get('/api/analytics/handovers')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/analytics/handovers')).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).get('/api/analytics/handovers/rows')).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.get(`/api/analytics/handovers?roundId=${h.outsider.roundId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/analytics/handovers/rows?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(
      404,
    );
    for (const [query, message] of [
      ['outcome=lost', '办理情况不正确'],
      ['recipient=court', '接收单位类别不正确'],
      ['kind=x', '移交类别不正确'],
    ] as const) {
      const res = await office.get(`/api/analytics/handovers/rows?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(message);
    }
  });
});

describe('GET /api/analytics/handovers/rows (drill-down)', () => {
  it('lists the handovers of each figure, metadata only', async () => {
    const office = await h.as('office');
    const page = async (params: string) => {
      const res = await office.get(`/api/analytics/handovers/rows?roundId=${roundId}&${params}`);
      expect(res.body).not.toContain(SECRET.clue);
      expect(res.body).not.toContain(SECRET.result);
      return res.json();
    };
    for (const [params, total] of [
      ['outcome=sent', 5],
      ['outcome=on_time', 2],
      ['outcome=late', 1],
      ['outcome=overdue', 1],
      ['outcome=pending', 1],
      ['outcome=with_result', 3],
      ['outcome=sent&recipient=discipline&kind=clue', 2],
    ] as const) {
      expect((await page(params)).total, params).toBe(total);
    }
    const overdue = await page('outcome=overdue');
    expect(overdue.items).toEqual([
      {
        id: expect.any(String),
        code: '移交〔2026〕901号',
        unitName: '移交测试单位',
        kind: 'clue',
        recipient: 'discipline',
        recipientName: '区纪委监委',
        sentOn: '2026-01-10',
        dueDate: '2026-04-10',
        concludedOn: null,
        status: 'handling',
        overdueDays: 66,
      },
    ]);
  });

  it('exports the rows without any sealed content, audited', async () => {
    const office = await h.as('office');
    const before = await auditCount(h);
    const res = await office.get(`/api/analytics/handovers/rows/export?roundId=${roundId}&outcome=sent`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    const text = JSON.stringify(rows);
    expect(text).toContain('移交〔2026〕900号');
    expect(text).not.toContain(SECRET.clue);
    expect(text).not.toContain(SECRET.result);
    expect(rows.filter((r) => r[0]?.startsWith('移交〔'))).toHaveLength(5);
    expect(await auditCount(h)).toBe(before + 1);
  });
});
