// A round's detail (teams and targets), the suggested name of the next round, and changing a round.

import { chineseNumber } from '@xuncha/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const patch = async (username: string, id: string, payload: object) =>
  (await h.as(username)).request({ method: 'PATCH', url: `/api/rounds/${id}`, payload });

describe('GET /api/rounds/:id and the suggestion', () => {
  it('shows the round with its team and targets; 404 for another committee’s round', async () => {
    const office = await h.as('office');
    const res = await office.get(`/api/rounds/${h.demo.roundId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '十五届区委第三轮巡察',
      teamCount: 1,
      teams: [{ name: '区委第一巡察组', memberCount: 2 }],
      abilities: { update: true, createTeam: true, createInspection: true },
    });
    expect(
      res
        .json()
        .targets.map((t: { unitName: string }) => t.unitName)
        .sort(),
    ).toEqual(['区住房和城乡建设局', '区教育局']);
    expect((await office.get(`/api/rounds/${h.outsider.roundId}`)).statusCode).toBe(404);
    expect((await (await h.as('leader')).get(`/api/rounds/${h.demo.roundId}`)).json().abilities.update).toBe(false);
  });

  it('suggests the next round after the committee’s last one', async () => {
    const res = await (await h.as('office')).get(`/api/rounds/suggestion?committeeId=${h.demo.committeeId}`);
    expect(res.json()).toEqual({ name: '十五届区委第四轮巡察', year: 2026, seq: 4 });
    const other = await (await h.as('office')).get(`/api/rounds/suggestion?committeeId=${h.outsider.committeeId}`);
    expect(other.statusCode).toBe(404);
    expect([1, 10, 14, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十四', '二十', '二十三']);
  });

  it('filters the list by year', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/rounds?year=2026')).json().total).toBe(1);
    expect((await office.get('/api/rounds?year=2019')).json().total).toBe(0);
  });
});

describe('PATCH /api/rounds/:id', () => {
  it('records the 动员部署会 and renames, audited', async () => {
    const res = await patch('office', h.demo.roundId, { mobilisedOn: '2026-01-15', name: '十五届区委第三轮巡察' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mobilisedOn).toBe('2026-01-15');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'round.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('is 409 when new dates would exclude an inspection already on site, 400 for reversed dates', async () => {
    const res = await patch('office', h.demo.roundId, { startDate: '2026-02-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('的巡察已进驻，轮次时间不能改为不包含其巡察期间');
    const reversed = await patch('office', h.demo.roundId, { startDate: '2026-12-01', endDate: '2026-11-01' });
    expect(reversed.json().details[0].path).toBe('endDate');
  });

  it('is 401, 403 without round.update, 404 out of scope', async () => {
    expect(
      (await h.anonymous.request({ method: 'PATCH', url: `/api/rounds/${h.demo.roundId}`, payload: {} })).statusCode,
    ).toBe(401);
    expect((await patch('leader', h.demo.roundId, { name: '乙' })).statusCode).toBe(403);
    expect((await patch('office', h.outsider.roundId, { name: '乙' })).statusCode).toBe(404);
  });
});

describe('exports of the planning lists', () => {
  it('streams rounds, inspections (filtered) and teams as .xlsx for the office; 403 without the read permission', async () => {
    const office = await h.as('office');
    for (const url of [
      '/api/rounds/export?year=2026',
      '/api/inspections/export?phase=rectifying',
      '/api/teams/export',
    ]) {
      const res = await office.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('spreadsheetml');
    }
    expect((await (await h.as('zuzhang')).get('/api/teams/export')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/inspections/export')).statusCode).toBe(401);
  });
});
