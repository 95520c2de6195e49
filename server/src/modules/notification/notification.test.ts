// 消息提醒 through the HTTP API: a user sees, counts and reads only their own notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { notify } from './notify.ts';

let h: Harness;
let othersNotice: string;

beforeAll(async () => {
  h = await createHarness();
  const mine = h.demo.users.zerenren ?? '';
  for (let i = 1; i <= 3; i += 1) {
    await notify(h.database.db, [mine], {
      kind: 'task_due_soon',
      title: `提醒${i}`,
      link: '/tasks',
      dedupeKey: `test:${i}`,
    });
  }
  await notify(h.database.db, [h.demo.users.danwei ?? ''], { kind: 'plan_due', title: '别人的提醒' });
  othersNotice = (
    await h.database.db
      .selectFrom('notification')
      .select('id')
      .where('title', '=', '别人的提醒')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => h.close());

const readAts = async () =>
  (await h.database.db.selectFrom('notification').select(['title', 'read_at']).orderBy('title').execute()).map((r) => [
    r.title,
    r.read_at !== null,
  ]);

describe('GET /api/notifications and unread-count', () => {
  it('lists my notices only, newest first, paginated, filtered by unread', async () => {
    const me = await h.as('zerenren');
    const page = (await me.get('/api/notifications?page=1&pageSize=2')).json();
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ kind: 'task_due_soon', link: '/tasks', readAt: null });
    expect((await me.get('/api/notifications?page=2&pageSize=2')).json().items).toHaveLength(1);
    expect((await me.get('/api/notifications/unread-count')).json()).toEqual({ unread: 3 });
    expect((await me.get('/api/notifications?unread=false')).json().total).toBe(0);
    expect((await (await h.as('office')).get('/api/notifications')).json().total).toBe(0);
  });

  it('rejects bad paging and filters, and anonymous callers', async () => {
    const me = await h.as('zerenren');
    for (const query of ['page=0', 'pageSize=101', 'unread=yes']) {
      expect((await me.get(`/api/notifications?${query}`)).statusCode, query).toBe(400);
    }
    expect((await h.anonymous.get('/api/notifications')).statusCode).toBe(401);
    expect((await h.anonymous.get('/api/notifications/unread-count')).statusCode).toBe(401);
  });
});

describe('POST /api/notifications/:id/read and read-all', () => {
  it('marks my notice read; another user’s notice is not found and stays unread', async () => {
    const me = await h.as('zerenren');
    const [first] = (await me.get('/api/notifications')).json().items;
    const res = await me.post(`/api/notifications/${first.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).not.toBeNull();
    // reading again keeps the first read time
    expect((await me.post(`/api/notifications/${first.id}/read`)).json().readAt).toBe(res.json().readAt);
    expect((await me.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await me.get('/api/notifications?unread=true')).json().total).toBe(2);

    const others = await me.post(`/api/notifications/${othersNotice}/read`);
    expect(others.statusCode).toBe(404);
    expect(others.json().message).toBe('消息不存在');
    expect((await me.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await h.anonymous.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(401);
    expect((await readAts()).find(([title]) => title === '别人的提醒')).toEqual(['别人的提醒', false]);
  });

  it('marks all of mine read and nobody else’s', async () => {
    const me = await h.as('zerenren');
    expect((await h.anonymous.post('/api/notifications/read-all')).statusCode).toBe(401);
    const res = await me.post('/api/notifications/read-all');
    expect(res.json()).toEqual({ marked: 2 });
    expect((await me.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect(await readAts()).toEqual([
      ['别人的提醒', false],
      ['提醒1', true],
      ['提醒2', true],
      ['提醒3', true],
    ]);
    expect((await me.post('/api/notifications/read-all')).json()).toEqual({ marked: 0 });
  });
});
