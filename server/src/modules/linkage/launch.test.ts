// 提级/交叉 from the linkage page: created through the inspection module's own use case, the lower committee's
// office notified, and listed for the lower committee as 上级在本地区开展的巡察; scope and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { type LinkageFixture, seedLinkageFixture } from './linkage.fixtures.ts';

let h: Harness;
let fx: LinkageFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedLinkageFixture(h.database.db);
});
afterAll(() => h.close());

const launch = (over: object = {}) => ({
  roundId: fx.rounds.p1,
  unitId: fx.units.a5,
  type: 'elevated',
  startDate: '2026-07-01',
  endDate: '2026-08-15',
  selectionReason: '群众反映集中，提级巡察',
  ...over,
});

describe('提级/交叉 launch', () => {
  it('offers the upper committee its rounds and the lower committees and their units', async () => {
    const c = await h.as('p_office');
    const options = (await c.get('/api/linkage/launch-options')).json();
    expect(options.committeeId).toBe(fx.p);
    expect(options.rounds.map((r: { id: string }) => r.id)).toEqual([fx.rounds.p1]);
    expect(options.lowerCommittees.map((r: { id: string }) => r.id).sort()).toEqual([fx.a, fx.b].sort());
    const units = (await c.get(`/api/linkage/units?lowerCommitteeId=${fx.a}&pageSize=2`)).json();
    expect(units).toMatchObject({ total: 5, pageSize: 2 });
    expect((await c.get('/api/linkage/units?q=b1')).json().items.map((u: { name: string }) => u.name)).toEqual([
      '乙市b1局',
    ]);
    expect((await (await h.as('p_leader')).get('/api/linkage/launch-options')).statusCode).toBe(403);
  });

  it('refuses bad input, a unit not below and a round out of reach, writing nothing', async () => {
    const c = await h.as('p_office');
    const before = await countRows(h, 'inspection');
    const regular = await c.post('/api/linkage/launch', launch({ type: 'regular' }));
    expect(regular.statusCode).toBe(400);
    expect(regular.json().message).toContain('只能发起提级巡察或交叉巡察');
    expect((await c.post('/api/linkage/launch', launch({ endDate: '2026-06-01' }))).statusCode).toBe(400);
    const outsider = await c.post('/api/linkage/launch', launch({ unitId: h.outsider.unitId }));
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().message).toBe('请选择下级党委管辖的单位');
    expect((await c.post('/api/linkage/launch', launch({ roundId: h.outsider.roundId }))).statusCode).toBe(404);
    // a lower committee cannot launch into its upper's round, nor into its sibling
    const a = await h.as('a_office');
    expect((await a.post('/api/linkage/launch', launch())).statusCode).toBe(404);
    expect(
      (await a.post('/api/linkage/launch', launch({ roundId: fx.rounds.a2, unitId: fx.units.b1 }))).statusCode,
    ).toBe(400);
    expect((await h.anonymous.post('/api/linkage/launch', launch())).statusCode).toBe(401);
    expect((await (await h.as('p_leader')).post('/api/linkage/launch', launch())).statusCode).toBe(403);
    expect(await countRows(h, 'inspection')).toBe(before);
  });

  it('creates the inspection, notifies the lower office, and refuses the same unit twice (409)', async () => {
    const c = await h.as('p_office');
    const audits = await countRows(h, 'audit_entry');
    const res = await c.post('/api/linkage/launch', launch());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committeeId: fx.p, unitId: fx.units.a5, type: 'elevated', phase: 'preparing' });
    // inspection.create (the inspection module) and inspection.launch_lower
    expect(await countRows(h, 'audit_entry')).toBe(audits + 2);
    const notices = await h.database.db
      .selectFrom('notification')
      .innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select(['app_user.username', 'notification.title'])
      .where('notification.subject_id', '=', res.json().id)
      .execute();
    expect(notices).toEqual([{ username: 'a_office', title: '上级党委将对甲市a5局开展提级巡察' }]);
    expect((await c.post('/api/linkage/launch', launch())).statusCode).toBe(409);
    const cross = await c.post('/api/linkage/launch', launch({ type: 'cross', unitId: fx.units.b1 }));
    expect(cross.statusCode).toBe(200);
  });

  it('shows the lower committee the upper inspections in its area, and only its own', async () => {
    const a = (await (await h.as('a_office')).get('/api/linkage/upper-inspections')).json();
    expect(a.total).toBe(2);
    expect(a.items.map((i: { unitName: string }) => i.unitName)).toEqual(['甲市a5局', '甲市a4局']);
    expect(a.items[0]).toMatchObject({ fromCommitteeName: '测试省委', type: 'elevated', roundName: '省委第一轮' });
    const b = (await (await h.as('b_office')).get('/api/linkage/upper-inspections')).json();
    expect(b.items.map((i: { type: string }) => i.type)).toEqual(['cross']);
    expect((await (await h.as('b_office')).get(`/api/linkage/upper-inspections?committeeId=${fx.a}`)).statusCode).toBe(
      404,
    );
    expect((await (await h.as('danwei')).get('/api/linkage/upper-inspections')).statusCode).toBe(403);
  });
});
