// A cadre's records (可抽调时间, 工作经历, 亲属关系, 教育培训, 表彰奖励) and 综合鉴定 through the real API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { count, createCadre, createTeam, expectChinese400, outsiderCadre } from './cadre.test-support.ts';

let h: Harness;
let zhou: string;
let foreign: string;
beforeAll(async () => {
  h = await createHarness();
  zhou = await createCadre(h, { name: '周敏华', homeUnitId: h.demo.units.caizheng, post: '会计科科长' });
  foreign = await outsiderCadre(h);
});
afterAll(() => h.close());

const patch = async (user: string, url: string, payload: unknown) =>
  (await h.as(user)).request({ method: 'PATCH', url, payload: payload as object });

const RECORDS = [
  {
    kind: 'availability',
    table: 'cadre_availability',
    valid: { startDate: '2026-07-01', endDate: '2026-12-31', note: '下半年可抽调' },
    correction: { available: false },
  },
  {
    kind: 'past-posts',
    table: 'cadre_past_post',
    valid: { unitName: '市财政局', post: '预算处副处长', startDate: '2015-01-01', endDate: '2020-12-31' },
    correction: { post: '预算处处长', endDate: '2021-06-30' },
  },
  {
    kind: 'relatives',
    table: 'cadre_relative',
    valid: { name: '刘芳', relation: 'spouse', unitName: '区第一中学', post: '教师' },
    correction: { isLeader: true, post: '副校长' },
  },
  {
    kind: 'trainings',
    table: 'cadre_training',
    valid: {
      title: '巡察干部业务培训班',
      organizer: '市委巡察办',
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      hours: 40,
    },
    correction: { hours: 36 },
  },
  {
    kind: 'commendations',
    table: 'cadre_commendation',
    valid: { title: '优秀巡察干部', grantor: '中共示例市城关区委', grantedOn: '2025-12-20' },
    correction: { note: '区委通报表扬' },
  },
] as const;

describe.each(RECORDS)('$kind', ({ kind, table, valid, correction }) => {
  let recordId: string;

  it('adds a record and shows it in the cadre’s file', async () => {
    const res = await (await h.as('office')).post(`/api/cadres/${zhou}/${kind}`, valid);
    expect(res.statusCode, res.body).toBe(200);
    recordId = res.json().id;
    expect(res.json()).toMatchObject(valid);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await count(h, table);
    const office = await h.as('office');
    expectChinese400(await office.post(`/api/cadres/${zhou}/${kind}`, {}));
    if ('startDate' in valid)
      expectChinese400(await office.post(`/api/cadres/${zhou}/${kind}`, { ...valid, startDate: '2027-01-01' }));
    expect(await count(h, table)).toBe(before);
  });

  it('corrects a record and keeps the old values in the audit log', async () => {
    const res = await patch('office', `/api/cadre-${kind}/${recordId}`, correction);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...valid, ...correction });
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('entity_id', '=', recordId)
      .where('action', '=', `cadre.${kind}.correct`)
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject(correction);
    expect(entry.before).not.toMatchObject(correction);
    expectChinese400(await patch('office', `/api/cadre-${kind}/${recordId}`, {}));
  });

  it('401 / 403 / 404 / 409', async () => {
    expect((await h.anonymous.post(`/api/cadres/${zhou}/${kind}`, valid)).statusCode).toBe(401);
    expect((await (await h.as('zuzhibu')).post(`/api/cadres/${zhou}/${kind}`, valid)).statusCode).toBe(403);
    expect((await patch('leader', `/api/cadre-${kind}/${recordId}`, correction)).statusCode).toBe(403);
    expect((await (await h.as('office')).post(`/api/cadres/${foreign}/${kind}`, valid)).statusCode).toBe(404);
    expect((await patch('office', `/api/cadre-${kind}/${h.demo.roundId}`, correction)).statusCode).toBe(404);
    const office = await h.as('office');
    await office.post(`/api/cadres/${zhou}/deactivate`);
    try {
      expect((await office.post(`/api/cadres/${zhou}/${kind}`, valid)).statusCode).toBe(409);
      expect((await patch('office', `/api/cadre-${kind}/${recordId}`, correction)).statusCode).toBe(409);
    } finally {
      await office.post(`/api/cadres/${zhou}/reactivate`);
    }
  });
});

describe('POST /api/cadres/:id/appraisals (综合鉴定)', () => {
  it('appraises a member once, only after the team reported', async () => {
    const office = await h.as('office');
    const sun = await createCadre(h, { name: '孙丽' });
    const other = await createCadre(h, { name: '吴昊' });
    const reported = await createTeam(h, '区委第五巡察组', [sun]);
    await h.database.db
      .updateTable('inspection')
      .set({ team_id: reported })
      .where('id', '=', h.demo.zhujianInspectionId)
      .execute();
    const onSite = await createTeam(h, '区委第六巡察组', [sun]);
    await h.database.db
      .updateTable('inspection')
      .set({ team_id: onSite })
      .where('id', '=', h.demo.jiaoyuInspectionId)
      .execute();
    const grade = { teamId: reported, grade: 'excellent', comment: '政治站位高，发现问题线索3条，文字综合能力强。' };

    const before = await count(h, 'cadre_appraisal');
    expectChinese400(await office.post(`/api/cadres/${sun}/appraisals`, { ...grade, grade: 'good', comment: '' }));
    expect(await count(h, 'cadre_appraisal')).toBe(before);
    expect((await h.anonymous.post(`/api/cadres/${sun}/appraisals`, grade)).statusCode).toBe(401);
    expect((await (await h.as('zuzhibu')).post(`/api/cadres/${sun}/appraisals`, grade)).statusCode).toBe(403);
    expect((await office.post(`/api/cadres/${foreign}/appraisals`, grade)).statusCode).toBe(404);
    const foreignTeam = await createTeam(h, '城西第一巡察组', [], h.outsider.committeeId);
    expect((await office.post(`/api/cadres/${sun}/appraisals`, { ...grade, teamId: foreignTeam })).statusCode).toBe(
      404,
    );
    const notMember = await office.post(`/api/cadres/${other}/appraisals`, grade);
    expect(notMember.statusCode).toBe(409);
    expect(notMember.json().message).toBe('吴昊未在区委第五巡察组任职，不能作出鉴定');
    const early = await office.post(`/api/cadres/${sun}/appraisals`, { ...grade, teamId: onSite });
    expect(early.json().message).toBe('区委第六巡察组尚未进入巡察报告阶段，暂不能作出综合鉴定');

    const res = await office.post(`/api/cadres/${sun}/appraisals`, grade);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      cadreName: '孙丽',
      teamName: '区委第五巡察组',
      grade: 'excellent',
      appraisedByName: '王芳',
    });
    expect((await office.post(`/api/cadres/${sun}/appraisals`, grade)).statusCode).toBe(409);

    const zuzhibu = await h.as('zuzhibu');
    expect((await zuzhibu.get(`/api/cadres/${sun}`)).json().appraisals).toMatchObject([{ grade: 'excellent' }]);
    const list = (await zuzhibu.get('/api/appraisals?grade=excellent')).json();
    expect(list).toMatchObject({ total: 1, items: [{ cadreName: '孙丽', roundName: '十五届区委第三轮巡察' }] });
    expect((await zuzhibu.get('/api/appraisals?grade=basic')).json().total).toBe(0);
    expectChinese400(await zuzhibu.get('/api/appraisals?grade=good'));
    expect((await (await h.as('auditor')).get('/api/appraisals')).statusCode).toBe(403);
    const xlsx = await zuzhibu.get(`/api/appraisals/export?q=${encodeURIComponent('孙丽')}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
