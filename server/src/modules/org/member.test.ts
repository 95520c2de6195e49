// 领导小组 and 巡察办 members through the API; posts grant and revoke default roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { count, must, snapshot } from './org.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const url = () => `/api/committees/${h.demo.committeeId}/members`;
const member = (extra: object = {}) => ({
  body: 'leading_group',
  post: 'deputy',
  name: '赵刚',
  title: '区委常委、组织部部长',
  startedOn: '2026-01-10',
  ...extra,
});

async function rolesOf(userId: string | undefined) {
  const rows = await h.database.db
    .selectFrom('user_role')
    .select(['role_code', 'scope_id'])
    .where('user_id', '=', must(userId))
    .where('scope_kind', '=', 'committee')
    .execute();
  return rows.map((r) => r.role_code).sort();
}

describe('adding members', () => {
  it('grants the post’s default role to an account, and records that grant', async () => {
    const office = await h.as('office');
    const res = await office.post(url(), member({ userId: h.demo.users.zuzhang }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      body: 'leading_group',
      post: 'deputy',
      userId: h.demo.users.zuzhang,
      username: 'zuzhang',
      grantedRole: 'leader',
      endedOn: null,
      abilities: { end: true },
    });
    expect(await rolesOf(h.demo.users.zuzhang)).toEqual(['leader']);
    // the new 副组长 now reads the leading group like any leader
    const zuzhang = await h.login('zuzhang');
    expect((await zuzhang.get(url())).statusCode).toBe(200);
  });

  it('grants nothing to a 成员 or to someone who already holds the role', async () => {
    const office = await h.as('office');
    const grants = await count(h, 'user_role');
    const leader = await office.post(url(), member({ post: 'leader', name: '李明', userId: h.demo.users.leader }));
    expect(leader.json().grantedRole).toBeNull();
    const plain = await office.post(url(), member({ post: 'member', name: '钱进', userId: h.demo.users.zuyuan }));
    expect(plain.json().grantedRole).toBeNull();
    const staff = await office.post(url(), member({ body: 'office', post: 'staff', name: '周晓' }));
    expect(staff.json()).toMatchObject({ userId: null, grantedRole: null });
    expect(await count(h, 'user_role')).toBe(grants);
  });

  it('rejects a post of the other body, a 三员 account and a foreign account (400); nothing written', async () => {
    const office = await h.as('office');
    const before = await snapshot(h);
    const post = await office.post(url(), member({ post: 'director' }));
    expect(post.json().details).toEqual([{ path: 'post', message: '该职务不属于所选机构' }]);
    const admin = await office.post(url(), member({ body: 'office', post: 'staff', userId: h.demo.users.sysadmin }));
    expect(admin.statusCode).toBe(400);
    expect(admin.json().message).toBe(
      '系统管理员、安全管理员、安全审计员（三员）账号不能担任领导小组或巡察办职务并获得业务角色',
    );
    const foreign = await office.post(url(), member({ userId: h.outsider.ownerId }));
    expect(foreign.json().details).toEqual([{ path: 'userId', message: '关联账号不存在或不属于该党委' }]);
    const blank = await office.post(url(), member({ name: '', startedOn: '2026-02-30' }));
    expect(
      blank
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['name', 'startedOn']);
    expect(await snapshot(h)).toEqual(before);
  });

  it('is 409 for a second current post in the same body, 401/403/404 as usual', async () => {
    const office = await h.as('office');
    const leader = await h.as('leader');
    const before = await snapshot(h);
    const twice = await office.post(url(), member({ post: 'member', userId: h.demo.users.zuzhang }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该账号在该机构已有现任职务，请先办理离任');
    expect((await h.anonymous.post(url(), member())).statusCode).toBe(401);
    expect((await leader.post(url(), member())).statusCode).toBe(403);
    const outside = await office.post(`/api/committees/${h.outsider.committeeId}/members`, member());
    expect(outside.statusCode).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('listing members', () => {
  it('lists current members by body and post; ended ones on request', async () => {
    const leader = await h.as('leader');
    const all = (await leader.get(url())).json();
    expect(all.items.map((m: { name: string; post: string }) => `${m.post}:${m.name}`)).toEqual([
      'leader:李明',
      'deputy:赵刚',
      'member:钱进',
      'staff:周晓',
    ]);
    expect(all.items[0].abilities.end).toBe(false);
    const office = (await leader.get(`${url()}?body=office`)).json();
    expect(office.total).toBe(1);
    expect((await leader.get(`${url()}?pageSize=2&page=2`)).json().items).toHaveLength(2);
    expect((await leader.get(`${url()}?body=team`)).statusCode).toBe(400);
  });

  it('is 404 for another committee, 403 without leading_group.read', async () => {
    expect((await (await h.as('office')).get(`/api/committees/${h.outsider.committeeId}/members`)).statusCode).toBe(
      404,
    );
    expect((await (await h.as('lianluo')).get(url())).statusCode).toBe(403);
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
  });
});

describe('ending a membership', () => {
  it('revokes exactly the grant the membership created', async () => {
    const office = await h.as('office');
    const deputy = (await office.get(url())).json().items.find((m: { name: string }) => m.name === '赵刚');
    const res = await office.post(`/api/committee-members/${deputy.id}/end`, {
      endedOn: '2026-06-01',
      reason: '工作调动',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ endedOn: '2026-06-01', endReason: '工作调动', abilities: { end: false } });
    expect(await rolesOf(h.demo.users.zuzhang)).toEqual([]);
    expect((await (await h.login('zuzhang')).get(url())).statusCode).toBe(403);
    // 李明's own leader grant was not the membership's to revoke
    const leaderSeat = (await office.get(url())).json().items.find((m: { name: string }) => m.name === '李明');
    await office.post(`/api/committee-members/${leaderSeat.id}/end`, { endedOn: '2026-06-01', reason: '换届' });
    expect(await rolesOf(h.demo.users.leader)).toEqual(['leader']);
    const history = (await office.get(`${url()}?includeEnded=true`)).json();
    expect(history.total).toBe(4);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', 'in', ['user_role.grant', 'user_role.revoke'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user_role.grant', 'user_role.revoke']);
  });

  it('is 409 when already ended, 400 before the start, 401/403/404 as usual', async () => {
    const office = await h.as('office');
    const ended = (await office.get(`${url()}?includeEnded=true`))
      .json()
      .items.find((m: { name: string }) => m.name === '赵刚');
    const staff = (await office.get(url())).json().items.find((m: { name: string }) => m.name === '周晓');
    const foreign = await h.database.db
      .insertInto('committee_member')
      .values({
        committee_id: h.outsider.committeeId,
        body: 'office',
        post: 'director',
        name: '城西主任',
        title: null,
        user_id: null,
        started_on: '2025-01-01',
        granted_role: null,
        grant_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const leader = await h.as('leader');
    const before = await snapshot(h);
    const body = { endedOn: '2026-06-01', reason: '换届' };
    const twice = await office.post(`/api/committee-members/${ended.id}/end`, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该成员已于 2026-06-01 离任');
    const early = await office.post(`/api/committee-members/${staff.id}/end`, { ...body, endedOn: '2025-01-01' });
    expect(early.json().details).toEqual([{ path: 'endedOn', message: '离任日期不能早于任职日期' }]);
    expect((await office.post(`/api/committee-members/${staff.id}/end`, { endedOn: '2026-06-01' })).statusCode).toBe(
      400,
    );
    expect((await h.anonymous.post(`/api/committee-members/${staff.id}/end`, body)).statusCode).toBe(401);
    expect((await leader.post(`/api/committee-members/${staff.id}/end`, body)).statusCode).toBe(403);
    expect((await office.post(`/api/committee-members/${foreign.id}/end`, body)).statusCode).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });
});
