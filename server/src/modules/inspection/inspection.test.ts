// Inspections through the real HTTP API: creation with its team, scoped reads, phases and the feedback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const inspection = (extra: object = {}) => ({
  roundId: h.demo.roundId,
  unitId: h.demo.units.caizheng,
  type: 'regular',
  teamName: '区委第二巡察组',
  teamLeaderId: h.demo.users.zuyuan,
  teamMemberIds: [],
  startDate: '2026-07-01',
  endDate: '2026-08-15',
  selectionReason: '财政资金量大，上届以来未巡察',
  ...extra,
});
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
/** The 区财政局 inspection created by the first test; later tests move it through its phases. */
let caizhengId: string;

describe('POST /api/inspections', () => {
  it('creates the inspection and grants the team its roles', async () => {
    const res = await (await h.as('office')).post('/api/inspections', inspection());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    caizhengId = created.id;
    expect(created).toMatchObject({
      roundName: '十五届区委第三轮巡察',
      unitName: '区财政局',
      phase: 'preparing',
      feedbackDate: null,
      abilities: { station: true, report: false, createFinding: false, issueFeedback: false },
    });
    // 钱进 was not on any team for 区财政局: now, as its leader, he can open it
    const asLeader = await (await h.as('zuyuan')).get(`/api/inspections/${caizhengId}`);
    expect(asLeader.statusCode).toBe(200);
    expect(asLeader.json().abilities).toEqual({
      station: false,
      report: false,
      createFinding: false,
      issueFeedback: false,
    });
    const grants = await h.database.db
      .selectFrom('user_role')
      .select(['user_id', 'role_code'])
      .where('scope_id', '=', caizhengId)
      .execute();
    expect(grants).toEqual([{ user_id: h.demo.users.zuyuan, role_code: 'team_leader' }]);
  });

  it('rejects a unit of another committee and team members who are not committee staff (400)', async () => {
    const office = await h.as('office');
    const before = [await countRows(h, 'inspection'), await countRows(h, 'audit_entry')];
    const cases: [object, string][] = [
      [{ unitId: h.outsider.unitId }, 'unitId'],
      [{ unitId: h.demo.units.weijian, teamMemberIds: [h.demo.users.lianluo] }, 'teamMemberIds'],
      [{ unitId: h.demo.units.weijian, teamLeaderId: h.demo.users.lianluo }, 'teamMemberIds'],
      [{ unitId: h.demo.units.weijian, teamLeaderId: h.outsider.ownerId }, 'teamMemberIds'],
      [{ unitId: h.demo.units.weijian, startDate: '2026-08-01', endDate: '2026-07-01' }, 'endDate'],
      [{ unitId: h.demo.units.weijian, type: 'casual' }, 'type'],
    ];
    for (const [extra, path] of cases) {
      const res = await office.post('/api/inspections', inspection(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().details[0].path).toBe(path);
    }
    expect([await countRows(h, 'inspection'), await countRows(h, 'audit_entry')]).toEqual(before);
  });

  it('keeps the 三员 (sysadmin, secadmin, auditor) off inspection teams: 400, no grant', async () => {
    // DOMAIN §1: sysadmin has no access to case content; the auditor reads the audit log and nothing else
    const office = await h.as('office');
    const before = await countRows(h, 'inspection');
    const cases = [
      ['sysadmin', 'yiyuan'],
      ['secadmin', 'yizhong'],
      ['auditor', 'dongguan'],
    ] as const;
    const statuses: number[] = [];
    for (const [username, unit] of cases) {
      const body = inspection({ unitId: h.demo.units[unit], teamMemberIds: [h.demo.users[username]] });
      statuses.push((await office.post('/api/inspections', body)).statusCode);
    }
    expect(statuses).toEqual([400, 400, 400]);
    expect(await countRows(h, 'inspection')).toBe(before);
    expect((await (await h.as('auditor')).get('/api/findings')).statusCode).toBe(403);
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

  it('shows a team member only the inspections they are on', async () => {
    const zuzhang = await h.as('zuzhang');
    expect(ids((await zuzhang.get('/api/inspections')).json())).toEqual(
      [h.demo.zhujianInspectionId, h.demo.jiaoyuInspectionId].sort(),
    );
    expect((await zuzhang.get(`/api/inspections/${caizhengId}`)).statusCode).toBe(404);
    const zuyuan = (await (await h.as('zuyuan')).get('/api/inspections')).json();
    expect(zuyuan.items.map((i: { unitName: string }) => i.unitName)).toContain('区财政局');
  });

  it('filters by phase and never shows another committee’s inspection', async () => {
    const office = await h.as('office');
    expect(ids((await office.get('/api/inspections?phase=rectifying')).json())).toEqual([h.demo.zhujianInspectionId]);
    const all = (await office.get('/api/inspections?pageSize=100')).json();
    expect(all.items.some((i: { id: string }) => i.id === h.outsider.inspectionId)).toBe(false);
    const res = await office.get(`/api/inspections/${h.outsider.inspectionId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '巡察不存在' });
  });
});

describe('POST /api/inspections/:id/advance', () => {
  it('moves 准备 → 进驻 → 报告 and refuses a step out of order with 409', async () => {
    const office = await h.as('office');
    const early = await office.post(`/api/inspections/${caizhengId}/advance`, { event: 'report' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('巡察当前处于“准备”阶段，不能执行此操作');
    const stationed = await office.post(`/api/inspections/${caizhengId}/advance`, { event: 'station' });
    expect(stationed.statusCode).toBe(200);
    expect(stationed.json()).toMatchObject({ phase: 'stationed', abilities: { station: false, report: true } });
    const again = await office.post(`/api/inspections/${caizhengId}/advance`, { event: 'station' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('巡察当前处于“进驻”阶段，不能执行此操作');
    const reporting = await office.post(`/api/inspections/${caizhengId}/advance`, { event: 'report' });
    expect(reporting.json().phase).toBe('reporting');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', caizhengId)
      .where('action', 'like', 'inspection.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.create', 'inspection.station', 'inspection.report']);
  });

  it('is 403 for team leaders, 404 out of scope, 400 for an unknown event', async () => {
    const body = { event: 'station' };
    expect((await (await h.as('zuzhang')).post(`/api/inspections/${caizhengId}/advance`, body)).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).post(`/api/inspections/${caizhengId}/advance`, body)).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.post(`/api/inspections/${h.outsider.inspectionId}/advance`, body)).statusCode).toBe(404);
    const bad = await office.post(`/api/inspections/${caizhengId}/advance`, { event: 'feedback' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({ path: 'event', message: '操作不正确' });
  });
});

describe('POST /api/inspections/:id/feedback', () => {
  const feedback = { issuedOn: '2026-06-15', content: '区委第一巡察组向区住建局党组反馈巡察意见：……' };

  it('is 409 when the inspection is not in its report phase, or has no findings', async () => {
    const office = await h.as('office');
    const stationed = await office.post(`/api/inspections/${h.demo.jiaoyuInspectionId}/feedback`, feedback);
    expect(stationed.statusCode).toBe(409);
    expect(stationed.json().message).toBe('巡察当前处于“进驻”阶段，不能执行此操作');
    const empty = await office.post(`/api/inspections/${caizhengId}/feedback`, feedback);
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toEqual({ code: 'conflict', message: '尚未登记任何问题，不能反馈' });
    expect((await office.get(`/api/inspections/${caizhengId}`)).json().phase).toBe('reporting');
  });

  it('issues the feedback: findings fed back, feedback date set, the unit now sees them', async () => {
    const office = await h.as('office');
    const zuzhang = await h.as('zuzhang');
    const liaison = await h.as('lianluo');
    const round = await office.post('/api/rounds', {
      committeeId: h.demo.committeeId,
      name: '十五届区委第四轮巡察（回头看）',
      year: 2026,
      seq: 4,
      startDate: '2026-06-01',
      endDate: '2026-09-30',
    });
    const created = await office.post(
      '/api/inspections',
      inspection({
        roundId: round.json().id,
        unitId: h.demo.units.zhujian,
        type: 'lookback',
        teamLeaderId: h.demo.users.zuzhang,
      }),
    );
    const id = created.json().id;
    await office.post(`/api/inspections/${id}/advance`, { event: 'station' });
    const finding = await zuzhang.post(`/api/inspections/${id}/findings`, {
      aspect: 'strict_governance',
      title: '整改“回头看”发现招标问题反弹',
      facts: '2026 年又有 1 个项目先施工后招标。',
    });
    expect(finding.statusCode).toBe(200);
    const findingId = finding.json().id;
    expect((await liaison.get(`/api/findings/${findingId}`)).statusCode).toBe(404);
    await office.post(`/api/inspections/${id}/advance`, { event: 'report' });

    const bad = await zuzhang.post(`/api/inspections/${id}/feedback`, { ...feedback, issuedOn: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('issuedOn');
    // 纪委监委 sees the inspection but may not issue its feedback; 钱进 is not on this team at all
    expect((await (await h.as('jiwei')).post(`/api/inspections/${id}/feedback`, feedback)).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).post(`/api/inspections/${id}/feedback`, feedback)).statusCode).toBe(404);

    const res = await zuzhang.post(`/api/inspections/${id}/feedback`, feedback);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      phase: 'rectifying',
      feedbackDate: '2026-06-15',
      abilities: { issueFeedback: false, createFinding: false },
    });
    const statuses = await h.database.db
      .selectFrom('finding')
      .select('status')
      .where('inspection_id', '=', id)
      .execute();
    expect(statuses).toEqual([{ status: 'fed_back' }]);
    const seen = await liaison.get(`/api/findings/${findingId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'fed_back', abilities: { createTask: true } });
    const again = await zuzhang.post(`/api/inspections/${id}/feedback`, feedback);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('巡察当前处于“整改”阶段，不能执行此操作');
  });

  it('is 404 for another committee’s inspection', async () => {
    const res = await (await h.as('office')).post(`/api/inspections/${h.outsider.inspectionId}/feedback`, feedback);
    expect(res.statusCode).toBe(404);
  });
});
