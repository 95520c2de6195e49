// Planning inspections: what each type implies (提级, 交叉, 村(居), 回头看), 一托N batches (all or
// nothing, every refused unit listed), changes while preparing, and 回避 when a team takes a target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addCadre, addLowerCommittee, formTeam, openFourthRound } from '../team/team.fixtures.ts';

let h: Harness;
let roundId: string;
let teamId: string;
let lowerUnitId: string;
beforeAll(async () => {
  h = await createHarness();
  roundId = await openFourthRound(h);
  teamId = await formTeam(h, roundId);
  lowerUnitId = (await addLowerCommittee(h)).unitId;
});
afterAll(() => h.close());

const body = (extra: object = {}) => ({
  roundId,
  unitId: h.demo.units.weijian,
  type: 'regular',
  startDate: '2026-07-06',
  endDate: '2026-08-20',
  selectionReason: '医疗卫生领域群众反映集中',
  ...extra,
});
const create = async (extra: object) => (await h.as('office')).post('/api/inspections', body(extra));

describe('inspection types and their rules', () => {
  it('refuses each type’s wrong target with a Chinese reason on the field, writing nothing', async () => {
    const before = await countRows(h, 'inspection');
    const cases: [object, string, string][] = [
      [{ type: 'village' }, 'unitId', '村(居)巡察的对象须是村或社区'],
      [{ type: 'elevated' }, 'unitId', '提级巡察的对象须是下级党委管辖的单位'],
      [{ type: 'cross', unitId: h.outsider.unitId }, 'unitId', '交叉巡察的对象须是本党委或下级党委管辖的单位'],
      [{ type: 'regular', unitId: lowerUnitId }, 'unitId', '被巡察单位不属于该党委'],
      [{ type: 'lookback' }, 'previousInspectionId', '巡察“回头看”须选择此前的巡察'],
      [
        { type: 'lookback', previousInspectionId: h.demo.zhujianInspectionId },
        'previousInspectionId',
        '“回头看”须针对同一单位此前的巡察',
      ],
      [
        { type: 'lookback', unitId: h.demo.units.jiaoyu, previousInspectionId: h.demo.jiaoyuInspectionId },
        'previousInspectionId',
        '此前的巡察尚未进入整改阶段，不能“回头看”',
      ],
      [{ type: 'lookback', previousInspectionId: h.outsider.inspectionId }, 'previousInspectionId', '此前的巡察不存在'],
    ];
    for (const [extra, path, message] of cases) {
      const res = await create(extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().details[0], JSON.stringify(extra)).toEqual({ path, message });
    }
    expect(await countRows(h, 'inspection')).toBe(before);
  });

  it('accepts 提级 and 交叉 of a lower committee’s unit, 村(居) of a community, and links 回头看 both ways', async () => {
    expect((await create({ type: 'elevated', unitId: lowerUnitId })).statusCode).toBe(200);
    expect((await create({ type: 'village', unitId: h.demo.units.dongguan_sq })).statusCode).toBe(200);
    const lookback = await create({
      type: 'lookback',
      unitId: h.demo.units.zhujian,
      previousInspectionId: h.demo.zhujianInspectionId,
    });
    expect(lookback.json()).toMatchObject({ type: 'lookback', previousInspectionId: h.demo.zhujianInspectionId });
    const office = await h.as('office');
    const detail = (await office.get(`/api/inspections/${lookback.json().id}`)).json();
    expect(detail.previousInspection).toMatchObject({
      id: h.demo.zhujianInspectionId,
      roundName: '十五届区委第三轮巡察',
    });
    const earlier = (await office.get(`/api/inspections/${h.demo.zhujianInspectionId}`)).json();
    expect(earlier.revisits).toEqual([
      expect.objectContaining({ id: lookback.json().id, roundName: '十五届区委第四轮巡察' }),
    ]);
  });
});

describe('POST /api/rounds/:id/inspections/batch (一托N)', () => {
  const batch = (extra: object = {}) => ({
    teamId,
    type: 'village',
    unitIds: [h.demo.units.nanyuan_sq],
    startDate: '2026-08-24',
    endDate: '2026-09-20',
    selectionReason: '巡镇带村',
    ...extra,
  });

  it('lists every refused unit and writes nothing', async () => {
    const before = await countRows(h, 'inspection');
    const res = await (await h.as('office')).post(
      `/api/rounds/${roundId}/inspections/batch`,
      batch({ unitIds: [h.demo.units.nanyuan_sq, h.demo.units.caizheng, h.demo.units.dongguan_sq] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: 'unitIds', message: '区财政局：村(居)巡察的对象须是村或社区' },
      { path: 'unitIds', message: '东关社区：该单位在本轮次中已安排巡察' },
    ]);
    expect(await countRows(h, 'inspection')).toBe(before);
  });

  it('creates all targets for the team; 401, 403, 404 and a bad team are refused', async () => {
    expect((await h.anonymous.post(`/api/rounds/${roundId}/inspections/batch`, batch())).statusCode).toBe(401);
    expect((await (await h.as('leader')).post(`/api/rounds/${roundId}/inspections/batch`, batch())).statusCode).toBe(
      403,
    );
    expect(
      (await (await h.as('office')).post(`/api/rounds/${h.outsider.roundId}/inspections/batch`, batch())).statusCode,
    ).toBe(404);
    const wrongTeam = await (await h.as('office')).post(
      `/api/rounds/${roundId}/inspections/batch`,
      batch({ teamId: crypto.randomUUID() }),
    );
    expect(wrongTeam.json().details[0].path).toBe('teamId');
    const res = await (await h.as('office')).post(`/api/rounds/${roundId}/inspections/batch`, batch());
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ unitName: '南园社区', teamName: '区委第二巡察组', type: 'village' }),
    ]);
  });
});

describe('PATCH /api/inspections/:id', () => {
  it('changes dates and reason while preparing; 400, 403, 404, and 409 once stationed', async () => {
    const office = await h.as('office');
    const id = (await create({ unitId: h.demo.units.shichang })).json().id;
    const patch = (who: typeof office, target: string, payload: object) =>
      who.request({ method: 'PATCH', url: `/api/inspections/${target}`, payload });
    const ok = await patch(office, id, { endDate: '2026-08-31', selectionReason: '食品安全监管领域问题线索较多' });
    expect(ok.json()).toMatchObject({ endDate: '2026-08-31', selectionReason: '食品安全监管领域问题线索较多' });
    expect((await patch(office, id, { startDate: '2026-09-30' })).json().details[0].path).toBe('endDate');
    expect((await patch(await h.as('jiwei'), id, { endDate: '2026-08-30' })).statusCode).toBe(403);
    expect((await patch(office, h.outsider.inspectionId, { endDate: '2026-08-30' })).statusCode).toBe(404);
    const stationed = await patch(office, h.demo.jiaoyuInspectionId, { endDate: '2026-08-30' });
    expect([stationed.statusCode, stationed.json().message]).toEqual([409, '只有准备阶段的巡察可以修改']);
  });

  it('runs 回避 for every member when the team takes the target; a leader may override with a reason', async () => {
    const office = await h.as('office');
    const cadre = await addCadre(h, { name: '马晓东', pastPostUnitId: h.demo.units.ziran });
    expect((await office.post(`/api/teams/${teamId}/members`, { cadreId: cadre, post: 'member' })).statusCode).toBe(
      200,
    );
    const id = (await create({ unitId: h.demo.units.ziran })).json().id;
    const assign = (who: typeof office, payload: object) =>
      who.request({ method: 'PATCH', url: `/api/inspections/${id}`, payload });
    const refused = await assign(office, { teamId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'avoidance',
      details: [{ path: 'cadreId', message: expect.stringContaining('区自然资源局') }],
    });
    expect((await assign(office, { teamId, override: { reason: '已任职期满' } })).statusCode).toBe(403);
    const approved = await assign(await h.as('leader'), {
      teamId,
      override: { reason: '原任职与本次巡察重点无关，经领导小组同意' },
    });
    expect(approved.json()).toMatchObject({ teamId, teamName: '区委第二巡察组' });
    const row = await h.database.db
      .selectFrom('inspection')
      .select('avoidance_override_reason')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.avoidance_override_reason).toBe('原任职与本次巡察重点无关，经领导小组同意');
  });
});
