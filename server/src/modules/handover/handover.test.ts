// Sending handovers and reading them through the real HTTP API: the sender's rules (scope, permission, phase,
// one live handover, clue need-to-know), numbering, default due dates, the scoped list, summary and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import {
  addClue,
  addFinding,
  addHandoverDecision,
  addOutsiderHandover,
  auditCount,
  clueStatus,
  handoverCount,
} from './handover.fixtures.ts';
import { disciplineBodyName, organizationBodyName } from './handover-recipient.ts';

let h: Harness;
let zhujian: string;
let clueId: string;
let cadreFinding: string;
let otherFinding: string;
let decisionId: string;
let outsiderHandover: string;
const url = () => `/api/inspections/${zhujian}/handovers`;

beforeAll(async () => {
  h = await createHarness();
  zhujian = h.demo.zhujianInspectionId;
  clueId = await addClue(h, zhujian, 'preliminary');
  cadreFinding = await addFinding(h, zhujian, ['cadre_selection'], '选人用人工作不规范，干部档案审核不严');
  otherFinding = h.demo.findings.f2 as string;
  decisionId = await addHandoverDecision(h, zhujian);
  outsiderHandover = await addOutsiderHandover(h);
});
afterAll(() => h.close());

describe('POST /api/inspections/:id/handovers', () => {
  it('hands a clue to 纪委监委 with the default three-month due date, numbered per year, audited without content', async () => {
    const res = await (await h.as('zuzhang')).post(url(), {
      kind: 'clue',
      clueId,
      decisionId,
      letterNo: '城巡办函〔2026〕5号',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '移交〔2026〕3号',
      kind: 'clue',
      recipient: 'discipline',
      recipientName: '示例市城关区纪委监委',
      status: 'sent',
      sentOn: '2026-06-15',
      dueDate: '2026-09-15',
      clueCode: '线索〔2026〕3-03',
      clueCategory: 'integrity',
      overdue: false,
      unitName: '区住房和城乡建设局',
    });
    expect(await clueStatus(h, clueId)).toBe('handed_over');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after'])
      .where('action', '=', 'handover.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('张某某');
  });

  it('hands a 选人用人 finding to 组织部 and another to a competent department (one-month limit)', async () => {
    const office = await h.as('office');
    const cadre = await office.post(url(), { kind: 'cadre', findingId: cadreFinding });
    expect(cadre.statusCode).toBe(200);
    expect(cadre.json()).toMatchObject({
      code: '移交〔2026〕4号',
      recipient: 'organization',
      recipientName: '中共示例市城关区委组织部',
      dueDate: '2026-07-15',
      findingTitle: '选人用人工作不规范，干部档案审核不严',
    });
    const other = await office.post(url(), {
      kind: 'other',
      findingId: otherFinding,
      recipientUnitId: h.demo.units.caizheng,
      dueDate: '2026-07-31',
    });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ recipient: 'department', recipientName: '区财政局', dueDate: '2026-07-31' });
  });

  it('uses the committee time limit when one is set', async () => {
    await (await h.as('office')).request({
      method: 'PUT',
      url: `/api/committees/${h.demo.committeeId}/time-limits/handover_other`,
      payload: { amount: 20, unit: 'day' },
    });
    const finding = await addFinding(h, zhujian, [], '档案管理不规范');
    const res = await (await h.as('office')).post(url(), {
      kind: 'other',
      findingId: finding,
      recipientUnitId: h.demo.units.caizheng,
    });
    expect(res.json().dueDate).toBe('2026-07-05');
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const office = await h.as('office');
    const fresh = await addFinding(h, zhujian, [], '未移交的问题');
    const before = [await handoverCount(h), await auditCount(h)];
    const cases: [unknown, string][] = [
      [{ kind: 'clue' }, '请选择要移交的问题线索'],
      [{ kind: 'other', findingId: fresh }, '请选择接收的主管部门'],
      [{ kind: 'cadre', findingId: fresh }, '移交组织部的应是领域为“选人用人”的问题'],
      [{ kind: 'cadre', findingId: h.outsider.findingId }, '所选问题不属于本巡察'],
      [{ kind: 'clue', clueId, findingId: h.outsider.findingId }, '所选问题不属于本巡察'],
      [
        { kind: 'other', findingId: fresh, recipientUnitId: h.demo.units.zhujian },
        '接收部门应为本党委的其他在用单位，不能是被巡察单位',
      ],
      [
        { kind: 'other', findingId: fresh, recipientUnitId: h.outsider.unitId },
        '接收部门应为本党委的其他在用单位，不能是被巡察单位',
      ],
      [{ kind: 'cadre', findingId: cadreFinding, dueDate: '2026-06-01' }, '反馈期限应晚于今天'],
      [
        { kind: 'other', findingId: fresh, recipientUnitId: h.demo.units.caizheng, decisionId: clueId },
        '所选会议决定不是本巡察的同意移交决定',
      ],
      [{ kind: 'press', findingId: fresh }, ''],
    ];
    for (const [body, message] of cases) {
      const res = await office.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (message) expect(res.json().details.map((d: { message: string }) => d.message)).toContain(message);
    }
    expect([await handoverCount(h), await auditCount(h)]).toEqual(before);
  });

  it('is 401 without a session, 403 without handover.create, 404 out of scope or for a clue the user may not read', async () => {
    expect((await h.anonymous.post(url(), { kind: 'cadre', findingId: cadreFinding })).statusCode).toBe(401);
    expect((await (await h.as('leader')).post(url(), { kind: 'cadre', findingId: cadreFinding })).statusCode).toBe(403);
    const outside = `/api/inspections/${h.outsider.inspectionId}/handovers`;
    expect((await (await h.as('office')).post(outside, { kind: 'cadre', findingId: cadreFinding })).statusCode).toBe(
      404,
    );
    // 巡察办 staff may hand over, but a clue's content is need-to-know: they cannot even find it
    const another = await addClue(h, zhujian);
    const res = await (await h.as('banshi')).post(url(), { kind: 'clue', clueId: another });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('问题线索不存在');
    expect(await clueStatus(h, another)).toBe('registered');
  });

  it('is 409 for a second live handover, a clue the team shelved, or an inspection before its report', async () => {
    const office = await h.as('office');
    const again = await office.post(url(), { kind: 'cadre', findingId: cadreFinding });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该问题已移交，尚在办理中，不能重复移交');
    const shelved = await addClue(h, zhujian, 'shelved');
    const res = await office.post(url(), { kind: 'clue', clueId: shelved });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('留存');
    const early = await addFinding(h, h.demo.jiaoyuInspectionId, ['cadre_selection'], '进驻阶段的问题');
    const stationed = await office.post(`/api/inspections/${h.demo.jiaoyuInspectionId}/handovers`, {
      kind: 'cadre',
      findingId: early,
    });
    expect(stationed.statusCode).toBe(409);
    expect(stationed.json().message).toBe('巡察当前处于“进驻”阶段，听取巡察汇报后才能移交');
  });
});

describe('GET /api/handovers', () => {
  it('shows senders their scope, and each recipient only what was handed to it', async () => {
    const codes = async (user: string, query = '') =>
      ((await (await h.as(user)).get(`/api/handovers${query}`)).json().items as { kind: string }[]).map((i) => i.kind);
    // the demo has two more on 区住建局: a clue concluded by 纪委监委 and a 选人用人 problem accepted by 组织部
    expect((await codes('office')).sort()).toEqual(['cadre', 'cadre', 'clue', 'clue', 'other', 'other']);
    expect((await codes('zuzhang')).length).toBe(6);
    expect(await codes('jiwei')).toEqual(['clue', 'clue']);
    expect(await codes('zuzhibu')).toEqual(['cadre', 'cadre']);
    // 区财政局 is the recipient of the other two; 区住建局 (the inspected unit) receives nothing
    expect(await codes('danwei')).toEqual([]);
    expect(await codes('office', '?kind=other&q=财政')).toEqual(['other', 'other']);
    expect(await codes('office', '?inbox=done')).toEqual(['clue']);
    expect(await codes('office', `?inspectionId=${h.demo.jiaoyuInspectionId}`)).toEqual([]);
  });

  it('gives abilities per user: the recipient accepts, the sender prints the letter', async () => {
    const [jiwei] = (await (await h.as('jiwei')).get('/api/handovers')).json().items;
    expect(jiwei.abilities).toMatchObject({ accept: true, decline: true, close: false, document: false });
    const items = (await (await h.as('banshi')).get('/api/handovers?kind=clue')).json().items;
    expect(items[0].abilities).toMatchObject({ accept: false, document: false });
    const office = (await (await h.as('office')).get('/api/handovers?kind=clue')).json().items;
    expect(office[0].abilities).toMatchObject({ accept: false, document: true });
  });

  it('rejects a bad filter (400), refuses users without any handover permission (403) and anonymous (401)', async () => {
    const bad = await (await h.as('office')).get('/api/handovers?overdue=yes');
    expect(bad.statusCode).toBe(400);
    expect((await (await h.as('zerenren')).get('/api/handovers')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/handovers')).statusCode).toBe(401);
  });

  it('derives overdue and due-soon from the clock', async () => {
    h.clock.set(new Date('2026-07-25T04:00:00Z'));
    try {
      const office = await h.login('office');
      const overdue = (await office.get('/api/handovers?overdue=true')).json().items;
      // most overdue first: the demo's 选人用人 handover (due 2026-04-09), then 07-05 and 07-15
      expect(overdue.map((i: { overdueDays: number }) => i.overdueDays)).toEqual([107, 20, 10]);
      const summary = (await office.get('/api/handovers/summary')).json();
      expect(summary).toMatchObject({
        total: 6,
        overdue: 3,
        dueSoon: 1,
        byStatus: { sent: 4, accepted: 1, concluded: 1, closed: 0 },
      });
      expect((await office.get('/api/handovers?dueSoon=true')).json().items[0].dueDate).toBe('2026-07-31');
    } finally {
      h.clock.set(new Date('2026-06-15T04:00:00Z'));
    }
  });
});

describe('GET /api/handovers/:id and summary', () => {
  it('is 404 for another committee’s handover and for a recipient it was not handed to', async () => {
    expect((await (await h.as('office')).get(`/api/handovers/${outsiderHandover}`)).statusCode).toBe(404);
    const [clue] = (await (await h.as('office')).get('/api/handovers?kind=clue')).json().items;
    expect((await (await h.as('zuzhibu')).get(`/api/handovers/${clue.id}`)).statusCode).toBe(404);
    expect((await (await h.as('danwei')).get(`/api/handovers/${clue.id}`)).statusCode).toBe(404);
    expect((await (await h.as('zerenren')).get(`/api/handovers/${clue.id}`)).statusCode).toBe(403);
    expect((await h.anonymous.get(`/api/handovers/${clue.id}`)).statusCode).toBe(401);
    expect((await (await h.as('office')).get('/api/handovers/not-a-uuid')).statusCode).toBe(400);
  });

  it('summary counts only the visible handovers', async () => {
    expect((await (await h.as('zuzhibu')).get('/api/handovers/summary')).json()).toMatchObject({ total: 2 });
    expect((await (await h.as('outsider')).get('/api/handovers/summary')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/handovers/summary')).statusCode).toBe(401);
  });

  it('exports the list as .xlsx for senders, audited', async () => {
    const res = await (await h.as('office')).get('/api/handovers/export?kind=other');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await (await h.as('jiwei')).get('/api/handovers/export')).statusCode).toBe(403);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'handover.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 2 });
  });
});

describe('recipient names', () => {
  it('names 纪委监委 and 组织部 the way the committee calls itself', () => {
    expect(disciplineBodyName('区委')).toBe('区纪委监委');
    expect(disciplineBodyName('中共示例市城关区委')).toBe('示例市城关区纪委监委');
    expect(organizationBodyName('区委')).toBe('区委组织部');
  });
});

// last: it adds a handover the counts above do not expect
describe('a clue bearing on a finding', () => {
  it('hands a clue over as bearing on a finding, and the 成果运用台账 row of that finding follows it', async () => {
    const bearing = await addClue(h, zhujian, 'preliminary');
    const title = '工程款拨付审核把关不严';
    const finding = await addFinding(h, zhujian, [], title);
    const res = await (await h.as('zuzhang')).post(url(), { kind: 'clue', clueId: bearing, findingId: finding });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'clue', findingId: finding });
    const ledger = await (await h.as('office')).get(
      `/api/results-ledger?inspectionId=${zhujian}&q=${encodeURIComponent(title)}`,
    );
    expect(ledger.json().items).toMatchObject([{ findingId: finding, handover: { kind: 'clue', status: 'sent' } }]);
  });
});
