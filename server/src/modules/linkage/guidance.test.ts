// 指导意见: draft → published once (409 twice), the receiving offices are notified, the receivers record
// 已阅 / 已落实 once each, the publisher sees who did what; scope (401 / 403 / 404) and bad input (400, nothing
// written) on both sides.
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

const draft = (over: object = {}) => ({
  title: '关于做好巡察整改“回头看”的指导意见',
  body: '各市委巡察机构：……',
  docNo: '省巡办发〔2026〕3号',
  targetAll: false,
  targetCommitteeIds: [] as string[],
  ...over,
});

const guidanceCount = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('guidance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const noticesOf = (username: string) =>
  h.database.db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select(['notification.title', 'notification.subject_id'])
    .where('app_user.username', '=', username)
    .where('notification.subject_type', '=', 'guidance')
    .execute();

describe('指导意见', () => {
  let id: string;

  it('refuses bad input and targets not below the publisher, writing nothing', async () => {
    const c = await h.as('p_office');
    const before = await guidanceCount();
    const noTitle = await c.post('/api/guidance', draft({ title: ' ', targetAll: true }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().message).toContain('标题');
    const noTarget = await c.post('/api/guidance', draft());
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().message).toContain('请至少选择一个下级党委');
    const outsider = await c.post('/api/guidance', draft({ targetCommitteeIds: [h.outsider.committeeId] }));
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().message).toBe('下发对象须是本党委的下级党委');
    const itself = await c.post('/api/guidance', draft({ targetCommitteeIds: [fx.p] }));
    expect(itself.statusCode).toBe(400);
    expect(await guidanceCount()).toBe(before);
  });

  it('is refused to the anonymous (401), to a reader who may not publish (403), on another committee (404)', async () => {
    expect((await h.anonymous.post('/api/guidance', draft({ targetAll: true }))).statusCode).toBe(401);
    expect((await (await h.as('p_leader')).post('/api/guidance', draft({ targetAll: true }))).statusCode).toBe(403);
    expect((await (await h.as('danwei')).get('/api/guidance')).statusCode).toBe(403);
    const other = await (await h.as('a_office')).post('/api/guidance', draft({ targetAll: true, committeeId: fx.p }));
    expect(other.statusCode).toBe(404);
  });

  it('drafts, edits and publishes once; the chosen committee office is notified', async () => {
    const c = await h.as('p_office');
    const created = await c.post('/api/guidance', draft({ targetCommitteeIds: [fx.a] }));
    expect(created.statusCode).toBe(200);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', targets: 1, targetList: [{ committeeId: fx.a }] });
    // the leader reads what was issued, but not drafts
    expect((await (await h.as('p_leader')).get('/api/guidance')).json().total).toBe(0);
    expect((await (await h.as('p_leader')).get(`/api/guidance/${id}`)).statusCode).toBe(404);
    const edited = await c.request({
      method: 'PUT',
      url: `/api/guidance/${id}`,
      payload: draft({ targetCommitteeIds: [fx.b] }),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().targetList.map((t: { committeeId: string }) => t.committeeId)).toEqual([fx.b]);
    const published = await c.post(`/api/guidance/${id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', targets: 1, read: 0, acted: 0 });
    expect((await c.post(`/api/guidance/${id}/publish`, {})).statusCode).toBe(409);
    const late = await c.request({ method: 'PUT', url: `/api/guidance/${id}`, payload: draft({ targetAll: true }) });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('指导意见已发布，不能再修改');
    expect(await noticesOf('b_office')).toHaveLength(1);
    expect(await noticesOf('a_office')).toHaveLength(0);
    expect((await (await h.as('p_leader')).get('/api/guidance')).json().total).toBe(1);
  });

  it('reaches only its targets: the sibling neither lists nor answers it', async () => {
    const a = await h.as('a_office');
    expect((await a.get('/api/guidance/received')).json().total).toBe(0);
    expect((await a.post(`/api/guidance/${id}/ack`, { status: 'read' })).statusCode).toBe(404);
    expect((await a.get(`/api/guidance/${id}`)).statusCode).toBe(404);
    const b = await h.as('b_office');
    const received = (await b.get('/api/guidance/received')).json();
    expect(received.total).toBe(1);
    expect(received.items[0]).toMatchObject({
      id,
      fromCommitteeName: '测试省委',
      ack: null,
      docNo: '省巡办发〔2026〕3号',
    });
    // the receiver does not see the publisher's receipts page
    expect((await b.get(`/api/guidance/${id}`)).statusCode).toBe(404);
  });

  it('records 已阅 then 已落实 once each, audited, and the publisher sees it', async () => {
    const b = await h.as('b_office');
    expect((await b.post(`/api/guidance/${id}/ack`, { status: 'done' })).statusCode).toBe(400);
    const audits = await countRows(h, 'audit_entry');
    expect((await b.post(`/api/guidance/${id}/ack`, { status: 'read' })).statusCode).toBe(200);
    expect((await b.post(`/api/guidance/${id}/ack`, { status: 'read' })).statusCode).toBe(409);
    const acted = await b.post(`/api/guidance/${id}/ack`, { status: 'acted', note: '已部署各县区开展回头看' });
    expect(acted.statusCode).toBe(200);
    expect((await b.post(`/api/guidance/${id}/ack`, { status: 'acted' })).statusCode).toBe(409);
    expect(await countRows(h, 'audit_entry')).toBe(audits + 2);
    const detail = (await (await h.as('p_leader')).get(`/api/guidance/${id}`)).json();
    expect(detail).toMatchObject({ read: 1, acted: 1 });
    expect(detail.targetList[0]).toMatchObject({
      committeeId: fx.b,
      ack: 'acted',
      note: '已部署各县区开展回头看',
      ackBy: 'b_office',
    });
    expect((await b.get('/api/guidance/received')).json().items[0].ack).toBe('acted');
  });

  it('sends 全部下级 to every committee below when published', async () => {
    const c = await h.as('p_office');
    const created = (await c.post('/api/guidance', draft({ targetAll: true, title: '全部下级' }))).json();
    const published = (await c.post(`/api/guidance/${created.id}/publish`, {})).json();
    expect(published.targets).toBe(2);
    expect((await (await h.as('a_office')).get('/api/guidance/received')).json().total).toBe(1);
    expect((await c.get(`/api/guidance/${h.outsider.committeeId}`)).statusCode).toBe(404);
  });
});
