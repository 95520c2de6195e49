// 工作量: per team and per cadre against the hand-worked round of workload.fixtures.ts, the inspection
// drill-downs whose totals equal the figures, the exports, and 400 / 401 / 403 / 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { auditCount, readSheet, seedWorkloadFixture, type WorkloadFixture } from './workload.fixtures.ts';

let h: Harness;
let fx: WorkloadFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedWorkloadFixture(h);
});
afterAll(() => h.close());

describe('GET /api/analytics/workload', () => {
  it('counts each team as worked out by hand', async () => {
    const res = await (await h.as('leader')).get(`/api/analytics/workload?roundId=${fx.roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // I4 has no team: its finding, clue and record are not anybody's workload
    // inspections 3, units 3, findings 2+1+0, clues 1+0+2, records 3+0+1; cadres c1…c4
    expect(body.totals).toEqual({
      teams: 2,
      cadres: 4,
      inspections: 3,
      units: 3,
      findings: 3,
      clues: 3,
      fieldworkRecords: 4,
    });
    // first: 03-02 → 04-09 = 30 (March 2–31) + 9 = 39 days; second: 04-01 → 04-30 = 30 days
    expect(body.teams.items).toEqual([
      expect.objectContaining({
        teamId: fx.teams.first,
        teamName: '测试第一巡察组',
        roundName: '工作量测试轮次',
        inspections: 2,
        units: 2,
        days: 39,
        findings: 3,
        clues: 1,
        fieldworkRecords: 3,
      }),
      expect.objectContaining({ teamId: fx.teams.second, inspections: 1, days: 30, findings: 0, clues: 2 }),
    ]);
  });

  it('narrows by area and kind', async () => {
    const office = await h.as('office');
    const area = (await office.get(`/api/analytics/workload?roundId=${fx.roundId}&areaUnitId=${fx.units[1]}`)).json();
    // only I2 (village, 03-10 → 04-09 = 22 + 9 = 31 days)
    expect(area.teams.items).toEqual([expect.objectContaining({ inspections: 1, days: 31, findings: 1, clues: 0 })]);
    const kind = (await office.get(`/api/analytics/workload?roundId=${fx.roundId}&unitKind=school`)).json();
    expect(kind.totals).toMatchObject({ teams: 1, cadres: 3, inspections: 1, clues: 2 });
  });

  it('counts each cadre: teams led and joined, rounds, inspections, days', async () => {
    const res = await (await h.as('office')).get(`/api/analytics/workload/cadres?roundId=${fx.roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    // c1: first (2 inspections, 39 days) + second (1, 30) = 3 inspections, 69 days; c3 and c4 tie on 30: by name
    expect(body.items).toEqual([
      expect.objectContaining({ cadreId: fx.cadres.c1, asLeader: 1, asMember: 1, rounds: 1, inspections: 3, days: 69 }),
      expect.objectContaining({ cadreId: fx.cadres.c2, asLeader: 0, asMember: 1, inspections: 2, days: 39 }),
      expect.objectContaining({ cadreId: fx.cadres.c3, asLeader: 1, asMember: 0, inspections: 1, days: 30 }),
      expect.objectContaining({ cadreId: fx.cadres.c4, asLeader: 0, asMember: 1, inspections: 1, days: 30 }),
    ]);
  });

  it('answers 401, 403, 404 and 400', async () => {
    expect((await h.anonymous.get('/api/analytics/workload')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/analytics/workload/cadres')).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.get(`/api/analytics/workload?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/analytics/workload/inspections?roundId=${h.outsider.roundId}`)).statusCode).toBe(
      404,
    );
    const bad = await office.get('/api/analytics/workload/inspections?teamId=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('编号格式不正确');
  });
});

describe('GET /api/analytics/workload/inspections (drill-down)', () => {
  it('lists the inspections behind a team and a cadre, totals equal to the figures', async () => {
    const office = await h.as('office');
    const team = (
      await office.get(`/api/analytics/workload/inspections?roundId=${fx.roundId}&teamId=${fx.teams.first}`)
    ).json();
    expect(team.total).toBe(2);
    expect(team.items.map((i: { days: number }) => i.days)).toEqual([31, 30]);
    const cadre = (
      await office.get(`/api/analytics/workload/inspections?roundId=${fx.roundId}&cadreId=${fx.cadres.c1}`)
    ).json();
    expect(cadre.total).toBe(3);
    expect(cadre.items.map((i: { post: string }) => i.post).sort()).toEqual(['leader', 'leader', 'member']);
  });

  it('exports teams, cadres and inspections in Chinese, audited', async () => {
    const office = await h.as('office');
    const before = await auditCount(h);
    const teams = await readSheet(
      (await office.get(`/api/analytics/workload/export?roundId=${fx.roundId}`)).rawPayload,
    );
    expect(teams).toHaveLength(3);
    expect(teams[1]?.slice(0, 5)).toEqual(['测试第一巡察组', '工作量测试轮次', '2', '2', '39']);
    const cadres = await readSheet(
      (await office.get(`/api/analytics/workload/cadres/export?roundId=${fx.roundId}`)).rawPayload,
    );
    expect(cadres).toHaveLength(5);
    const rows = await readSheet(
      (await office.get(`/api/analytics/workload/inspections/export?roundId=${fx.roundId}&cadreId=${fx.cadres.c1}`))
        .rawPayload,
    );
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('组内职务');
    expect(await auditCount(h)).toBe(before + 3);
  });
});
