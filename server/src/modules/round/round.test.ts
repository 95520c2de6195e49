// 巡察轮次 through the real HTTP API: listing in scope, creation with its validation and conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const round = (extra: object = {}) => ({
  committeeId: h.demo.committeeId,
  name: '十五届区委第四轮巡察',
  year: 2026,
  seq: 4,
  startDate: '2026-09-01',
  endDate: '2026-11-30',
  ...extra,
});

describe('GET /api/rounds', () => {
  it('lists the committee’s rounds with their inspection count', async () => {
    for (const username of ['office', 'leader']) {
      const res = await (await h.as(username)).get('/api/rounds');
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toMatchObject({
        total: 1,
        items: [{ id: h.demo.roundId, name: '十五届区委第三轮巡察', year: 2026, seq: 3, inspectionCount: 2 }],
      });
    }
  });

  it('filters by committee and never shows another committee’s rounds', async () => {
    const office = await h.as('office');
    expect((await office.get(`/api/rounds?committeeId=${h.demo.committeeId}`)).json().total).toBe(1);
    const other = (await office.get(`/api/rounds?committeeId=${h.outsider.committeeId}`)).json();
    expect(other).toMatchObject({ total: 0, items: [] });
    const all = (await office.get('/api/rounds?pageSize=100')).json();
    expect(all.items.some((r: { id: string }) => r.id === h.outsider.roundId)).toBe(false);
    expect((await office.get('/api/rounds?committeeId=abc')).statusCode).toBe(400);
  });

  it('is 401 without login and 403 without round.read', async () => {
    expect((await h.anonymous.get('/api/rounds')).statusCode).toBe(401);
    for (const username of ['lianluo', 'zuzhang', 'sysadmin']) {
      expect((await (await h.as(username)).get('/api/rounds')).statusCode, username).toBe(403);
    }
  });
});

describe('POST /api/rounds', () => {
  it('creates a round, audited, that then appears first in the list', async () => {
    const office = await h.as('office');
    const res = await office.post('/api/rounds', round());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      committeeId: h.demo.committeeId,
      name: '十五届区委第四轮巡察',
      year: 2026,
      seq: 4,
      startDate: '2026-09-01',
      endDate: '2026-11-30',
      inspectionCount: 0,
    });
    const list = (await office.get('/api/rounds')).json();
    expect(list.total).toBe(2);
    expect(list.items[0].id).toBe(created.id);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['actor_name', 'entity'])
      .where('action', '=', 'round.create')
      .execute();
    expect(audit).toEqual([{ actor_name: '王芳', entity: 'round' }]);
  });

  it('rejects an end date before the start date and a bad year with 400, writing nothing', async () => {
    const office = await h.as('office');
    const before = await countRows(h, 'round');
    const dates = await office.post('/api/rounds', round({ seq: 5, startDate: '2026-10-01', endDate: '2026-09-30' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json().code).toBe('validation');
    expect(dates.json().details).toEqual([{ path: 'endDate', message: '结束日期不能早于开始日期' }]);
    for (const year of [1999, 2101, 2026.5, '2026']) {
      const res = await office.post('/api/rounds', round({ seq: 5, year }));
      expect(res.statusCode, String(year)).toBe(400);
      expect(res.json().details[0].path).toBe('year');
    }
    const badDate = await office.post('/api/rounds', round({ seq: 5, startDate: '2026-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details).toEqual([{ path: 'startDate', message: '日期不存在' }]);
    expect(await countRows(h, 'round')).toBe(before);
  });

  it('rejects a date PostgreSQL cannot store with 400, not a server error', async () => {
    // '0000-01-01' matches YYYY-MM-DD and JavaScript accepts it, but year 0 does not exist in PostgreSQL.
    const before = await countRows(h, 'round');
    const res = await (await h.as('office')).post(
      '/api/rounds',
      round({ seq: 6, startDate: '0000-01-01', endDate: '0000-01-02' }),
    );
    expect(res.json().code).toBe('validation');
    expect(res.statusCode).toBe(400);
    expect(await countRows(h, 'round')).toBe(before);
  });

  it('is 401 / 403 (leader: round.read but not round.create) / 404 other committee', async () => {
    const before = await countRows(h, 'round');
    expect((await h.anonymous.post('/api/rounds', round({ seq: 7 }))).statusCode).toBe(401);
    const leader = await (await h.as('leader')).post('/api/rounds', round({ seq: 7 }));
    expect(leader.statusCode).toBe(403);
    expect(leader.json().code).toBe('forbidden');
    const other = await (await h.as('office')).post(
      '/api/rounds',
      round({ seq: 7, committeeId: h.outsider.committeeId }),
    );
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ code: 'not_found', message: '派出党委不存在' });
    expect(await countRows(h, 'round')).toBe(before);
  });

  it('is 409 for a duplicate year and sequence', async () => {
    const before = await countRows(h, 'round');
    const res = await (await h.as('office')).post('/api/rounds', round({ seq: 3, name: '重复的第三轮' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: 'conflict', message: '2026 年第 3 轮巡察已存在' });
    expect(await countRows(h, 'round')).toBe(before);
  });

  it('lets only one of four concurrent identical creations win; the others get 409, not 500', async () => {
    const office = await h.as('office');
    const outcomes: number[][] = [];
    for (const seq of [8, 9, 10]) {
      const body = round({ seq, name: `十五届区委第${seq}轮巡察` });
      const results = await Promise.all([1, 2, 3, 4].map(() => office.post('/api/rounds', body)));
      outcomes.push(results.map((r) => r.statusCode).sort());
    }
    expect(outcomes).toEqual([
      [200, 409, 409, 409],
      [200, 409, 409, 409],
      [200, 409, 409, 409],
    ]);
    const rows = await h.database.db.selectFrom('round').select('id').where('seq', '>=', 8).execute();
    expect(rows).toHaveLength(3);
  });
});
