// 经验做法 through the real HTTP API: recorded by the team during fieldwork, read committee-wide, seen by the
// inspected unit only after the feedback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
let zhujianPracticeId: string;
beforeAll(async () => {
  h = await createHarness();
  const unitId = h.demo.units.jiaoyu as string;
  await addUser(h, {
    username: 'jiaoyu_lianluo',
    displayName: '蒋欣',
    unitId,
    role: 'unit_liaison',
    scopeKind: 'unit',
    scopeId: unitId,
  });
  // a practice recorded during the (finished) fieldwork of 区住建局, whose feedback has been issued
  const zhujian = await h.database.db
    .selectFrom('inspection')
    .select(['committee_id', 'unit_id'])
    .where('id', '=', h.demo.zhujianInspectionId)
    .executeTakeFirstOrThrow();
  const row = await h.database.db
    .insertInto('good_practice')
    .values({
      committee_id: zhujian.committee_id,
      inspection_id: h.demo.zhujianInspectionId,
      unit_id: zhujian.unit_id,
      title: '工程项目全过程线上监管',
      content: '建成工程项目监管平台，招投标、变更、支付全程留痕。',
      areas: ['bidding'],
      promote: true,
      created_by: h.demo.users.zuzhang as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  zhujianPracticeId = row.id;
});
afterAll(() => h.close());

const url = () => `/api/inspections/${h.demo.jiaoyuInspectionId}/good-practices`;
const practice = (extra: object = {}) => ({
  title: '“校长陪餐”制度',
  content: '全区中小学校长每日轮流陪餐，食堂问题当场发现当场解决。',
  areas: ['welfare_funds'],
  promote: true,
  ...extra,
});
const count = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('good_practice')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const patch = async (username: string | null, id: string, body: object) =>
  (username ? await h.as(username) : h.anonymous).request({
    method: 'PATCH',
    url: `/api/good-practices/${id}`,
    payload: body,
  });

let createdId: string;
describe('POST /api/inspections/:id/good-practices', () => {
  it('lets the team record a practice while stationed', async () => {
    const res = await (await h.as('zuyuan')).post(url(), practice());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      inspectionId: h.demo.jiaoyuInspectionId,
      unitName: '区教育局',
      title: '“校长陪餐”制度',
      areas: ['welfare_funds'],
      promote: true,
      createdByName: '钱进',
      abilities: { update: true },
    });
    createdId = res.json().id;
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after'])
      .where('action', '=', 'good_practice.create')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('rejects bad input with 400 and Chinese messages, writing nothing', async () => {
    const before = await count();
    const zuzhang = await h.as('zuzhang');
    const blank = await zuzhang.post(url(), practice({ title: ' ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual([{ path: 'title', message: '请填写经验做法标题' }]);
    expect((await zuzhang.post(url(), practice({ areas: ['lottery'] }))).json().details[0].path).toBe('areas.0');
    expect((await zuzhang.post(url(), practice({ content: undefined }))).json().details[0].path).toBe('content');
    expect(await count()).toBe(before);
  });

  it('is 401, 403 for the unit and the leader, 404 for another committee, 409 after fieldwork', async () => {
    const before = await count();
    expect((await h.anonymous.post(url(), practice())).statusCode).toBe(401);
    expect((await (await h.as('lianluo')).post(url(), practice())).statusCode).toBe(403);
    expect((await (await h.as('leader')).post(url(), practice())).statusCode).toBe(403);
    const outsider = `/api/inspections/${h.outsider.inspectionId}/good-practices`;
    expect((await (await h.as('office')).post(outsider, practice())).statusCode).toBe(404);
    const late = await (await h.as('zuzhang')).post(
      `/api/inspections/${h.demo.zhujianInspectionId}/good-practices`,
      practice(),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('巡察处于“整改”阶段，只有进驻和报告阶段可以记录经验做法');
    expect(await count()).toBe(before);
  });
});

describe('PATCH /api/good-practices/:id', () => {
  it('edits a practice, auditing what changed without its text', async () => {
    const res = await patch('zuzhang', createdId, { promote: false, content: '校长每日陪餐并公示菜谱。' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ promote: false, content: '校长每日陪餐并公示菜谱。' });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'good_practice.update')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ promote: false, areas: ['welfare_funds'], changed: ['content', 'promote'] });
    expect(JSON.stringify(audit)).not.toContain('菜谱');
  });

  it('is 400 on bad input, 401, 403, 404 out of scope, 409 after fieldwork — changing nothing', async () => {
    const stored = () =>
      h.database.db.selectFrom('good_practice').selectAll().where('id', '=', createdId).executeTakeFirstOrThrow();
    const before = await stored();
    expect((await patch('zuzhang', createdId, { title: '' })).json().details).toEqual([
      { path: 'title', message: '请填写经验做法标题' },
    ]);
    expect((await patch('zuzhang', createdId, { promote: 'yes' })).statusCode).toBe(400);
    expect((await patch(null, createdId, { promote: true })).statusCode).toBe(401);
    expect((await patch('leader', createdId, { promote: true })).statusCode).toBe(403);
    expect((await patch('office', '00000000-0000-4000-8000-000000000000', { promote: true })).statusCode).toBe(404);
    expect(await stored()).toEqual(before);
    const late = await patch('zuzhang', zhujianPracticeId, { promote: false });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('“整改”阶段');
  });
});

describe('reading good practices', () => {
  it('lists the committee’s practices with filters, never another committee’s', async () => {
    const office = await h.as('office');
    const ids = async (query: string) =>
      (await office.get(`/api/good-practices?pageSize=100&${query}`)).json().items.map((p: { id: string }) => p.id);
    // the demo world may hold practices of its own: check ours are where they belong
    const all = await ids('');
    expect(all).toEqual(expect.arrayContaining([createdId, zhujianPracticeId]));
    expect(await ids('area=bidding')).toContain(zhujianPracticeId);
    expect(await ids('area=bidding')).not.toContain(createdId);
    expect(await ids('promote=false')).toContain(createdId);
    expect(await ids('promote=true')).not.toContain(createdId);
    expect(await ids(`q=${encodeURIComponent('全程留痕')}`)).toEqual([zhujianPracticeId]);
    expect(await ids(`inspectionId=${h.demo.jiaoyuInspectionId}`)).toEqual([createdId]);
    expect((await office.get('/api/good-practices?promote=maybe')).statusCode).toBe(400);
    expect((await (await h.as('outsider')).get('/api/good-practices')).statusCode).toBe(403);
  });

  it('shows the unit its practices only after the feedback', async () => {
    const jiaoyuLiaison = (await (await h.as('jiaoyu_lianluo')).get('/api/good-practices')).json();
    expect(jiaoyuLiaison.total).toBe(0);
    const zhujianLiaison = (await (await h.as('lianluo')).get('/api/good-practices?pageSize=100')).json();
    const items: { id: string; inspectionId: string; abilities: { update: boolean } }[] = zhujianLiaison.items;
    expect(items.map((p) => p.id)).toContain(zhujianPracticeId);
    expect(items.every((p) => p.inspectionId === h.demo.zhujianInspectionId && !p.abilities.update)).toBe(true);
  });

  it('lists an inspection’s practices: 401, 403, 404 out of scope', async () => {
    const list = await (await h.as('zuzhang')).get(url());
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([createdId]);
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get(url())).statusCode).toBe(403);
    expect((await (await h.as('lianluo')).get(url())).statusCode).toBe(404);
    expect(
      (await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/good-practices`)).statusCode,
    ).toBe(404);
  });

  it('exports what the list shows', async () => {
    const res = await (await h.as('office')).get('/api/good-practices/export?promote=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const shown = (await (await h.as('office')).get('/api/good-practices?promote=true')).json().total;
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'good_practice.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: shown });
  });
});
