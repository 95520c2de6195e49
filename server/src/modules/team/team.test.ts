// 巡察组 through the real HTTP API: forming a team, 回避 on joining (refusal with the exact reason,
// a leader's override), the 八个严禁 pledge that opens the team's inspections, and leaving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addCadre, openFourthRound, teamIdByName } from './team.fixtures.ts';

let h: Harness;
let roundId: string;
let teamId: string;
let caizhengId: string;
beforeAll(async () => {
  h = await createHarness();
  roundId = await openFourthRound(h);
});
afterAll(() => h.close());

const members = () =>
  h.database.db
    .selectFrom('team_member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

describe('POST /api/rounds/:id/teams and the team list', () => {
  it('forms a team of the round, audited; a second team of that name is 409', async () => {
    const office = await h.as('office');
    const res = await office.post(`/api/rounds/${roundId}/teams`, { name: '区委第二巡察组' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      roundName: '十五届区委第四轮巡察',
      name: '区委第二巡察组',
      memberCount: 0,
      targetCount: 0,
    });
    teamId = res.json().id;
    const dup = await office.post(`/api/rounds/${roundId}/teams`, { name: '区委第二巡察组' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('本轮次已有名为“区委第二巡察组”的巡察组');
    const created = await office.post('/api/inspections', {
      roundId,
      unitId: h.demo.units.caizheng,
      type: 'regular',
      teamId,
      startDate: '2026-07-06',
      endDate: '2026-08-20',
      selectionReason: '财政资金量大，上届以来未巡察',
    });
    caizhengId = created.json().id;
    expect(created.json()).toMatchObject({ teamId, teamName: '区委第二巡察组' });
  });

  it('is 400 for a blank name, 401, 403 without team.manage, 404 for another committee’s round', async () => {
    await h.as('jiwei'); // logins are audited too: log in before counting
    const before = await countRows(h, 'audit_entry');
    const blank = await (await h.as('office')).post(`/api/rounds/${roundId}/teams`, { name: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details[0]).toEqual({ path: 'name', message: '请填写巡察组名称' });
    expect((await h.anonymous.post(`/api/rounds/${roundId}/teams`, { name: '甲' })).statusCode).toBe(401);
    expect((await (await h.as('jiwei')).post(`/api/rounds/${roundId}/teams`, { name: '甲' })).statusCode).toBe(403);
    expect(
      (await (await h.as('office')).post(`/api/rounds/${h.outsider.roundId}/teams`, { name: '甲' })).statusCode,
    ).toBe(404);
    expect(await countRows(h, 'audit_entry')).toBe(before);
  });

  it('lists teams by round, paginated; renames; another committee’s team is 404', async () => {
    const office = await h.as('office');
    const list = (await office.get(`/api/teams?roundId=${roundId}`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ name: '区委第二巡察组', targetCount: 1 }] });
    expect((await office.get('/api/teams?pageSize=1')).json()).toMatchObject({ total: 2, pageSize: 1 });
    expect((await (await h.as('zuzhang')).get('/api/teams')).statusCode).toBe(403);
    const renamed = await office.request({
      method: 'PATCH',
      url: `/api/teams/${teamId}`,
      payload: { name: '区委第二巡察组（财政）' },
    });
    expect(renamed.json().name).toBe('区委第二巡察组（财政）');
    const first = await teamIdByName(h, '区委第一巡察组');
    const clash = await office.request({
      method: 'PATCH',
      url: `/api/teams/${first}`,
      payload: { name: '区委第一巡察组' },
    });
    expect(clash.statusCode).toBe(200);
    const outsiderTeam = await h.database.db
      .insertInto('team')
      .values({ committee_id: h.outsider.committeeId, round_id: h.outsider.roundId, name: '城西第一巡察组' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await office.get(`/api/teams/${outsiderTeam.id}`)).statusCode).toBe(404);
    const leaderPatch = await (await h.as('jiwei')).request({
      method: 'PATCH',
      url: `/api/teams/${teamId}`,
      payload: { name: '乙' },
    });
    expect(leaderPatch.statusCode).toBe(403);
  });
});

describe('POST /api/teams/:id/members (回避)', () => {
  let conflicted: string;

  it('previews and refuses a cadre who works in a target unit: 409 avoidance with the exact reason, nothing written', async () => {
    conflicted = await addCadre(h, { name: '林小燕', homeUnitId: h.demo.units.caizheng });
    const office = await h.as('office');
    const preview = (await office.get(`/api/teams/${teamId}/avoidance?cadreId=${conflicted}`)).json();
    expect(preview.items).toHaveLength(1);
    expect(preview.items[0]).toMatchObject({ cadreName: '林小燕', unitName: '区财政局', rule: 'home_unit' });
    const before = await members();
    const res = await office.post(`/api/teams/${teamId}/members`, { cadreId: conflicted, post: 'member' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'avoidance',
      details: [{ path: 'cadreId', message: preview.items[0].message }],
    });
    // the office may not wave it through; only a leader approves an exception
    const office403 = await office.post(`/api/teams/${teamId}/members`, {
      cadreId: conflicted,
      post: 'member',
      override: { reason: '工作需要' },
    });
    expect(office403.statusCode).toBe(403);
    expect(await members()).toBe(before);
  });

  it('lets a leader override with a reason that is stored and audited with the conflicts', async () => {
    const reason = '该同志熟悉财政业务，经领导小组研究同意例外参加，谈话不涉及原单位';
    const res = await (await h.as('leader')).post(`/api/teams/${teamId}/members`, {
      cadreId: conflicted,
      post: 'member',
      override: { reason },
    });
    expect(res.statusCode).toBe(200);
    const detail = (await (await h.as('office')).get(`/api/teams/${teamId}`)).json();
    expect(detail.members).toEqual([
      expect.objectContaining({ cadreName: '林小燕', post: 'member', overrideReason: reason, pledgedAt: null }),
    ]);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'team.member.add')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      override: { reason, conflicts: [{ rule: 'home_unit', unitName: '区财政局' }] },
    });
  });

  it('keeps one 组长 and one 临时党支部书记, refuses unknown, inactive and 三员 cadres, and overlapping rounds', async () => {
    const office = await h.as('office');
    const add = (body: object) => office.post(`/api/teams/${teamId}/members`, body);
    const a = await addCadre(h, { name: '张卫东' });
    const b = await addCadre(h, { name: '刘春梅' });
    expect((await add({ cadreId: a, post: 'leader', isBranchSecretary: true })).statusCode).toBe(200);
    const leader2 = await add({ cadreId: b, post: 'leader' });
    expect([leader2.statusCode, leader2.json().message]).toEqual([409, '本组已有组长']);
    const sec2 = await add({ cadreId: b, post: 'deputy_leader', isBranchSecretary: true });
    expect([sec2.statusCode, sec2.json().message]).toEqual([409, '本组已有临时党支部书记']);
    expect((await add({ cadreId: a, post: 'member' })).statusCode).toBe(409);
    const before = await members();
    const inactive = await addCadre(h, { name: '退休的王某', active: false });
    const admin = await addCadre(h, { name: '系统管理员', userId: h.demo.users.sysadmin });
    for (const body of [
      { cadreId: crypto.randomUUID(), post: 'member' },
      { cadreId: inactive, post: 'member' },
      { cadreId: admin, post: 'member' },
      { cadreId: b, post: 'chief' },
    ]) {
      const res = await add(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const round5 = await office.post('/api/rounds', {
      committeeId: h.demo.committeeId,
      name: '十五届区委第五轮巡察',
      year: 2026,
      seq: 5,
      startDate: '2026-09-01',
      endDate: '2026-11-30',
    });
    const team5 = (await office.post(`/api/rounds/${round5.json().id}/teams`, { name: '区委第五巡察组' })).json().id;
    const busy = await office.post(`/api/teams/${team5}/members`, { cadreId: a, post: 'member' });
    expect([busy.statusCode, busy.json().message]).toEqual([
      409,
      '张卫东已在十五届区委第四轮巡察区委第二巡察组（财政），两轮时间重叠',
    ]);
    expect(await members()).toBe(before);
    expect(
      (await (await h.as('zuzhang')).post(`/api/teams/${teamId}/members`, { cadreId: b, post: 'member' })).statusCode,
    ).toBe(403);
  });
});

describe('the 八个严禁 pledge and the grants that follow it', () => {
  let memberId: string;

  it('shows nothing of the team’s inspections before the pledge; the member’s own pledge opens them', async () => {
    const zuyuanCadre = await h.database.db
      .selectFrom('cadre')
      .select('id')
      .where('user_id', '=', h.demo.users.zuyuan as string)
      .executeTakeFirstOrThrow();
    const added = await (await h.as('office')).post(`/api/teams/${teamId}/members`, {
      cadreId: zuyuanCadre.id,
      post: 'liaison',
    });
    expect(added.statusCode).toBe(200);
    memberId = added.json().id;
    const zuyuan = await h.as('zuyuan');
    expect((await zuyuan.get(`/api/inspections/${caizhengId}`)).statusCode).toBe(404);
    const mine = (await zuyuan.get('/api/me/team-memberships')).json();
    expect(mine.pledge.items).toHaveLength(8);
    expect(mine.items.find((m: { id: string }) => m.id === memberId)).toMatchObject({
      pledgedAt: null,
      targetNames: ['区财政局'],
    });
    expect((await (await h.as('zuzhang')).post(`/api/team-members/${memberId}/pledge`)).statusCode).toBe(404);
    expect((await h.anonymous.post(`/api/team-members/${memberId}/pledge`)).statusCode).toBe(401);
    expect((await zuyuan.post(`/api/team-members/${memberId}/pledge`)).statusCode).toBe(200);
    const opened = await zuyuan.get(`/api/inspections/${caizhengId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().abilities.station).toBe(false);
    const again = await zuyuan.post(`/api/team-members/${memberId}/pledge`);
    expect([again.statusCode, again.json().message]).toEqual([409, '已签署“八个严禁”承诺']);
  });

  it('grants pledged members each new target of the team (一托N batch)', async () => {
    const res = await (await h.as('office')).post(`/api/rounds/${roundId}/inspections/batch`, {
      teamId,
      type: 'village',
      unitIds: [h.demo.units.dongguan_sq, h.demo.units.nanyuan_sq],
      startDate: '2026-08-24',
      endDate: '2026-09-20',
      selectionReason: '巡镇带村：东关街道村(居)全覆盖',
    });
    expect(res.statusCode).toBe(200);
    const zuyuan = await h.as('zuyuan');
    for (const item of res.json().items) expect((await zuyuan.get(`/api/inspections/${item.id}`)).statusCode).toBe(200);
  });

  it('revokes the grants when the member leaves; leaving twice is 409', async () => {
    expect((await (await h.as('zuzhang')).post(`/api/team-members/${memberId}/leave`)).statusCode).toBe(403);
    expect((await (await h.as('office')).post(`/api/team-members/${crypto.randomUUID()}/leave`)).statusCode).toBe(404);
    expect((await (await h.as('office')).post(`/api/team-members/${memberId}/leave`)).statusCode).toBe(200);
    expect((await (await h.as('zuyuan')).get(`/api/inspections/${caizhengId}`)).statusCode).toBe(404);
    const again = await (await h.as('office')).post(`/api/team-members/${memberId}/leave`);
    expect([again.statusCode, again.json().message]).toEqual([409, '该成员已离组']);
    const detail = (await (await h.as('office')).get(`/api/teams/${teamId}`)).json();
    expect(detail.members.at(-1)).toMatchObject({ cadreName: '钱进', leftAt: expect.any(String) });
  });
});
