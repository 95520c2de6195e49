// 问题线索 through the real HTTP API: the team leader registers (sealed) and reads a clue; team members and
// the office count it; other committees and teams never learn it exists (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';
import { NOT_GRANTED } from './clue.service.ts';
import { clueBody, clueUrl, insertOutsiderClue, tableCount } from './clue.test-support.ts';

let h: Harness;
let url: string;
let clueId: string;
let outsiderClueId: string;
let zhujianRecordId: string;
let jiaoyuRecordId: string;

async function insertRecord(inspectionId: string, unitId: string, seq: number) {
  const row = await h.database.db
    .insertInto('fieldwork_record')
    .values({
      committee_id: h.demo.committeeId,
      inspection_id: inspectionId,
      unit_id: unitId,
      seq,
      kind: 'visit',
      title: '走访学校食堂',
      occurred_on: '2026-06-08',
      sensitive: false,
      summary: '走访情况',
      details: '{}',
      created_by: h.demo.users.zuyuan as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  h = await createHarness();
  url = clueUrl(h.demo.jiaoyuInspectionId);
  outsiderClueId = await insertOutsiderClue(h);
  jiaoyuRecordId = await insertRecord(h.demo.jiaoyuInspectionId, h.demo.units.jiaoyu as string, 901);
  zhujianRecordId = await insertRecord(h.demo.zhujianInspectionId, h.demo.units.zhujian as string, 901);
  // the leader of another team: holds clue.read, but only for 区住建局
  await addUser(h, {
    username: 'zj_zuzhang',
    displayName: '住建组组长',
    unitId: null,
    role: 'team_leader',
    scopeKind: 'inspection',
    scopeId: h.demo.zhujianInspectionId,
  });
});
afterAll(() => h.close());

describe('POST /api/inspections/:id/clues', () => {
  it('registers a sealed clue with a readable code, audited without content', async () => {
    const res = await (await h.as('zuzhang')).post(url, clueBody({ sourceRecordId: jiaoyuRecordId }));
    expect(res.statusCode, res.body).toBe(200);
    const clue = res.json();
    clueId = clue.id;
    expect(clue).toMatchObject({
      code: '线索〔2026〕3-03',
      status: 'registered',
      unitName: '区教育局',
      subjectName: '张某某',
      hasWhistleblower: true,
      sourceRecordId: jiaoyuRecordId,
      handover: null,
      registeredByName: '赵刚',
      abilities: { verify: true, shelve: true, reopen: false, grant: true, revealWhistleblower: true, handOver: true },
    });
    const stored = await h.database.db
      .selectFrom('clue')
      .select(['content_sealed', 'whistleblower_sealed'])
      .where('id', '=', clueId)
      .executeTakeFirstOrThrow();
    expect(stored.content_sealed).toMatch(/^sm4:/);
    expect(stored.content_sealed).not.toContain('张某某');
    expect(stored.whistleblower_sealed).toMatch(/^sm4:/);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after'])
      .where('action', '=', 'clue.create')
      .where('entity_id', '=', clueId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toMatch(/张某某|食堂|李某/);
  });

  it('numbers clues within the round, after the two of 区住建局 in the demo', async () => {
    const res = await (await h.as('zuzhang')).post(url, clueBody({ whistleblower: undefined, category: 'work' }));
    expect(res.json()).toMatchObject({ code: '线索〔2026〕3-04', hasWhistleblower: false });
  });

  it('rejects bad input in Chinese and writes nothing', async () => {
    const zuzhang = await h.as('zuzhang');
    const before = [await tableCount(h, 'clue'), await tableCount(h, 'clue_event'), await tableCount(h, 'audit_entry')];
    const cases: [Record<string, unknown>, string][] = [
      [clueBody({ subjectName: ' ' }), '请填写被反映人姓名'],
      [clueBody({ subjectName: '张'.repeat(51) }), '被反映人姓名不能超过 50 个字'],
      [clueBody({ allegation: '' }), '请填写反映的主要问题'],
      [clueBody({ category: 'gossip' }), '线索类别不正确'],
      [clueBody({ source: 'rumour' }), '线索来源不正确'],
      [clueBody({ receivedOn: '2026/06/01' }), '日期格式应为 YYYY-MM-DD'],
      [clueBody({ receivedOn: '2026-06-16' }), '收到日期不能晚于今天'],
      [clueBody({ whistleblower: { name: '' } }), '请填写反映人姓名'],
      [clueBody({ sourceRecordId: zhujianRecordId }), '线索来源记录应为本次巡察的了解情况记录'],
    ];
    for (const [body, message] of cases) {
      const res = await zuzhang.post(url, body);
      expect(res.statusCode, message).toBe(400);
      expect(res.body, message).toContain(message);
    }
    const after = [await tableCount(h, 'clue'), await tableCount(h, 'clue_event'), await tableCount(h, 'audit_entry')];
    expect(after).toEqual(before);
  });

  it('401 without a session, 403 without clue.create, 404 for another committee, 409 outside the phases', async () => {
    expect((await h.anonymous.post(url, clueBody())).statusCode).toBe(401);
    for (const username of ['zuyuan', 'office', 'banshi', 'danwei'])
      expect((await (await h.as(username)).post(url, clueBody())).statusCode, username).toBe(403);
    expect((await (await h.as('zuzhang')).post(clueUrl(h.outsider.inspectionId), clueBody())).statusCode).toBe(404);
    const late = await (await h.as('zuzhang')).post(clueUrl(h.demo.zhujianInspectionId), clueBody());
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('“整改”阶段');
  });
});

describe('lists', () => {
  it('show readers the clues with an excerpt, audited by ids', async () => {
    const res = await (await h.as('zuzhang')).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(res.json().items[1]).toMatchObject({ id: clueId, allegationExcerpt: clueBody().allegation });
    expect(res.json().items[1].allegation).toBeUndefined();
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'clue.read_list')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ searched: false });
  });

  it('give the committee ledger to the 巡察办主任, filtered and searched', async () => {
    const office = await h.as('office');
    // the demo's inspection of 区住建局 has two clues of its own
    expect((await office.get('/api/clues')).json().total).toBe(4);
    const jiaoyu = `inspectionId=${h.demo.jiaoyuInspectionId}`;
    expect((await office.get(`/api/clues?${jiaoyu}`)).json().total).toBe(2);
    expect((await office.get(`/api/clues?${jiaoyu}&category=work`)).json().total).toBe(1);
    expect((await office.get(`/api/clues?roundId=${h.demo.roundId}&status=registered`)).json().total).toBe(3);
    const found = await office.get(`/api/clues?q=${encodeURIComponent('食堂')}&category=integrity`);
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: clueId }] });
    expect((await office.get(`/api/clues?q=${encodeURIComponent('不存在的词')}`)).json().total).toBe(0);
  });

  it('are empty for those who may only count, 403 without clue.count, 404 for another committee', async () => {
    for (const username of ['zuyuan', 'banshi', 'leader'])
      expect((await (await h.as(username)).get(url)).json(), username).toMatchObject({ total: 0, items: [] });
    for (const username of ['danwei', 'lianluo', 'zuzhibu', 'outsider'])
      expect((await (await h.as(username)).get('/api/clues')).json().total, username).toBe(0);
    // 纪委监委 reads only what was handed to it; another team's leader only that team's clues
    const handled = (await (await h.as('jiwei')).get('/api/clues')).json();
    expect(handled.items.map((c: { unitName: string }) => c.unitName)).toEqual(['区住房和城乡建设局']);
    expect(handled.items[0].handover).toMatchObject({ recipientName: '区纪委监委', disposition: 'form2' });
    const otherTeam = (await (await h.as('zj_zuzhang')).get('/api/clues')).json();
    expect(otherTeam.items.map((c: { unitName: string }) => c.unitName)).toEqual([
      '区住房和城乡建设局',
      '区住房和城乡建设局',
    ]);
    expect((await (await h.as('danwei')).get(url)).statusCode).toBe(403);
    expect((await (await h.as('zuzhang')).get(clueUrl(h.outsider.inspectionId))).statusCode).toBe(404);
    expect((await h.anonymous.get('/api/clues')).statusCode).toBe(401);
  });

  it('reject bad filters in Chinese', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/clues?status=lost')).statusCode).toBe(400);
    const long = await office.get(`/api/clues?q=${'线'.repeat(51)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('检索词不能超过 50 个字');
  });
});

describe('GET /api/clues/:id', () => {
  it('opens the content for the team leader and the 巡察办主任, auditing the id only', async () => {
    for (const username of ['zuzhang', 'office']) {
      const res = await (await h.as(username)).get(`/api/clues/${clueId}`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toMatchObject({ allegation: clueBody().allegation, evidence: clueBody().evidence });
    }
    const reads = await h.database.db
      .selectFrom('audit_entry')
      .select(['actor_name', 'before', 'after'])
      .where('action', '=', 'clue.read_content')
      .where('entity_id', '=', clueId)
      .execute();
    expect(reads.map((r) => r.actor_name).sort()).toEqual(['王芳', '赵刚'].sort());
    expect(reads.every((r) => r.before === null && r.after === null)).toBe(true);
  });

  it('is 403 with a message about nothing for those who count, 404 for everyone else', async () => {
    for (const username of ['zuyuan', 'banshi', 'leader']) {
      const res = await (await h.as(username)).get(`/api/clues/${clueId}`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().message).toBe(NOT_GRANTED);
    }
    for (const username of ['jiwei', 'danwei', 'lianluo', 'zuzhibu', 'outsider', 'zj_zuzhang'])
      expect((await (await h.as(username)).get(`/api/clues/${clueId}`)).statusCode, username).toBe(404);
    expect((await (await h.as('office')).get(`/api/clues/${outsiderClueId}`)).statusCode).toBe(404);
    expect((await h.anonymous.get(`/api/clues/${clueId}`)).statusCode).toBe(401);
    expect((await (await h.as('office')).get('/api/clues/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('GET /api/inspections/:id/clue-counts', () => {
  it('gives numbers to the team and the office, nothing else', async () => {
    for (const username of ['zuyuan', 'banshi', 'leader', 'zuzhang']) {
      const res = await (await h.as(username)).get(`/api/inspections/${h.demo.jiaoyuInspectionId}/clue-counts`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toMatchObject({ total: 2, handedOver: 0, byStatus: { registered: 2 } });
      expect(res.json().byCategory).toMatchObject({ integrity: 1, work: 1, political: 0 });
    }
    expect(
      (await (await h.as('danwei')).get(`/api/inspections/${h.demo.jiaoyuInspectionId}/clue-counts`)).statusCode,
    ).toBe(403);
    expect(
      (await (await h.as('office')).get(`/api/inspections/${h.outsider.inspectionId}/clue-counts`)).statusCode,
    ).toBe(404);
    expect((await h.anonymous.get(`/api/inspections/${h.demo.jiaoyuInspectionId}/clue-counts`)).statusCode).toBe(401);
  });
});
