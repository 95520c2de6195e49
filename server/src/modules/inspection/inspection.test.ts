// Inspections through the real HTTP API: creation, scoped reads, the eight phases with their history, feedback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { approveReport } from '../report/report.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const inspection = (extra: object = {}) => ({
  roundId: h.demo.roundId,
  unitId: h.demo.units.caizheng,
  type: 'regular',
  startDate: '2026-07-01',
  endDate: '2026-08-15',
  selectionReason: '财政资金量大，上届以来未巡察',
  ...extra,
});
const roundBody = {
  committeeId: '',
  name: '十五届区委第四轮巡察',
  year: 2026,
  seq: 4,
  startDate: '2026-06-01',
  endDate: '2026-09-30',
};
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
/** The 区财政局 inspection created by the first test; later tests move it through its phases. */
let caizhengId: string;

describe('POST /api/inspections', () => {
  it('creates the inspection in 准备, audited, with its creation as the first step of its history', async () => {
    const res = await (await h.as('office')).post('/api/inspections', inspection());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    caizhengId = created.id;
    expect(created).toMatchObject({
      roundName: '十五届区委第三轮巡察',
      unitName: '区财政局',
      phase: 'preparing',
      teamId: null,
      feedbackDate: null,
      abilities: {
        station: true,
        investigate: false,
        report: false,
        createFinding: false,
        issueFeedback: false,
        update: true,
      },
    });
    const detail = (await (await h.as('office')).get(`/api/inspections/${caizhengId}`)).json();
    expect(detail.history).toEqual([
      { event: 'create', fromPhase: null, toPhase: 'preparing', actorName: '王芳', at: expect.any(String) },
    ]);
    // nobody of the demo team is on it: 钱进 cannot open it
    expect((await (await h.as('zuyuan')).get(`/api/inspections/${caizhengId}`)).statusCode).toBe(404);
  });

  it('rejects a unit of another committee, a team of another round and bad input (400), writing nothing', async () => {
    const office = await h.as('office');
    const round = await office.post('/api/rounds', {
      ...roundBody,
      committeeId: h.demo.committeeId,
      seq: 9,
      name: '十五届区委第九轮巡察',
    });
    const otherTeam = await office.post(`/api/rounds/${round.json().id}/teams`, { name: '区委第九巡察组' });
    const before = [await countRows(h, 'inspection'), await countRows(h, 'audit_entry')];
    const cases: [object, string][] = [
      [{ unitId: h.outsider.unitId }, 'unitId'],
      [{ unitId: h.demo.units.weijian, teamId: otherTeam.json().id }, 'teamId'],
      [{ unitId: h.demo.units.weijian, startDate: '2026-08-01', endDate: '2026-07-01' }, 'endDate'],
      [{ unitId: h.demo.units.weijian, type: 'casual' }, 'type'],
      [{ unitId: h.demo.units.weijian, selectionReason: '  ' }, 'selectionReason'],
    ];
    for (const [extra, path] of cases) {
      const res = await office.post('/api/inspections', inspection(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().details[0].path).toBe(path);
    }
    expect([await countRows(h, 'inspection'), await countRows(h, 'audit_entry')]).toEqual(before);
  });

  it('is 401 without login, 403 for a team leader, 404 for another committee’s round', async () => {
    const before = await countRows(h, 'inspection');
    const body = inspection({ unitId: h.demo.units.weijian });
    expect((await h.anonymous.post('/api/inspections', body)).statusCode).toBe(401);
    expect((await (await h.as('zuzhang')).post('/api/inspections', body)).statusCode).toBe(403);
    const other = await (await h.as('office')).post('/api/inspections', { ...body, roundId: h.outsider.roundId });
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('巡察轮次不存在');
    expect(await countRows(h, 'inspection')).toBe(before);
  });

  it('is 409 for a unit already inspected in the round', async () => {
    const office = await h.as('office');
    for (const unitId of [h.demo.units.caizheng, h.demo.units.zhujian]) {
      const res = await office.post('/api/inspections', inspection({ unitId }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ code: 'conflict', message: '该单位在本轮次中已安排巡察' });
    }
  });

  it('lets only one of four concurrent creations for one unit win; the others get 409, not 500', async () => {
    const office = await h.as('office');
    const outcomes: number[][] = [];
    for (const unit of ['ziran', 'shichang', 'chengtou']) {
      const body = inspection({ unitId: h.demo.units[unit] });
      const results = await Promise.all([1, 2, 3, 4].map(() => office.post('/api/inspections', body)));
      outcomes.push(results.map((r) => r.statusCode).sort());
    }
    expect(outcomes).toEqual([
      [200, 409, 409, 409],
      [200, 409, 409, 409],
      [200, 409, 409, 409],
    ]);
  });
});

describe('GET /api/inspections', () => {
  it('shows unit users their own unit’s inspections only', async () => {
    for (const username of ['lianluo', 'danwei']) {
      const user = await h.as(username);
      const body = (await user.get('/api/inspections')).json();
      expect(ids(body), username).toEqual([h.demo.zhujianInspectionId]);
      expect((await user.get(`/api/inspections/${h.demo.jiaoyuInspectionId}`)).statusCode).toBe(404);
    }
    expect((await (await h.as('zerenren')).get('/api/inspections')).statusCode).toBe(403);
  });

  it('shows a team member only the inspections of their team, with the team’s name', async () => {
    const zuzhang = await h.as('zuzhang');
    const mine = (await zuzhang.get('/api/inspections')).json();
    expect(ids(mine)).toEqual([h.demo.zhujianInspectionId, h.demo.jiaoyuInspectionId].sort());
    expect(mine.items.map((i: { teamName: string }) => i.teamName)).toEqual(['区委第一巡察组', '区委第一巡察组']);
    expect((await zuzhang.get(`/api/inspections/${caizhengId}`)).statusCode).toBe(404);
  });

  it('filters by phase, type, team and round and never shows another committee’s inspection', async () => {
    const office = await h.as('office');
    expect(ids((await office.get('/api/inspections?phase=rectifying')).json())).toEqual([h.demo.zhujianInspectionId]);
    const team = (await office.get(`/api/inspections/${h.demo.jiaoyuInspectionId}`)).json().teamId;
    const byTeam = (await office.get(`/api/inspections?teamId=${team}&type=regular&roundId=${h.demo.roundId}`)).json();
    expect(ids(byTeam)).toEqual([h.demo.zhujianInspectionId, h.demo.jiaoyuInspectionId].sort());
    expect((await office.get('/api/inspections?type=village')).json().total).toBe(0);
    expect((await office.get('/api/inspections?type=casual')).statusCode).toBe(400);
    const all = (await office.get('/api/inspections?pageSize=100')).json();
    expect(all.items.some((i: { id: string }) => i.id === h.outsider.inspectionId)).toBe(false);
    const res = await office.get(`/api/inspections/${h.outsider.inspectionId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '巡察不存在' });
  });
});

const advance = async (username: string, id: string, event: string) =>
  (await h.as(username)).post(`/api/inspections/${id}/advance`, { event });

describe('POST /api/inspections/:id/advance', () => {
  it('moves 准备 → 进驻 → 了解 → 报告, refuses a step out of order with 409, and keeps who did it', async () => {
    const early = await advance('office', caizhengId, 'report');
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('巡察当前处于“准备”阶段，不能执行此操作');
    const stationed = await advance('office', caizhengId, 'station');
    expect(stationed.statusCode).toBe(200);
    expect(stationed.json()).toMatchObject({
      phase: 'stationed',
      abilities: { station: false, investigate: true, report: false, update: false },
    });
    const again = await advance('office', caizhengId, 'station');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('巡察当前处于“进驻”阶段，不能执行此操作');
    expect((await advance('office', caizhengId, 'investigate')).json().phase).toBe('investigating');
    const reporting = await advance('office', caizhengId, 'report');
    expect(reporting.json()).toMatchObject({ phase: 'reporting', abilities: { issueFeedback: true, rectify: false } });
    const detail = (await (await h.as('office')).get(`/api/inspections/${caizhengId}`)).json();
    expect(
      detail.history.map((e: { event: string; toPhase: string; actorName: string }) => [
        e.event,
        e.toPhase,
        e.actorName,
      ]),
    ).toEqual([
      ['create', 'preparing', '王芳'],
      ['station', 'stationed', '王芳'],
      ['investigate', 'investigating', '王芳'],
      ['report', 'reporting', '王芳'],
    ]);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action'])
      .where('entity_id', '=', caizhengId)
      .where('action', 'like', 'inspection.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.create',
      'inspection.station',
      'inspection.investigate',
      'inspection.report',
    ]);
  });

  it('lets the team leader advance their own inspection; 403 without inspection.advance, 404 out of scope, 400 for feedback', async () => {
    const zuzhang = await h.as('zuzhang');
    const seen = (await zuzhang.get(`/api/inspections/${h.demo.jiaoyuInspectionId}`)).json();
    expect(seen.abilities).toMatchObject({ station: false, investigate: true, update: false });
    // 钱进 is a 组员 and 孙立 (纪委监委) only reads: neither may move the phase
    expect((await advance('zuyuan', h.demo.jiaoyuInspectionId, 'investigate')).statusCode).toBe(403);
    expect((await advance('jiwei', h.demo.jiaoyuInspectionId, 'investigate')).statusCode).toBe(403);
    expect((await advance('zuzhang', caizhengId, 'feedback')).statusCode).toBe(400);
    expect((await advance('office', h.outsider.inspectionId, 'station')).statusCode).toBe(404);
    const bad = await advance('office', caizhengId, 'feedback');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({ path: 'event', message: '操作不正确' });
    const moved = await advance('zuzhang', h.demo.jiaoyuInspectionId, 'investigate');
    expect(moved.json()).toMatchObject({ phase: 'investigating', abilities: { report: true } });
  });
});

describe('POST /api/inspections/:id/feedback', () => {
  const feedback = { issuedOn: '2026-06-15', content: '区委第一巡察组向区住建局党组反馈巡察意见：……' };

  it('is 409 when the inspection is not in its report phase, or has no findings', async () => {
    const office = await h.as('office');
    const early = await office.post(`/api/inspections/${h.demo.jiaoyuInspectionId}/feedback`, feedback);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('巡察当前处于“了解情况”阶段，不能执行此操作');
    const empty = await office.post(`/api/inspections/${caizhengId}/feedback`, feedback);
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toEqual({ code: 'conflict', message: '尚未登记任何问题，不能反馈' });
    expect((await office.get(`/api/inspections/${caizhengId}`)).json().phase).toBe('reporting');
  });

  it('issues the feedback, then walks 反馈 → 整改 → 评估 → 归档; the unit sees the findings once fed back', async () => {
    const zuzhang = await h.as('zuzhang');
    const liaison = await h.as('lianluo');
    const id = h.demo.jiaoyuInspectionId;
    const finding = await zuzhang.post(`/api/inspections/${id}/findings`, {
      aspect: 'strict_governance',
      title: '教育装备采购先采购后立项',
      facts: '2025 年 2 个装备项目先采购后补立项手续。',
    });
    expect(finding.statusCode).toBe(200);
    await advance('zuzhang', id, 'report');
    const unapproved = await zuzhang.post(`/api/inspections/${id}/feedback`, feedback);
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().message).toBe('巡察报告尚未审定，不能下发反馈意见');
    await approveReport(h, id);

    const bad = await zuzhang.post(`/api/inspections/${id}/feedback`, { ...feedback, issuedOn: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('issuedOn');
    // 纪委监委 sees the inspection but may not issue its feedback; 钱进 is a 组员
    expect((await (await h.as('jiwei')).post(`/api/inspections/${id}/feedback`, feedback)).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).post(`/api/inspections/${id}/feedback`, feedback)).statusCode).toBe(403);

    const res = await zuzhang.post(`/api/inspections/${id}/feedback`, feedback);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      phase: 'feedback',
      feedbackDate: '2026-06-15',
      abilities: { issueFeedback: false, createFinding: false, rectify: true },
    });
    const statuses = await h.database.db
      .selectFrom('finding')
      .select('status')
      .where('inspection_id', '=', id)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['fed_back', 'fed_back']);
    const again = await zuzhang.post(`/api/inspections/${id}/feedback`, feedback);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('巡察当前处于“反馈”阶段，不能执行此操作');
    expect((await liaison.get(`/api/inspections/${id}`)).statusCode).toBe(404);

    for (const [event, phase] of [
      ['rectify', 'rectifying'],
      ['evaluate', 'evaluating'],
      ['archive', 'archived'],
    ]) {
      const step = await advance('office', id, event as string);
      expect(step.json().phase, event).toBe(phase);
    }
    const archived = (await (await h.as('office')).get(`/api/inspections/${id}`)).json();
    expect(Object.values(archived.abilities).every((a) => a === false)).toBe(true);
    expect(archived.history.map((e: { event: string }) => e.event)).toEqual([
      'investigate',
      'report',
      'feedback',
      'rectify',
      'evaluate',
      'archive',
    ]);
    expect((await advance('office', id, 'archive')).statusCode).toBe(409);
  });

  it('is 404 for another committee’s inspection', async () => {
    const res = await (await h.as('office')).post(`/api/inspections/${h.outsider.inspectionId}/feedback`, feedback);
    expect(res.statusCode).toBe(404);
  });
});
