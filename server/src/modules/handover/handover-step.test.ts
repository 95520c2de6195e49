// The whole chain on a clue through the real HTTP API — handed over by the team leader, seen and read only by
// 纪委监委, accepted, handled, concluded with 第二种形态, closed by the office — and every step's refusals.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';
import { addClue, addFinding, addOutsiderHandover, auditCount, CLUE_CONTENT, clueStatus } from './handover.fixtures.ts';

let h: Harness;
let zhujian: string;
let clueId: string;
let handoverId: string;
let otherId: string;
let outsiderHandover: string;
const stepUrl = (id: string, step: string) => `/api/handovers/${id}/${step}`;

const conclusion = {
  disposition: 'form2',
  summary: '经初步核实，反映问题基本属实，给予张某某党内警告处分。',
  measures: '责令退还违规所得',
  concludedOn: '2026-06-15',
  persons: [
    { name: '张某某', post: '区住建局建筑市场管理科原科长', form: '2', measure: '党内警告', decidedOn: '2026-06-12' },
  ],
};

async function eventCount() {
  const row = await h.database.db
    .selectFrom('handover_event')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Audit entries of handovers and clue reads: never a name or the narrative. */
async function auditText() {
  const rows = await h.database.db
    .selectFrom('audit_entry')
    .select(['before', 'after'])
    .where((eb) => eb.or([eb('entity', '=', 'handover'), eb('entity', '=', 'clue')]))
    .execute();
  return JSON.stringify(rows);
}

beforeAll(async () => {
  h = await createHarness();
  zhujian = h.demo.zhujianInspectionId;
  clueId = await addClue(h, zhujian, 'preliminary');
  handoverId = (
    await (await h.as('zuzhang')).post(`/api/inspections/${zhujian}/handovers`, { kind: 'clue', clueId })
  ).json().id;
  await addUser(h, {
    username: 'caizheng',
    displayName: '林涛',
    unitId: h.demo.units.caizheng as string,
    role: 'unit_head',
    scopeKind: 'unit',
    scopeId: h.demo.units.caizheng as string,
  });
  const finding = await addFinding(h, zhujian, ['funds_assets'], '专项资金拨付不及时');
  otherId = (
    await (
      await h.as('office')
    ).post(`/api/inspections/${zhujian}/handovers`, {
      kind: 'other',
      findingId: finding,
      recipientUnitId: h.demo.units.caizheng,
    })
  ).json().id;
  outsiderHandover = await addOutsiderHandover(h);
});
afterAll(() => h.close());

describe('a clue handed to 纪委监委, end to end', () => {
  it('纪委监委 sees it and reads the clue (audited without content); 组织部 and the unit do not', async () => {
    const jiwei = await h.as('jiwei');
    expect((await jiwei.get('/api/handovers')).json().items.map((i: { id: string }) => i.id)).toContain(handoverId);
    const detail = (await jiwei.get(`/api/handovers/${handoverId}`)).json();
    expect(detail.clue).toMatchObject({ subjectName: CLUE_CONTENT.subjectName, allegation: CLUE_CONTENT.allegation });
    expect(detail.history.map((e: { event: string }) => e.event)).toEqual(['create']);
    const read = await h.database.db
      .selectFrom('audit_entry')
      .select('entity_id')
      .where('action', '=', 'clue.read_content')
      .execute();
    expect(read.map((r) => r.entity_id)).toContain(clueId);
    for (const user of ['zuzhibu', 'danwei']) {
      const items = (await (await h.as(user)).get('/api/handovers')).json().items as { id: string }[];
      expect(items.map((i) => i.id)).not.toContain(handoverId);
      expect((await (await h.as(user)).get(`/api/handovers/${handoverId}`)).statusCode).toBe(404);
    }
  });

  it('accept → progress → conclude with 第二种形态 and one person; the clue follows', async () => {
    const jiwei = await h.as('jiwei');
    const accepted = await jiwei.post(stepUrl(handoverId, 'accept'), { handlerName: '孙立' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', handlerName: '孙立', acceptedOn: '2026-06-15' });
    expect(await clueStatus(h, clueId)).toBe('accepted');
    const progress = await jiwei.post(stepUrl(handoverId, 'progress'), {
      disposition: 'preliminary',
      note: '已启动初核',
    });
    expect(progress.json()).toMatchObject({ status: 'handling', disposition: 'preliminary' });
    expect(await clueStatus(h, clueId)).toBe('handling');
    const concluded = await jiwei.post(stepUrl(handoverId, 'conclude'), conclusion);
    expect(concluded.statusCode).toBe(200);
    expect(concluded.json()).toMatchObject({ status: 'concluded', disposition: 'form2', concludedOn: '2026-06-15' });
    expect(concluded.json().abilities).toMatchObject({ conclude: false, close: false });
    expect(await clueStatus(h, clueId)).toBe('concluded');
    const stored = await h.database.db
      .selectFrom('handover')
      .select('result_sealed')
      .where('id', '=', handoverId)
      .executeTakeFirstOrThrow();
    expect(stored.result_sealed).toMatch(/^sm4:/);
    expect(stored.result_sealed).not.toContain('张某某');
    const text = await auditText();
    for (const secret of ['张某某', conclusion.summary, '已启动初核', CLUE_CONTENT.allegation])
      expect(text).not.toContain(secret);
  });

  it('shows the result to the clue’s readers only; others see the 形态 counts', async () => {
    const office = (await (await h.as('office')).get(`/api/handovers/${handoverId}`)).json();
    expect(office.result.persons).toEqual([
      { name: '张某某', post: '区住建局建筑市场管理科原科长', form: '2', measure: '党内警告', decidedOn: '2026-06-12' },
    ]);
    expect(office.abilities).toMatchObject({ close: true, requestMore: true });
    const staff = (await (await h.as('banshi')).get(`/api/handovers/${handoverId}`)).json();
    expect(staff).toMatchObject({ contentVisible: false, clue: null, result: null, disposition: 'form2' });
    expect(staff.personForms).toEqual([{ form: '2', decidedOn: '2026-06-12' }]);
    expect(staff.history.every((e: { note: string | null }) => e.note === null)).toBe(true);
  });

  it('the office asks for more; a second result supersedes the first (kept); then it is closed', async () => {
    const office = await h.as('office');
    const more = await office.post(stepUrl(handoverId, 'request-more'), { reason: '请补充处分决定文号' });
    expect(more.json().status).toBe('handling');
    expect(await clueStatus(h, clueId)).toBe('handling');
    const again = await (await h.as('jiwei')).post(stepUrl(handoverId, 'conclude'), {
      ...conclusion,
      summary: '给予张某某党内警告处分（城纪发〔2026〕12号）。',
    });
    expect(again.json().status).toBe('concluded');
    const persons = await h.database.db
      .selectFrom('handover_person')
      .select(['seq', 'superseded_at'])
      .where('handover_id', '=', handoverId)
      .orderBy('seq')
      .execute();
    expect(persons.map((p) => [p.seq, p.superseded_at !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    const closed = await office.post(stepUrl(handoverId, 'close'));
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-06-15', overdue: false });
    expect(await clueStatus(h, clueId)).toBe('concluded');
    const history = (await office.get(`/api/handovers/${handoverId}`)).json().history;
    expect(history.map((e: { event: string }) => e.event)).toEqual([
      'create',
      'accept',
      'progress',
      'conclude',
      'request_more',
      'conclude',
      'close',
    ]);
  });
});

describe('refusals of the steps', () => {
  it('is 409 to close before a result (件件有着落), and the table refuses it too', async () => {
    const res = await (await h.as('office')).post(stepUrl(otherId, 'close'));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('尚未反馈处置结果，不能办结');
    await expect(
      h.database.db
        .updateTable('handover')
        .set({ status: 'closed', closed_on: '2026-06-15' })
        .where('id', '=', otherId)
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('is 409 for a step the status does not allow, naming the status', async () => {
    const res = await (await h.as('jiwei')).post(stepUrl(handoverId, 'accept'), {});
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('移交当前状态为“已办结”，不能接收');
  });

  it('is 401 without a session, 404 out of scope, 403 for a sender taking a recipient step and vice versa', async () => {
    for (const step of ['accept', 'decline', 'progress', 'conclude', 'close', 'request-more'])
      expect((await h.anonymous.post(stepUrl(otherId, step), {})).statusCode).toBe(401);
    expect((await (await h.as('zuzhibu')).post(stepUrl(otherId, 'accept'), {})).statusCode).toBe(404);
    expect((await (await h.as('office')).post(stepUrl(outsiderHandover, 'close'))).statusCode).toBe(404);
    expect((await (await h.as('office')).post(stepUrl(otherId, 'accept'), {})).statusCode).toBe(403);
    expect((await (await h.as('caizheng')).post(stepUrl(otherId, 'close'))).statusCode).toBe(403);
    expect((await (await h.as('zerenren')).post(stepUrl(otherId, 'accept'), {})).statusCode).toBe(403);
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const head = await h.as('caizheng');
    expect((await head.post(stepUrl(otherId, 'accept'), {})).json().status).toBe('accepted');
    const before = [await eventCount(), await auditCount(h)];
    const cases: [string, unknown, string][] = [
      ['decline', { reason: ' ' }, '请填写理由'],
      ['progress', { note: '' }, '请填写办理进展'],
      ['progress', { note: '已召开专题会', disposition: 'preliminary' }, '只有问题线索需要填写处置方式'],
      ['conclude', { summary: '已整改', concludedOn: '2026-06-16' }, '办结日期不能晚于今天'],
      ['conclude', { summary: '已整改', concludedOn: '2026-01-01' }, '办结日期不能早于移交日期'],
      [
        'conclude',
        { summary: '已整改', concludedOn: '2026-06-15', disposition: 'form1' },
        '只有问题线索需要填写处置方式',
      ],
      [
        'conclude',
        { summary: '已整改', concludedOn: '2026-06-15', persons: [{ name: '', post: '科长' }] },
        '请填写姓名',
      ],
    ];
    for (const [step, body, message] of cases) {
      const res = await head.post(stepUrl(otherId, step), body);
      expect(res.statusCode, `${step} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().details.map((d: { message: string }) => d.message)).toContain(message);
    }
    expect([await eventCount(), await auditCount(h)]).toEqual(before);
  });

  it('a clue needs a final disposition, and people for a 形态', async () => {
    const clue = await addClue(h, zhujian);
    const id = (
      await (await h.as('office')).post(`/api/inspections/${zhujian}/handovers`, { kind: 'clue', clueId: clue })
    ).json().id;
    const jiwei = await h.as('jiwei');
    await jiwei.post(stepUrl(id, 'accept'), {});
    const before = await eventCount();
    const cases: [unknown, string][] = [
      [{ ...conclusion, disposition: undefined }, '请选择处置结果'],
      [
        { ...conclusion, disposition: 'case_filed' },
        '谈话函询、初步核实、立案审查调查是办理中的阶段，请选择最终处置结果（四种形态、予以了结或暂存待查）',
      ],
      [{ ...conclusion, persons: [] }, '按四种形态处置的，请填写被处理人'],
      [{ ...conclusion, persons: [{ name: '张某某', post: '科长' }] }, '请选择第 1 人的处理形态'],
    ];
    for (const [body, message] of cases) {
      const res = await jiwei.post(stepUrl(id, 'conclude'), body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { message: string }) => d.message)).toContain(message);
    }
    const progress = await jiwei.post(stepUrl(id, 'progress'), { note: '已了结', disposition: 'closed' });
    expect(progress.statusCode).toBe(400);
    expect(await eventCount()).toBe(before);
    const shelved = await jiwei.post(stepUrl(id, 'conclude'), {
      disposition: 'shelved',
      summary: '暂存待查',
      concludedOn: '2026-06-15',
    });
    expect(shelved.json()).toMatchObject({ status: 'concluded', disposition: 'shelved' });
  });

  it('a declined clue goes back to the team and may be handed over again', async () => {
    const clue = await addClue(h, zhujian, 'preliminary');
    const office = await h.as('office');
    const url = `/api/inspections/${zhujian}/handovers`;
    const first = (await office.post(url, { kind: 'clue', clueId: clue })).json().id;
    const declined = await (await h.as('jiwei')).post(stepUrl(first, 'decline'), { reason: '不属于本机关管辖范围' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '不属于本机关管辖范围' });
    expect(await clueStatus(h, clue)).toBe('preliminary');
    const second = await office.post(url, { kind: 'clue', clueId: clue, recipientName: '市纪委监委' });
    expect(second.statusCode).toBe(200);
    expect(second.json().recipientName).toBe('市纪委监委');
    expect(await clueStatus(h, clue)).toBe('handed_over');
  });

  it('a competent department concludes with a summary and measures, and the office closes', async () => {
    const head = await h.as('caizheng');
    const res = await head.post(stepUrl(otherId, 'conclude'), {
      summary: '已完成专项资金拨付流程梳理',
      measures: '修订《专项资金管理办法》',
      concludedOn: '2026-06-15',
    });
    expect(res.json()).toMatchObject({ status: 'concluded', disposition: null });
    const detail = (await head.get(`/api/handovers/${otherId}`)).json();
    expect(detail.result).toMatchObject({ summary: '已完成专项资金拨付流程梳理', persons: [] });
    expect(detail.finding.title).toBe('专项资金拨付不及时');
    expect((await (await h.as('office')).post(stepUrl(otherId, 'close'))).json().status).toBe('closed');
  });
});
