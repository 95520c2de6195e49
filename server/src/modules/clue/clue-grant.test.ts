// Need-to-know beyond the defaults: per-clue grants to team members (and their revocation), the
// whistleblower's identity on request with a reason, and the 线索处置台账 export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { NOT_GRANTED } from './clue.service.ts';
import { clueBody, clueUrl, insertOutsiderClue, tableCount, xlsxCells } from './clue.test-support.ts';

let h: Harness;
let clueId: string;
let anonymousClueId: string;
let outsiderClueId: string;
let grantId: string;
const zuyuanId = () => h.demo.users.zuyuan as string;

beforeAll(async () => {
  h = await createHarness();
  const zuzhang = await h.as('zuzhang');
  clueId = (await zuzhang.post(clueUrl(h.demo.jiaoyuInspectionId), clueBody())).json().id;
  anonymousClueId = (
    await zuzhang.post(clueUrl(h.demo.jiaoyuInspectionId), clueBody({ whistleblower: undefined }))
  ).json().id;
  outsiderClueId = await insertOutsiderClue(h);
});
afterAll(() => h.close());

const grantsUrl = (id = clueId) => `/api/clues/${id}/grants`;

describe('per-clue grants', () => {
  it('offers the inspection team as candidates', async () => {
    const res = await (await h.as('office')).get(`/api/clues/${clueId}/grant-candidates`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((c: { displayName: string }) => c.displayName)
        .sort(),
    ).toEqual(['赵刚', '钱进'].sort());
  });

  it('lets the 巡察办主任 grant a team member, who can then read the clue; audited with ids', async () => {
    expect((await (await h.as('zuyuan')).get(`/api/clues/${clueId}`)).statusCode).toBe(403);
    const res = await (await h.as('office')).post(grantsUrl(), {
      userId: zuyuanId(),
      reason: '协助核实工程款支付情况',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      userName: '钱进',
      grantedByName: '王芳',
      active: true,
      revokedAt: null,
    });
    grantId = res.json().items[0].id;
    const read = await (await h.as('zuyuan')).get(`/api/clues/${clueId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      subjectName: '张某某',
      abilities: { verify: false, grant: false, revealWhistleblower: false },
    });
    expect((await (await h.as('zuyuan')).get(clueUrl(h.demo.jiaoyuInspectionId))).json().total).toBe(1);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'clue.grant')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ grantId, userId: zuyuanId() });
  });

  it('lists grants for the team leader', async () => {
    const res = await (await h.as('zuzhang')).get(grantsUrl());
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
  });

  it('refuses a non-member (400) and a second live grant (409), writing nothing', async () => {
    const before = [await tableCount(h, 'clue_grant'), await tableCount(h, 'audit_entry')];
    const outsiderRes = await (await h.as('zuzhang')).post(grantsUrl(), {
      userId: h.demo.users.banshi,
      reason: '协助',
    });
    expect(outsiderRes.statusCode).toBe(400);
    expect(outsiderRes.json().details).toEqual([{ path: 'userId', message: '该人员不是本巡察组成员' }]);
    const blank = await (await h.as('zuzhang')).post(grantsUrl(), { userId: zuyuanId(), reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('请填写授权理由');
    const twice = await (await h.as('zuzhang')).post(grantsUrl(), { userId: zuyuanId(), reason: '再次授权' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该人员已获授权查看此线索');
    expect([await tableCount(h, 'clue_grant'), await tableCount(h, 'audit_entry')]).toEqual(before);
  });

  it('401 anonymous, 403 without clue.grant, 404 for another committee or an unknown grant', async () => {
    expect((await h.anonymous.get(grantsUrl())).statusCode).toBe(401);
    for (const username of ['zuyuan', 'banshi', 'jiwei', 'danwei'])
      expect((await (await h.as(username)).post(grantsUrl(), { userId: zuyuanId(), reason: '协助' })).statusCode).toBe(
        403,
      );
    expect((await (await h.as('office')).get(grantsUrl(outsiderClueId))).statusCode).toBe(404);
    expect(
      (await (await h.as('office')).post(grantsUrl(outsiderClueId), { userId: zuyuanId(), reason: '协助' })).statusCode,
    ).toBe(404);
    const unknown = `${grantsUrl()}/${outsiderClueId}/revoke`;
    expect((await (await h.as('office')).post(unknown)).statusCode).toBe(404);
  });

  it('revokes: the member loses the content at once; a second revoke is 409', async () => {
    const res = await (await h.as('zuzhang')).post(`${grantsUrl()}/${grantId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ active: false, revokedByName: '赵刚' });
    const denied = await (await h.as('zuyuan')).get(`/api/clues/${clueId}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toBe(NOT_GRANTED);
    const again = await (await h.as('zuzhang')).post(`${grantsUrl()}/${grantId}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已撤销');
  });
});

describe('POST /api/clues/:id/whistleblower', () => {
  const reveal = async (username: string, id = clueId, reason: unknown = '需当面核实反映内容') =>
    (await h.as(username)).post(`/api/clues/${id}/whistleblower`, { reason });

  it('gives the team leader the identity; the audit keeps the reason, never the identity', async () => {
    const res = await reveal('zuzhang');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '李某', contact: '13800000000', note: '要求保密' });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['entity_id', 'after'])
      .where('action', '=', 'clue.reveal_whistleblower')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ entity_id: clueId, after: { reason: '需当面核实反映内容' } });
  });

  it('needs a reason of five characters (400, nothing written)', async () => {
    const before = await tableCount(h, 'audit_entry');
    const res = await reveal('zuzhang', clueId, '看看');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('至少 5 个字');
    expect(await tableCount(h, 'audit_entry')).toBe(before);
  });

  it('401, 403 without the permission, 404 elsewhere, 409 when nobody was registered', async () => {
    expect(
      (await h.anonymous.post(`/api/clues/${clueId}/whistleblower`, { reason: '需当面核实反映内容' })).statusCode,
    ).toBe(401);
    for (const username of ['office', 'zuyuan', 'jiwei'])
      expect((await reveal(username)).statusCode, username).toBe(403);
    expect((await reveal('zuzhang', outsiderClueId)).statusCode).toBe(404);
    const none = await reveal('zuzhang', anonymousClueId);
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain('未登记反映人');
  });
});

describe('GET /api/clues/export', () => {
  it('exports the readable ledger with Chinese labels and the handover', async () => {
    const res = await (await h.as('office')).get(`/api/clues/export?inspectionId=${h.demo.jiaoyuInspectionId}`);
    expect(res.statusCode).toBe(200);
    // row 1 is the watermark banner (导出人、导出时间、内部资料 注意保密)
    const [banner, header, ...rows] = await xlsxCells(res);
    expect(banner?.[0]).toMatch(/^导出人：/);
    expect(header?.slice(0, 4)).toEqual(['线索编号', '被巡察单位', '巡察轮次', '被反映人']);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(3, 9)).toEqual([
      '张某某',
      '区教育局基建科科长',
      '违反廉洁纪律',
      '来信来访',
      '2026-06-10',
      '已登记',
    ]);
    const ledger = await xlsxCells(await (await h.as('office')).get('/api/clues/export'));
    const handed = ledger.find((r) => r[3] === '周海峰');
    expect(handed?.slice(9)).toEqual(['区纪委监委', '已反馈结果', '第二种形态', expect.stringMatching(/^2026-/)]);
  });

  it('is refused to those without clue.read, and anonymous', async () => {
    for (const username of ['zuyuan', 'banshi', 'danwei', 'jiwei'])
      expect((await (await h.as(username)).get('/api/clues/export')).statusCode, username).toBe(403);
    expect((await h.anonymous.get('/api/clues/export')).statusCode).toBe(401);
  });
});
