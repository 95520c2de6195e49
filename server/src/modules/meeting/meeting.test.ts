// 领导小组会议 records through the real HTTP API: recording a meeting whose decision approves a submitted
// report in the same transaction, the list with filters and export, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { put, REPORT_TEXT } from '../report/report.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const count = async (table: 'meeting' | 'meeting_decision' | 'report_event') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const meeting = (decisions: object[], extra: object = {}) => ({
  kind: 'leading_group',
  title: '区委巡察工作领导小组 2026 年第 5 次会议',
  heldOn: '2026-06-12',
  place: '区委常委会议室',
  host: '李明',
  attendees: ['李明', '王芳', '孙立'],
  absentees: ['周敏'],
  recorder: '刘畅',
  summary: '听取区委第一巡察组关于巡察区教育局党组织情况的汇报。',
  decisions,
  ...extra,
});
const approveJiaoyu = () => ({
  kind: 'approve_report',
  inspectionId: h.demo.jiaoyuInspectionId,
  content: '原则同意巡察报告。',
});

async function submitJiaoyuReport() {
  const zuzhang = await h.as('zuzhang');
  const base = `/api/inspections/${h.demo.jiaoyuInspectionId}`;
  await zuzhang.post(`${base}/advance`, { event: 'investigate' });
  expect((await put(zuzhang, `${base}/report`, { content: REPORT_TEXT })).statusCode).toBe(200);
  expect((await zuzhang.post(`${base}/report/submit`)).json().status).toBe('submitted');
}

describe('POST /api/meetings', () => {
  it('is 400 with Chinese field messages and writes nothing', async () => {
    const office = await h.as('office');
    const before = await count('meeting');
    const empty = await office.post('/api/meetings', meeting([], { attendees: [] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual(
      expect.arrayContaining([
        { path: 'attendees', message: '请填写出席人员' },
        { path: 'decisions', message: '请至少填写一项会议决定' },
      ]),
    );
    const noInspection = await office.post('/api/meetings', meeting([{ kind: 'approve_report', content: '同意' }]));
    expect(noInspection.json().details[0]).toEqual({
      path: 'decisions.0.inspectionId',
      message: '该类决定须选择所涉巡察',
    });
    const future = await office.post('/api/meetings', meeting([approveJiaoyu()], { heldOn: '2026-07-01' }));
    expect(future.json().details[0]).toEqual({ path: 'heldOn', message: '会议日期不能晚于今天' });
    const foreign = { kind: 'handover', inspectionId: h.outsider.inspectionId, content: '同意移交' };
    const other = await office.post('/api/meetings', meeting([foreign]));
    expect(other.statusCode).toBe(400);
    expect(other.json().details[0]).toEqual({
      path: 'decisions.0.inspectionId',
      message: '所涉巡察不存在或不属于本党委',
    });
    expect(await count('meeting')).toBe(before);
  });

  it('is 401 without a session, 403 without meeting.manage, 404 for another committee', async () => {
    const body = meeting([{ kind: 'other', content: '其他事项' }]);
    expect((await h.anonymous.post('/api/meetings', body)).statusCode).toBe(401);
    expect((await (await h.as('leader')).post('/api/meetings', body)).statusCode).toBe(403);
    expect((await (await h.as('zuzhang')).post('/api/meetings', body)).statusCode).toBe(403);
    const outside = await (await h.as('office')).post('/api/meetings', {
      ...body,
      committeeId: h.outsider.committeeId,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('is 409 when a decision approves a report that is not submitted, and writes nothing at all', async () => {
    const before = { meetings: await count('meeting'), decisions: await count('meeting_decision') };
    const res = await (await h.as('office')).post('/api/meetings', meeting([approveJiaoyu()]));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('巡察报告尚未起草，不能审定');
    expect({ meetings: await count('meeting'), decisions: await count('meeting_decision') }).toEqual(before);
  });

  it('records the meeting and applies its decision to the submitted report in the same step', async () => {
    await submitJiaoyuReport();
    const handover = { kind: 'handover', inspectionId: h.demo.jiaoyuInspectionId, content: '同意移交问题线索。' };
    const res = await (await h.as('office')).post('/api/meetings', meeting([approveJiaoyu(), handover]));
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      kind: 'leading_group',
      attendees: ['李明', '王芳', '孙立'],
      absentees: ['周敏'],
      decisionCount: 2,
      decisions: [
        { seq: 1, kind: 'approve_report', unitName: '区教育局' },
        { seq: 2, kind: 'handover', content: '同意移交问题线索。' },
      ],
    });
    const report = (await (await h.as('zuzhang')).get(`/api/inspections/${h.demo.jiaoyuInspectionId}/report`)).json();
    expect(report.status).toBe('approved');
    expect(report.history.at(-1)).toMatchObject({
      event: 'approve',
      decisionId: created.decisions[0].id,
      decisionTitle: '区委巡察工作领导小组 2026 年第 5 次会议',
    });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('meeting.create');
    expect(JSON.stringify(audit.after)).not.toContain('孙立');
  });
});

describe('GET /api/meetings and /api/meetings/:id', () => {
  it('lists the committee’s meetings, newest first, filtered by kind, dates and inspection', async () => {
    const leader = await h.as('leader');
    const all = (await leader.get('/api/meetings')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items[0].title).toBe('区委巡察工作领导小组 2026 年第 5 次会议');
    const jiaoyu = (await leader.get(`/api/meetings?inspectionId=${h.demo.jiaoyuInspectionId}`)).json();
    expect(jiaoyu.items.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2026-06-12']);
    expect((await leader.get('/api/meetings?from=2026-06-13')).json().total).toBe(0);
    expect((await leader.get('/api/meetings?kind=secretary&from=2026-06-01')).json().total).toBe(0);
    const bad = await leader.get('/api/meetings?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('from');
  });

  it('opens one meeting with its decisions; 401, 403 without meeting.read, 404 for another committee', async () => {
    const office = await h.as('office');
    const detail = await office.get(`/api/meetings/${h.demo.meetingId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().decisions.length).toBeGreaterThan(0);
    expect((await h.anonymous.get(`/api/meetings/${h.demo.meetingId}`)).statusCode).toBe(401);
    expect((await (await h.as('zuzhang')).get('/api/meetings')).statusCode).toBe(403);
    const foreign = await h.database.db
      .insertInto('meeting')
      .values({
        committee_id: h.outsider.committeeId,
        kind: 'leading_group',
        title: '城西区会议',
        held_on: '2026-06-01',
        host: '某某',
        attendees: ['某某'],
        created_by: h.outsider.ownerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await office.get(`/api/meetings/${foreign.id}`)).statusCode).toBe(404);
    expect((await office.get('/api/meetings')).json().items.map((m: { id: string }) => m.id)).not.toContain(foreign.id);
  });

  it('exports what the list shows as .xlsx', async () => {
    const res = await (await h.as('office')).get(`/api/meetings/export?inspectionId=${h.demo.jiaoyuInspectionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('GET /api/inspections/:id/decisions', () => {
  it('lists the decisions about one inspection for the team and the office; 403 for the unit, 404 out of scope', async () => {
    const items = (await (await h.as('zuzhang')).get(`/api/inspections/${h.demo.jiaoyuInspectionId}/decisions`)).json()
      .items;
    expect(items.map((d: { kind: string }) => d.kind)).toEqual(['approve_report', 'handover']);
    expect(items[0]).toMatchObject({ meetingKind: 'leading_group', heldOn: '2026-06-12' });
    const zhujian = `/api/inspections/${h.demo.zhujianInspectionId}/decisions`;
    expect((await (await h.as('office')).get(zhujian)).json().items.length).toBeGreaterThan(0);
    expect((await (await h.as('lianluo')).get(zhujian)).statusCode).toBe(403);
    expect((await h.anonymous.get(zhujian)).statusCode).toBe(401);
    const outside = `/api/inspections/${h.outsider.inspectionId}/decisions`;
    expect((await (await h.as('office')).get(outside)).statusCode).toBe(404);
  });
});
