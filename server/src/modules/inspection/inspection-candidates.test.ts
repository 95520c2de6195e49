// The round's unit picker (提级/交叉 reach lower committees, 村(居) villages only) and a leader's 回避
// exception when a team takes a target on create and in a 一托N batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addCadre, addLogin, addLowerCommittee, formTeam, openFourthRound } from '../team/team.fixtures.ts';

let h: Harness;
let roundId: string;
let teamId: string;
beforeAll(async () => {
  h = await createHarness();
  roundId = await openFourthRound(h);
  teamId = await formTeam(h, roundId);
  await addLowerCommittee(h);
  // 马晓东 served in 区自然资源局 and 南园社区: the targets below conflict with him
  const cadre = await addCadre(h, { name: '马晓东', pastPostUnitId: h.demo.units.ziran });
  await h.database.db
    .insertInto('cadre_past_post')
    .values({
      cadre_id: cadre,
      unit_id: h.demo.units.nanyuan_sq as string,
      unit_name: '南园社区',
      post: '党委副书记',
      start_date: '2020-01-01',
      end_date: '2024-06-30',
    })
    .execute();
  const office = await h.as('office');
  expect((await office.post(`/api/teams/${teamId}/members`, { cadreId: cadre, post: 'member' })).statusCode).toBe(200);
  // a leader of the 领导小组 who also works in the office: holds inspection.create and avoidance.override
  const both = await addLogin(h, 'office_leader', '孙立');
  await h.database.db
    .insertInto('user_role')
    .values(
      ['office', 'leader'].map((role) => ({
        user_id: both,
        role_code: role,
        scope_kind: 'committee',
        scope_id: h.demo.committeeId,
      })),
    )
    .execute();
});
afterAll(() => h.close());

const candidates = async (user: string, query: string, round = roundId) =>
  (await h.as(user)).get(`/api/rounds/${round}/candidate-units?${query}`);
const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((u) => u.name);

describe('GET /api/rounds/:id/candidate-units', () => {
  it('offers the lower committee’s units for 提级 and 交叉 only, villages for 村(居), searchable', async () => {
    const elevated = await candidates('office', 'type=elevated');
    expect([elevated.statusCode, names(elevated)]).toEqual([200, ['东关街道城建办']]);
    expect(elevated.json().items[0].committeeName).toBe('中共城关区东关街道工作委员会');
    const cross = names(await candidates('office', 'type=cross&pageSize=100'));
    expect(cross).toEqual(expect.arrayContaining(['东关街道城建办', '区财政局']));
    expect(names(await candidates('office', 'type=regular&pageSize=100'))).not.toContain('东关街道城建办');
    const villages = names(await candidates('office', 'type=village&pageSize=100'));
    expect(villages).toEqual(expect.arrayContaining(['东关社区', '南园社区']));
    expect(villages).not.toContain('区财政局');
    expect(names(await candidates('office', 'type=regular&villagesOnly=true&q=南园'))).toEqual(['南园社区']);
  });

  it('is 400 for a bad type, 401, 403 without inspection.create, 404 for another committee’s round', async () => {
    const bad = await candidates('office', 'type=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('type');
    expect((await h.anonymous.get(`/api/rounds/${roundId}/candidate-units?type=regular`)).statusCode).toBe(401);
    expect((await candidates('leader', 'type=regular')).statusCode).toBe(403);
    expect((await candidates('office', 'type=regular', h.outsider.roundId)).statusCode).toBe(404);
  });
});

describe('回避 exceptions when a team takes targets', () => {
  const target = {
    type: 'regular',
    startDate: '2026-07-06',
    endDate: '2026-08-20',
    selectionReason: '土地出让领域廉政风险高',
  };

  it('refuses the team on create (409), the office may not override (403), a user holding both may', async () => {
    const body = { ...target, unitId: h.demo.units.ziran, roundId, teamId };
    const before = await countRows(h, 'inspection');
    const refused = await (await h.as('office')).post('/api/inspections', body);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'avoidance']);
    const override = { reason: '原任职与本次巡察重点无关，经领导小组同意' };
    expect((await (await h.as('office')).post('/api/inspections', { ...body, override })).statusCode).toBe(403);
    expect(await countRows(h, 'inspection')).toBe(before);
    const approved = await (await h.as('office_leader')).post('/api/inspections', { ...body, override });
    expect(approved.json()).toMatchObject({ teamId, unitName: '区自然资源局' });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('entity_id', '=', approved.json().id)
      .where('action', '=', 'inspection.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('原任职与本次巡察重点无关');
  });

  it('refuses a 一托N batch with a conflict as a whole; the override covers the batch', async () => {
    const url = `/api/rounds/${roundId}/inspections/batch`;
    const body = { ...target, teamId, type: 'village', unitIds: [h.demo.units.nanyuan_sq, h.demo.units.dongguan_sq] };
    const before = await countRows(h, 'inspection');
    const refused = await (await h.as('office')).post(url, body);
    expect([refused.statusCode, refused.json().details[0].message]).toEqual([409, expect.stringContaining('南园社区')]);
    expect(await countRows(h, 'inspection')).toBe(before);
    const override = { reason: '任职已满四年，经领导小组研究同意' };
    const approved = await (await h.as('office_leader')).post(url, { ...body, override });
    expect(
      approved
        .json()
        .items.map((i: { unitName: string }) => i.unitName)
        .sort(),
    ).toEqual(['东关社区', '南园社区'].sort());
    const rows = await h.database.db
      .selectFrom('inspection')
      .select('avoidance_override_reason as reason')
      .where('round_id', '=', roundId)
      .where('type', '=', 'village')
      .execute();
    expect(rows.map((r) => r.reason)).toEqual([override.reason, override.reason]);
  });
});
