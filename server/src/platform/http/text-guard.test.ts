// Text PostgreSQL cannot store (NUL, lone surrogates) is refused with a 400 before any handler runs;
// ordinary Unicode (4-byte emoji, RTL marks) passes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const round = (name: string) => ({
  committeeId: h.demo.committeeId,
  name,
  year: 2026,
  seq: 9,
  startDate: '2026-07-01',
  endDate: '2026-08-31',
});

describe('text guard', () => {
  it('refuses NUL and lone surrogates in a body or a query with a Chinese 400, writing nothing', async () => {
    const office = await h.as('office');
    const before = await h.database.db.selectFrom('round').select('id').execute();
    for (const res of [
      await office.post('/api/rounds', round('第\u0000轮')),
      await office.post('/api/rounds', round('第\ud800轮')),
      await office.get(`/api/cadres?q=${encodeURIComponent('a\u0000b')}`),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(/无法保存的字符/);
    }
    expect(await h.database.db.selectFrom('round').select('id').execute()).toHaveLength(before.length);
  });

  it('lets well-formed Unicode through', async () => {
    const res = await (await h.as('office')).post('/api/rounds', round('第九轮 😀 \u202e测试'));
    expect(res.statusCode, res.body).toBe(200);
  });
});
