// The demo world's 上下联动 (seed step 10): the city committee sees two districts that differ, the city leader may
// drill, and the districts received the city's 指导意见.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { seedDemoDistrict } from '../../seed/demo-district.ts';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemoDistrict(h.database.db, h.clock, keyringFor(h.config), h.demo);
}, 240_000);
afterAll(() => h.close());

describe('demo 上下联动', () => {
  it('shows the city its two districts, which differ', async () => {
    const body = (await (await h.as('shixunban')).get('/api/linkage/committees')).json();
    expect(body.own.committeeId).toBe(h.demo.cityCommitteeId);
    expect(body.lower.total).toBe(2);
    const names = body.lower.items.map((r: { name: string }) => r.name).sort();
    expect(names).toEqual(['中共示例市城关区委', '中共示例市新城区委'].sort());
    const [a, b] = body.lower.items;
    expect(a.unitsToCover).toBeGreaterThan(0);
    expect(b.unitsToCover).toBeGreaterThan(0);
    expect([a.findings, a.tasks, a.coverageRate]).not.toEqual([b.findings, b.tasks, b.coverageRate]);
    const xincheng = body.lower.items.find((r: { name: string }) => r.name === '中共示例市新城区委');
    expect(xincheng).toMatchObject({
      unitsToCover: 10,
      rounds: 2,
      findings: 7,
      tasks: 15,
      tasksClosed: 7,
      tasksOverdue: 4,
    });
  });

  it('lets the city leader drill and the districts read the guidance', async () => {
    const leader = await h.as('shilingdao');
    const body = (await leader.get('/api/linkage/committees')).json();
    expect(body.mayDrill).toBe(true);
    const xincheng = body.lower.items.find((r: { name: string }) => r.name === '中共示例市新城区委');
    expect((await leader.get(`/api/linkage/committees/${xincheng.committeeId}/findings`)).json().total).toBe(7);
    const received = (await (await h.as('office')).get('/api/guidance/received')).json();
    expect(received.items[0]).toMatchObject({ fromCommitteeName: '中共示例市委', ack: 'read' });
    const upper = (await (await h.as('xinchengban')).get('/api/linkage/upper-inspections')).json();
    expect(upper.items[0]).toMatchObject({ fromCommitteeName: '中共示例市委', type: 'elevated' });
  });
});
