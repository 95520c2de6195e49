// The team's inbox: list, read (audited), download, reply, set status, convert, export — each with its
// success, 400, 401, 403, 404 and 409 — and the reply reaching the reporter's status page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';
import { xlsxCells } from '../clue/clue.test-support.ts';
import { count, fileReport, PNG, png, reportFields, statusOf } from './public-report.test-support.ts';

let h: Harness;
let report: { id: string; code: string };
const inbox = () => `/api/inspections/${h.demo.jiaoyuInspectionId}/public-reports`;
const url = (suffix = '') => `/api/public-reports/${report.id}${suffix}`;

beforeAll(async () => {
  h = await createHarness();
  // a team leader of another inspection: holds public_report.reply, but not for 区教育局
  await addUser(h, {
    username: 'zuzhang2',
    displayName: '孙组长',
    unitId: null,
    role: 'team_leader',
    scopeKind: 'inspection',
    scopeId: h.demo.zhujianInspectionId,
  });
  report = await fileReport(h, reportFields(h.demo.jiaoyuInspectionId), [png()]);
});
afterAll(async () => {
  await h.close();
});

describe('inbox list', () => {
  it('shows the team leader metadata only, filterable by status and kind', async () => {
    const res = await (await h.as('zuzhang')).get(inbox());
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({
      id: report.id,
      seq: 1,
      kind: 'report',
      status: 'received',
      anonymous: false,
      attachmentCount: 1,
    });
    expect(res.body).not.toMatch(/食堂|王某/);
    expect((await (await h.as('zuzhang')).get(`${inbox()}?kind=opinion`)).json().total).toBe(0);
    expect((await (await h.as('zuzhang')).get(`${inbox()}?status=bogus`)).statusCode).toBe(400);
  });

  it('401 anonymous, 403 for the team member and the 巡察办主任, 404 out of scope', async () => {
    expect((await h.anonymous.get(inbox())).statusCode).toBe(401);
    for (const user of ['zuyuan', 'office']) expect((await (await h.as(user)).get(inbox())).statusCode).toBe(403);
    expect((await (await h.as('outsider')).get(inbox())).statusCode).toBe(404);
  });

  it('lists the inboxes a user may open or manage', async () => {
    const mine = (await (await h.as('zuzhang')).get('/api/public-report-inboxes')).json().items;
    expect(mine).toContainEqual(
      expect.objectContaining({ inspectionId: h.demo.jiaoyuInspectionId, canRead: true, canGrant: true }),
    );
    const office = (await (await h.as('office')).get('/api/public-report-inboxes')).json().items;
    expect(office).toEqual([
      expect.objectContaining({ inspectionId: h.demo.jiaoyuInspectionId, canRead: false, canGrant: true }),
    ]);
    expect((await (await h.as('danwei')).get('/api/public-report-inboxes')).json().items).toEqual([]);
  });
});

describe('reading a report', () => {
  it('opens text, contact and attachments for the team leader, and audits the read', async () => {
    const before = await count(h, 'audit_entry');
    const res = await (await h.as('zuzhang')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      text: reportFields('').text,
      contactName: '王某',
      contactPhone: '13900000000',
      attachments: [{ fileName: '现场照片.png', size: PNG.length }],
      abilities: { reply: true, start: true, reopen: false, convert: true },
    });
    expect(await count(h, 'audit_entry')).toBe(before + 1);
    const file = await (await h.as('zuzhang')).get(url(`/attachments/${res.json().attachments[0].id}`));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('is not found for everyone else (no 403 that would confirm it exists), 401 anonymous, 400 bad id', async () => {
    for (const user of ['zuyuan', 'office', 'leader', 'zuzhang2', 'danwei', 'outsider'])
      expect((await (await h.as(user)).get(url())).statusCode, user).toBe(404);
    const attachments = await h.database.db.selectFrom('public_report_attachment').select('id').execute();
    expect((await (await h.as('zuyuan')).get(url(`/attachments/${attachments[0]?.id}`))).statusCode).toBe(404);
    expect((await h.anonymous.get(url())).statusCode).toBe(401);
    expect((await (await h.as('zuzhang')).get('/api/public-reports/x')).statusCode).toBe(400);
  });
});

describe('working on a report', () => {
  it('受理: received → in_progress; again → 409', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await zuzhang.post(url('/start'))).json().status).toBe('in_progress');
    const again = await zuzhang.post(url('/start'));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/处理中.*不能受理办理/);
    expect((await statusOf(h, report.code)).json().status).toBe('in_progress');
  });

  it('reply: the reporter reads it by code; empty → 400; others 403/404; anonymous 401', async () => {
    const events = await count(h, 'public_report_event');
    expect((await (await h.as('zuzhang')).post(url('/reply'), { text: '  ' })).statusCode).toBe(400);
    expect((await (await h.as('zuyuan')).post(url('/reply'), { text: '答复' })).statusCode).toBe(403);
    expect((await (await h.as('zuzhang2')).post(url('/reply'), { text: '答复' })).statusCode).toBe(404);
    expect((await h.anonymous.post(url('/reply'), { text: '答复' })).statusCode).toBe(401);
    expect(await count(h, 'public_report_event')).toBe(events);
    const res = await (await h.as('zuzhang')).post(url('/reply'), { text: '您反映的问题已收悉，巡察组正在核实。' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'replied', reply: '您反映的问题已收悉，巡察组正在核实。' });
    const seen = (await statusOf(h, report.code)).json();
    expect(seen).toMatchObject({
      status: 'replied',
      reply: '您反映的问题已收悉，巡察组正在核实。',
      repliedAt: expect.any(String),
    });
    const stored = await h.database.db
      .selectFrom('public_report')
      .select('reply_sealed')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(stored.reply_sealed).toMatch(/^sm4:/);
  });

  it('reopen: replied → in_progress; again → 409', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await zuzhang.post(url('/reopen'))).json().status).toBe('in_progress');
    expect((await zuzhang.post(url('/reopen'))).statusCode).toBe(409);
  });

  it('converts into a 来信来访 record (sealed, channel online); a second conversion → 409', async () => {
    const zuzhang = await h.as('zuzhang');
    expect((await zuzhang.post(url('/convert'), { target: 'letter' })).statusCode).toBe(400);
    const res = await zuzhang.post(url('/convert'), { target: 'petition' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'transferred', convertedTo: 'petition' });
    const record = await h.database.db
      .selectFrom('fieldwork_record')
      .selectAll()
      .where('id', '=', res.json().convertedId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kind: 'petition', sensitive: true, summary: null });
    expect(record.identity_sealed).toMatch(/^sm4:/);
    const again = await zuzhang.post(url('/convert'), { target: 'petition' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/已转办/);
    expect((await statusOf(h, report.code)).json().status).toBe('transferred');
  });

  it('converts an anonymous report into a 问题线索 (source 网上举报, no whistleblower)', async () => {
    const other = await fileReport(
      h,
      reportFields(h.demo.jiaoyuInspectionId, { anonymous: 'true', contactName: '', contactPhone: '' }),
    );
    const res = await (await h.as('zuzhang')).post(`/api/public-reports/${other.id}/convert`, {
      target: 'clue',
      subjectName: '张某',
      subjectPost: '某学校校长',
      category: 'integrity',
    });
    expect(res.statusCode, res.body).toBe(200);
    const clue = await h.database.db
      .selectFrom('clue')
      .selectAll()
      .where('id', '=', res.json().convertedId)
      .executeTakeFirstOrThrow();
    expect(clue).toMatchObject({ source: 'public_report', whistleblower_sealed: null });
  });
});

describe('export', () => {
  it('gives the team leader the list as .xlsx without text or contact; 403 / 404 / 401 for others', async () => {
    const res = await (await h.as('zuzhang')).get(
      `/api/public-reports/export?inspectionId=${h.demo.jiaoyuInspectionId}`,
    );
    expect(res.statusCode).toBe(200);
    const cells = await xlsxCells(res);
    expect(cells[0]).toContain('转办去向');
    expect(cells).toHaveLength(3);
    expect(cells.flat().join()).not.toMatch(/食堂|王某|139/);
    expect(
      (await (await h.as('zuyuan')).get(`/api/public-reports/export?inspectionId=${h.demo.jiaoyuInspectionId}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await h.as('zuzhang2')).get(`/api/public-reports/export?inspectionId=${h.demo.jiaoyuInspectionId}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.anonymous.get(`/api/public-reports/export?inspectionId=${h.demo.jiaoyuInspectionId}`)).statusCode,
    ).toBe(401);
    expect((await (await h.as('zuzhang')).get('/api/public-reports/export')).statusCode).toBe(400);
  });
});
