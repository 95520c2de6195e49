// 了解情况 through the real HTTP API: registering every kind, the list and its filters, counts, the
// detail and corrections — with the refusals (400 nothing written, 401, 403, 404 out of scope, 409 phase).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addFieldworkUsers, bodies, countTable, listUrl, setPhase } from './fieldwork.test-support.ts';

let h: Harness;
let url: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  await addFieldworkUsers(h);
  url = listUrl(h.demo.jiaoyuInspectionId);
});
afterAll(() => h.close());

describe('POST /api/inspections/:id/fieldwork', () => {
  it('registers every kind with a running number; interviews and petitions are sensitive by default', async () => {
    const zuyuan = await h.as('zuyuan');
    const sent = [bodies.interview(), bodies.meeting(), bodies.documentReview(), bodies.survey(), bodies.petition()];
    for (const [i, body] of sent.entries()) {
      const res = await zuyuan.post(url, body);
      expect(res.statusCode, res.body).toBe(200);
      const record = res.json();
      ids[body.kind] = record.id;
      expect(record).toMatchObject({ seq: i + 1, kind: body.kind, title: body.title, createdByName: '钱进' });
      expect(record.sensitive).toBe(body.kind === 'interview' || body.kind === 'petition');
      expect(record.summary).toBe(record.sensitive ? null : body.summary);
      expect(record.abilities).toEqual({ update: true, readContent: true, attach: true });
    }
    const visit = await zuyuan.post(url, {
      kind: 'visit',
      title: '走访城西小学',
      occurredOn: '2026-06-13',
      summary: '走访了解营养餐配送情况。',
      sensitive: true,
      details: { target: '城西小学' },
    });
    expect(visit.json()).toMatchObject({ seq: 6, sensitive: true, summary: null });
    ids.visit = visit.json().id;
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after'])
      .where('action', '=', 'fieldwork.create')
      .where('entity_id', '=', ids.interview as string)
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ inspectionId: h.demo.jiaoyuInspectionId, kind: 'interview', sensitive: true });
  });

  it('lets the inspected unit submit only its self-check, never sensitive', async () => {
    const lianluo = await h.as('jy_lianluo');
    const res = await lianluo.post(url, bodies.selfCheck());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'self_check', sensitive: false, createdByName: '吴磊' });
    ids.self_check = res.json().id;
    const interview = await lianluo.post(url, bodies.interview());
    expect(interview.statusCode).toBe(403);
    expect(interview.json().message).toBe('被巡察单位只能报送问题对照自查');
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const zuyuan = await h.as('zuyuan');
    const interview = bodies.interview();
    const cases: [unknown, string?][] = [
      [{ ...interview, title: ' ' }, '请填写标题'],
      [{ ...interview, kind: 'gossip' }],
      [{ ...interview, startTime: '25:00' }, '开始时间格式应为 HH:MM'],
      [{ ...interview, occurredOn: '2026-02-30' }],
      [{ ...interview, occurredOn: '2026-06-16' }, '发生日期不能晚于今天'],
      [{ ...interview, details: { intervieweePost: '科长' } }],
      [{ ...interview, summary: 'x'.repeat(20001) }],
      [{ ...bodies.meeting(), details: { topic: '座谈', participantCount: 0 } }],
      [{ ...bodies.documentReview(), details: { documents: [] } }, '请至少填写一项调阅资料'],
      [{ ...bodies.documentReview(), details: { documents: [{ name: '账目', category: 'diary' }] } }],
      [
        { ...bodies.survey(), details: { ...bodies.survey().details, participantCount: 10 } },
        '第 1 项的票数之和超过参加人数',
      ],
      [{ ...bodies.petition(), details: { channel: 'letter', anonymous: false } }, '实名反映须填写反映人姓名'],
      [{ ...bodies.petition(), details: { channel: 'letter', anonymous: true, petitioner: { name: '某人' } } }],
      [{ ...bodies.selfCheck(), details: { problems: [] } }],
    ];
    const before = [await countTable(h, 'fieldwork_record'), await countTable(h, 'audit_entry')];
    for (const [body, message] of cases) {
      const res = await zuyuan.post(url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      if (message) expect(res.json().message).toContain(message);
    }
    const unitSensitive = await (await h.as('jy_lianluo')).post(url, { ...bodies.selfCheck(), sensitive: true });
    expect(unitSensitive.statusCode).toBe(400);
    expect(unitSensitive.json().message).toBe('问题对照自查由被巡察单位报送，不能标记为敏感');
    expect([await countTable(h, 'fieldwork_record'), await countTable(h, 'audit_entry')]).toEqual(before);
  });

  it('is 401 / 403 / 404 / 409 as appropriate, writing nothing', async () => {
    const before = await countTable(h, 'fieldwork_record');
    expect((await h.anonymous.post(url, bodies.meeting())).statusCode).toBe(401);
    for (const username of ['leader', 'banshi', 'office']) {
      const res = await (await h.as(username)).post(url, bodies.meeting());
      expect(res.statusCode, username).toBe(403);
      expect(res.json().message).toBe('无权为该巡察登记了解情况');
    }
    expect((await (await h.as('jiwei')).post(url, bodies.meeting())).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).post(listUrl(h.outsider.inspectionId), bodies.meeting())).statusCode).toBe(
      404,
    );
    expect((await (await h.as('xicheng')).post(url, bodies.meeting())).statusCode).toBe(404);
    // 区住建局's own people cannot reach 区教育局's inspection at all
    expect((await (await h.as('lianluo')).post(url, bodies.selfCheck())).statusCode).toBe(404);
    const rectifying = await (await h.as('zuzhang')).post(listUrl(h.demo.zhujianInspectionId), bodies.meeting());
    expect(rectifying.statusCode).toBe(409);
    expect(rectifying.json().message).toContain('巡察当前处于“整改”阶段');
    await setPhase(h, h.demo.jiaoyuInspectionId, 'reporting');
    try {
      // the team still records while writing the report; the unit's self-check window has closed
      const late = await (await h.as('jy_lianluo')).post(url, bodies.selfCheck());
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toContain('问题对照自查只能在进驻和了解阶段报送');
    } finally {
      await setPhase(h, h.demo.jiaoyuInspectionId, 'stationed');
    }
    expect(await countTable(h, 'fieldwork_record')).toBe(before);
  });
});

describe('GET /api/inspections/:id/fieldwork and /counts', () => {
  it('pages and filters by kind, title, date and sensitivity', async () => {
    const zuzhang = await h.as('zuzhang');
    const all = (await zuzhang.get(`${url}?pageSize=3`)).json();
    expect(all.total).toBe(7);
    expect(all.items.map((r: { seq: number }) => r.seq)).toEqual([7, 6, 5]);
    const byKind = (await zuzhang.get(`${url}?kind=survey`)).json();
    expect(byKind.items.map((r: { title: string }) => r.title)).toEqual(['领导班子民主测评']);
    expect((await zuzhang.get(`${url}?q=${encodeURIComponent('座谈')}`)).json().total).toBe(1);
    expect((await zuzhang.get(`${url}?q=%25`)).json().total).toBe(0);
    expect((await zuzhang.get(`${url}?dateFrom=2026-06-12&dateTo=2026-06-12`)).json().total).toBe(2);
    expect((await zuzhang.get(`${url}?sensitive=true`)).json().total).toBe(3);
    const bad = await zuzhang.get(`${url}?kind=gossip&dateFrom=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('counts per kind and says which kinds the user may register', async () => {
    const team = (await (await h.as('zuyuan')).get(`${url}/counts`)).json();
    expect(team).toMatchObject({ total: 7, sensitive: 3 });
    expect(team.byKind).toEqual({
      interview: 1,
      meeting: 1,
      document_review: 1,
      visit: 1,
      survey: 1,
      self_check: 1,
      petition: 1,
    });
    expect(team.creatableKinds).toHaveLength(7);
    const unit = (await (await h.as('jy_lianluo')).get(`${url}/counts`)).json();
    expect(unit).toMatchObject({ total: 1, sensitive: 0, creatableKinds: ['self_check'] });
    expect((await (await h.as('banshi')).get(`${url}/counts`)).json().creatableKinds).toEqual([]);
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    expect((await h.anonymous.get(url)).statusCode).toBe(401);
    expect((await (await h.as('jiwei')).get(url)).statusCode).toBe(403);
    expect((await (await h.as('sysadmin')).get(`${url}/counts`)).statusCode).toBe(403);
    expect((await (await h.as('xicheng')).get(url)).statusCode).toBe(404);
    expect((await (await h.as('zuyuan')).get(`${listUrl(h.outsider.inspectionId)}/counts`)).statusCode).toBe(404);
    expect((await (await h.as('danwei')).get(url)).statusCode).toBe(404);
  });
});

describe('GET /api/fieldwork/:id', () => {
  it('returns a plain record with its details and attachments', async () => {
    const res = await (await h.as('banshi')).get(`/api/fieldwork/${ids.survey}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'survey',
      summary: '发放测评表 40 份，收回 40 份。',
      petitioner: null,
      attachments: [],
      abilities: { update: false, readContent: true, attach: false },
    });
    expect(res.json().details.items).toHaveLength(2);
  });

  it('is 401 / 404 as appropriate', async () => {
    expect((await h.anonymous.get(`/api/fieldwork/${ids.survey}`)).statusCode).toBe(401);
    expect((await (await h.as('xicheng')).get(`/api/fieldwork/${ids.survey}`)).statusCode).toBe(404);
    expect((await (await h.as('jy_lianluo')).get(`/api/fieldwork/${ids.survey}`)).statusCode).toBe(404);
    expect((await (await h.as('zuyuan')).get('/api/fieldwork/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('PATCH /api/fieldwork/:id', () => {
  const patch = async (username: string, id: string | undefined, body: unknown) =>
    (await h.as(username)).request({ method: 'PATCH', url: `/api/fieldwork/${id}`, payload: body as object });

  it('lets the recorder and the team leader correct a record, audited without content', async () => {
    const own = await patch('zuyuan', ids.meeting, { kind: 'meeting', title: '中层干部及一般干部座谈会', place: null });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ title: '中层干部及一般干部座谈会', place: null });
    const leader = await patch('zuzhang', ids.meeting, {
      kind: 'meeting',
      sensitive: true,
      details: { topic: '党风廉政建设情况', participantCount: 15 },
    });
    expect(leader.json()).toMatchObject({ sensitive: true, summary: null, details: { participantCount: 15 } });
    const row = await h.database.db
      .selectFrom('fieldwork_record')
      .select(['summary', 'summary_sealed'])
      .where('id', '=', ids.meeting as string)
      .executeTakeFirstOrThrow();
    expect(row.summary).toBeNull();
    expect(row.summary_sealed).toMatch(/^sm4:/);
    const back = await patch('zuzhang', ids.meeting, { kind: 'meeting', sensitive: false });
    expect(back.json().summary).toBe('与会人员普遍反映经费管理制度执行不严。');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'fieldwork.update')
      .where('entity_id', '=', ids.meeting as string)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([
      { sensitive: false, changed: ['title', 'place'] },
      { sensitive: true, changed: ['sensitive', 'details'] },
      { sensitive: false, changed: ['sensitive'] },
    ]);
  });

  it('rejects bad input and a change of kind, changing nothing', async () => {
    const before = await (await h.as('zuyuan')).get(`/api/fieldwork/${ids.meeting}`);
    for (const body of [
      { kind: 'meeting', title: '' },
      { kind: 'meeting', details: { topic: '座谈' } },
      { kind: 'interview', title: '改成谈话' },
      { title: '没有方式' },
    ]) {
      const res = await patch('zuyuan', ids.meeting, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const after = await (await h.as('zuyuan')).get(`/api/fieldwork/${ids.meeting}`);
    expect(after.json()).toEqual(before.json());
  });

  it('is 401 / 403 / 404 / 409 as appropriate', async () => {
    const body = { kind: 'meeting', title: '改名' };
    expect(
      (await h.anonymous.request({ method: 'PATCH', url: `/api/fieldwork/${ids.meeting}`, payload: body })).statusCode,
    ).toBe(401);
    const colleague = await patch('zuyuan2', ids.meeting, body);
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().message).toBe('只有登记人或巡察组组长可以修改该记录');
    expect((await patch('banshi', ids.meeting, body)).statusCode).toBe(403);
    expect((await patch('jy_danwei', ids.self_check, { kind: 'self_check', title: '改名' })).statusCode).toBe(403);
    expect((await patch('xicheng', ids.meeting, body)).statusCode).toBe(404);
    expect((await patch('jy_lianluo', ids.meeting, body)).statusCode).toBe(404);
    await setPhase(h, h.demo.jiaoyuInspectionId, 'feedback');
    try {
      const late = await patch('zuyuan', ids.meeting, body);
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toContain('巡察当前处于“反馈”阶段');
    } finally {
      await setPhase(h, h.demo.jiaoyuInspectionId, 'stationed');
    }
  });
});
