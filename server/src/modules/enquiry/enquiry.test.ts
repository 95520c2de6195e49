// 函询/函调 through the real HTTP API: the office sends, recipients answer in their inbox, the team reads;
// the inspected unit never sees enquiries about itself.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addRound, countPlanning } from '../../test/planning-fixtures.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
let preparing: string;
const recipients: Record<string, string> = {};

async function addUnit(name: string) {
  const id = randomUUID();
  await h.database.db
    .insertInto('org_unit')
    .values({ id, committee_id: h.demo.committeeId, parent_id: null, path: `/${id}/`, name, kind: 'department' })
    .execute();
  return id;
}

beforeAll(async () => {
  h = await createHarness();
  const ids = await addRound(
    h,
    { name: '十五届区委第六轮巡察', year: 2026, seq: 6, startDate: '2026-07-01', endDate: '2026-09-30' },
    [{ unit: 'caizheng', phase: 'preparing' }],
  );
  preparing = ids.caizheng as string;
  recipients.xinfang = await addUnit('区信访局');
  recipients.shenji = await addUnit('区审计局');
  for (const [username, unit] of [
    ['xinfang', recipients.xinfang],
    ['shenji', recipients.shenji],
  ] as const)
    await addUser(h, {
      username,
      displayName: username,
      unitId: unit,
      role: 'enquiry_respondent',
      scopeKind: 'unit',
      scopeId: unit,
    });
});
afterAll(() => h.close());

const sendBody = () => ({
  recipients: [
    { unitId: recipients.xinfang, kind: 'petition' },
    { unitId: recipients.shenji, kind: 'audit' },
  ],
  subject: '请提供区财政局领导班子及其成员近五年信访举报和审计情况',
  dueDate: '2026-06-25',
});
const sendUrl = () => `/api/inspections/${preparing}/enquiries`;
let sent: { id: string; recipientUnitName: string }[];

describe('POST /api/inspections/:id/enquiries', () => {
  it('sends one enquiry per recipient, audited', async () => {
    const res = await (await h.as('office')).post(sendUrl(), sendBody());
    expect(res.statusCode).toBe(200);
    sent = res.json().items;
    expect(sent.map((e) => e.recipientUnitName).sort()).toEqual(['区信访局', '区审计局'].sort());
    expect(res.json().items[0]).toMatchObject({ status: 'sent', overdue: false, targetUnitName: '区财政局' });
    expect(res.json().items[0].abilities).toEqual({ answer: false, withdraw: true });
  });

  it('rejects bad input and writes nothing', async () => {
    const office = await h.as('office');
    const before = await countPlanning(h, 'enquiry');
    const cases = [
      { ...sendBody(), recipients: [] },
      { ...sendBody(), subject: ' ' },
      { ...sendBody(), dueDate: '2026-06-01' },
      { ...sendBody(), recipients: [{ unitId: h.demo.units.caizheng, kind: 'audit' }] },
      { ...sendBody(), recipients: [{ unitId: h.outsider.unitId, kind: 'audit' }] },
      { ...sendBody(), recipients: [{ unitId: recipients.xinfang, kind: 'press' }] },
    ];
    for (const body of cases) {
      const res = await office.post(sendUrl(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countPlanning(h, 'enquiry')).toBe(before);
  });

  it('is 409 for a duplicate open enquiry and after 进驻', async () => {
    const office = await h.as('office');
    const duplicate = await office.post(sendUrl(), { ...sendBody(), recipients: [sendBody().recipients[0]] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe('已向区信访局发出函询，尚未答复');
    const stationed = await office.post(`/api/inspections/${h.demo.jiaoyuInspectionId}/enquiries`, sendBody());
    expect(stationed.statusCode).toBe(409);
    expect(stationed.json().message).toBe('函询只能在巡察准备阶段发出或撤回');
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    expect((await h.anonymous.post(sendUrl(), sendBody())).statusCode).toBe(401);
    expect((await (await h.as('leader')).post(sendUrl(), sendBody())).statusCode).toBe(403);
    const outsider = await (await h.as('office')).post(
      `/api/inspections/${h.outsider.inspectionId}/enquiries`,
      sendBody(),
    );
    expect(outsider.statusCode).toBe(404);
  });
});

describe('GET /api/enquiries (函询答复 inbox) and the inspection panel', () => {
  it('shows a respondent only what is addressed to its unit', async () => {
    const inbox = (await (await h.as('xinfang')).get('/api/enquiries')).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      recipientUnitName: '区信访局',
      abilities: { answer: true, withdraw: false },
    });
    // never the inspection itself, nor other recipients' enquiries
    expect((await (await h.as('xinfang')).get(sendUrl())).statusCode).toBe(404);
    const other = sent.find((e) => e.recipientUnitName === '区审计局')?.id;
    expect((await (await h.as('xinfang')).post(`/api/enquiries/${other}/answer`, { content: '无' })).statusCode).toBe(
      404,
    );
  });

  it('never shows the inspected unit enquiries about itself', async () => {
    // 区财政局's own people, even holding a respondent grant on their unit, see nothing about their inspection
    const unit = h.demo.units.caizheng as string;
    await addUser(h, {
      username: 'caizheng',
      displayName: '林涛',
      unitId: unit,
      role: 'unit_head',
      scopeKind: 'unit',
      scopeId: unit,
    });
    await addUser(h, {
      username: 'caizheng2',
      displayName: '财政局联络员',
      unitId: unit,
      role: 'enquiry_respondent',
      scopeKind: 'unit',
      scopeId: unit,
    });
    expect((await (await h.as('caizheng')).get('/api/enquiries')).statusCode).toBe(403);
    expect((await (await h.as('caizheng')).get(sendUrl())).statusCode).toBe(403);
    expect((await (await h.as('caizheng2')).get('/api/enquiries')).json().total).toBe(0);
    expect((await (await h.as('danwei')).get('/api/enquiries')).statusCode).toBe(403);
  });

  it('lists the inspection’s enquiries for the office and filters', async () => {
    const office = await h.as('office');
    expect((await office.get(sendUrl())).json().total).toBe(2);
    expect((await office.get(`${sendUrl()}?recipientKind=audit`)).json().total).toBe(1);
    expect((await office.get(`/api/enquiries?inspectionId=${preparing}&status=answered`)).json().total).toBe(0);
    expect((await office.get(`${sendUrl()}?status=lost`)).statusCode).toBe(400);
    // the team of another inspection cannot open this one
    expect((await (await h.as('zuzhang')).get(sendUrl())).statusCode).toBe(404);
    expect((await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/enquiries`)).statusCode).toBe(
      404,
    );
    expect((await h.anonymous.get('/api/enquiries')).statusCode).toBe(401);
  });

  it('derives overdue from the due date', async () => {
    h.clock.set(new Date('2026-06-30T04:00:00Z'));
    try {
      const office = await h.login('office');
      expect((await office.get('/api/enquiries?overdue=true')).json().total).toBe(2);
      expect((await office.get('/api/enquiries?overdue=false')).json().total).toBe(0);
    } finally {
      h.clock.set(new Date('2026-06-15T04:00:00Z'));
    }
  });
});

describe('answer and withdraw', () => {
  const idOf = (name: string) => sent.find((e) => e.recipientUnitName === name)?.id as string;

  it('a respondent answers once; the office and the team read the answer', async () => {
    const xinfang = await h.as('xinfang');
    const bad = await xinfang.post(`/api/enquiries/${idOf('区信访局')}/answer`, { content: '  ' });
    expect(bad.statusCode).toBe(400);
    const res = await xinfang.post(`/api/enquiries/${idOf('区信访局')}/answer`, {
      content: '经查，近五年共收到反映区财政局领导班子成员的信访件 3 件，均已办结。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered', answeredByName: 'xinfang' });
    const again = await xinfang.post(`/api/enquiries/${idOf('区信访局')}/answer`, { content: '补充' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('函询当前状态为“已答复”，不能答复');
    expect(
      (await (await h.as('office')).post(`/api/enquiries/${idOf('区审计局')}/answer`, { content: '无' })).statusCode,
    ).toBe(403);
    const listed = (await (await h.as('leader')).get(sendUrl())).json().items;
    expect(listed.find((e: { id: string }) => e.id === idOf('区信访局')).answer).toMatch(/信访件 3 件/);
  });

  it('the office withdraws with a reason; a closed enquiry cannot be withdrawn', async () => {
    const office = await h.as('office');
    expect((await office.post(`/api/enquiries/${idOf('区审计局')}/withdraw`, {})).statusCode).toBe(400);
    expect(
      (await (await h.as('shenji')).post(`/api/enquiries/${idOf('区审计局')}/withdraw`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const res = await office.post(`/api/enquiries/${idOf('区审计局')}/withdraw`, { reason: '审计局已派员参加巡察组' });
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '审计局已派员参加巡察组' });
    expect((await office.post(`/api/enquiries/${idOf('区信访局')}/withdraw`, { reason: 'x' })).statusCode).toBe(409);
    const actions = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity', '=', 'enquiry')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'enquiry.create',
      'enquiry.create',
      'enquiry.answer',
      'enquiry.withdraw',
    ]);
  });

  it('is 401 and 404 for unknown ids', async () => {
    expect((await h.anonymous.post(`/api/enquiries/${idOf('区信访局')}/answer`, { content: 'x' })).statusCode).toBe(
      401,
    );
    const missing = '/api/enquiries/00000000-0000-4000-8000-000000000000/withdraw';
    expect((await (await h.as('office')).post(missing, { reason: 'x' })).statusCode).toBe(404);
  });

  it('exports the enquiries the user may see', async () => {
    const res = await (await h.as('xinfang')).get('/api/enquiries/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'enquiry.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 1 });
  });
});
