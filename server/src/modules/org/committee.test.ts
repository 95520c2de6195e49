// The committee tree through the API: tree order and reach, child committees, settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { patch, snapshot } from './org.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const child = (extra: object = {}) => ({
  parentId: h.demo.committeeId,
  name: '中共示例市城关区教育局党组',
  shortName: '区教育局党组',
  level: '部门党组',
  ...extra,
});

describe('POST /api/committees', () => {
  it('creates a child committee under one the sysadmin manages; it shows in the tree below its parent', async () => {
    const admin = await h.as('sysadmin');
    const res = await admin.post('/api/committees', child({ avoidanceYears: 3 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      parentId: h.demo.committeeId,
      name: '中共示例市城关区教育局党组',
      shortName: '区教育局党组',
      level: '部门党组',
      avoidanceYears: 3,
      abilities: { manage: true },
    });
    const row = await h.database.db
      .selectFrom('committee')
      .select('path')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.path).toMatch(new RegExp(`/${h.demo.committeeId}/${res.json().id}/$`));
    const tree = (await admin.get('/api/committees')).json().items;
    expect(tree.map((c: { name: string; depth: number }) => [c.name, c.depth])).toEqual([
      ['中共示例市城关区委', 0],
      ['中共示例市城关区教育局党组', 1],
    ]);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'committee.create' }]);
  });

  it('rejects a level not below the parent and bad fields (400), a sibling with the same name (409)', async () => {
    const admin = await h.as('sysadmin');
    const before = await snapshot(h);
    const level = await admin.post('/api/committees', child({ name: '中共示例市城关区某委', level: '市委' }));
    expect(level.statusCode).toBe(400);
    expect(level.json().details).toEqual([{ path: 'level', message: '下级党委的层级应低于上级党委（区县委）' }]);
    const bad = await admin.post('/api/committees', child({ name: ' ', level: '乡镇', avoidanceYears: 99 }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['avoidanceYears', 'level', 'name']);
    const duplicate = await admin.post('/api/committees', child());
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe('同一上级党委下已有同名的党委');
    expect(await snapshot(h)).toEqual(before);
  });

  it('is 401 anonymous, 403 without committee.manage, 404 for a committee out of reach', async () => {
    const admin = await h.as('sysadmin');
    const office = await h.as('office');
    const before = await snapshot(h);
    expect((await h.anonymous.post('/api/committees', child())).statusCode).toBe(401);
    expect((await office.post('/api/committees', child())).statusCode).toBe(403);
    const outside = await admin.post('/api/committees', child({ parentId: h.outsider.committeeId }));
    expect(outside.statusCode).toBe(404);
    // the city committee above the district is not the district sysadmin's to extend
    const above = await admin.post('/api/committees', child({ parentId: h.demo.cityCommitteeId, level: '区县委' }));
    expect(above.statusCode).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('PATCH /api/committees/:id', () => {
  it('sets the short name and 回避年限, audited', async () => {
    const admin = await h.as('sysadmin');
    const res = await patch(admin, `/api/committees/${h.demo.committeeId}`, { shortName: '区委', avoidanceYears: 4 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ shortName: '区委', avoidanceYears: 4, name: '中共示例市城关区委' });
    const office = (await (await h.as('office')).get('/api/committees')).json().items[0];
    expect(office).toMatchObject({ shortName: '区委', avoidanceYears: 4, abilities: { manage: false } });
  });

  it('refuses an empty change or bad values (400), others as 401/403/404; nothing written', async () => {
    const admin = await h.as('sysadmin');
    const office = await h.as('office');
    const url = `/api/committees/${h.demo.committeeId}`;
    const before = await snapshot(h);
    expect((await patch(admin, url, {})).json().message).toBe('请填写要修改的内容');
    expect((await patch(admin, url, { avoidanceYears: -1 })).json().details[0]).toEqual({
      path: 'avoidanceYears',
      message: '回避年限不能小于 0',
    });
    expect((await patch(h.anonymous, url, { shortName: '区委' })).statusCode).toBe(401);
    expect((await patch(office, url, { shortName: '区委' })).statusCode).toBe(403);
    const outside = await patch(admin, `/api/committees/${h.outsider.committeeId}`, { shortName: '城西' });
    expect(outside.statusCode).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });

  it('is 409 when renamed to a sibling’s name', async () => {
    const admin = await h.as('sysadmin');
    const other = await admin.post('/api/committees', child({ name: '中共示例市城关区卫生健康局党组' }));
    const res = await patch(admin, `/api/committees/${other.json().id}`, { name: '中共示例市城关区教育局党组' });
    expect(res.statusCode).toBe(409);
  });
});
