// 问题分析: the counts against the hand-worked fixture (findings.fixtures.ts), the filters, the drill-down
// (its total equals the figure), the export, sensitive titles, and 400 / 401 / 403 / 404.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type AnalyticsFixture, seedAnalyticsFixture } from './findings.fixtures.ts';

let h: Harness;
let fx: AnalyticsFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedAnalyticsFixture(h);
});
afterAll(() => h.close());

const summary = async (query: string) => {
  const res = await (await h.as('office')).get(`/api/analytics/findings/summary?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const counts = (rows: { code: string | null; count: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [String(r.code), r.count]));

describe('GET /api/analytics/findings/summary', () => {
  it('counts the fed-back and 立行立改 findings of the round by every classification', async () => {
    const s = await summary(`roundId=${fx.roundId}`);
    // counted: f1, f2, f4 (立行立改 draft), f5 — f3 is a draft, f6 is another round
    expect(s.total).toBe(4);
    expect(s.common).toBe(2); // f1, f4
    expect(s.individual).toBe(2); // 4 − 2
    expect(s.eightRules).toBe(2); // f2, f5
    expect(s.immediate).toBe(1); // f4
    expect(s.sensitive).toBe(1); // f2
    expect(counts(s.aspect)).toEqual({ party_leadership: 1, party_building: 1, anti_corruption: 2 });
    // every code is listed, with 0 where nothing was found
    expect(s.aspect).toContainEqual({ code: 'strict_governance', count: 0 });
    expect(counts(s.discipline)).toEqual({ political: 1, integrity: 2, null: 1 }); // f5 has none
    expect(counts(s.majorProblem)).toEqual({
      leadership_weakened: 1,
      building_missing: 1,
      governance_lax: 1,
      null: 1,
    });
    expect(counts(s.focus)).toEqual({ key_person: 1, key_matter: 1, null: 2 });
    expect(counts(s.powerType)).toEqual({ approval: 1, allocation: 1, personnel: 1, null: 1 });
    // f1: bidding+procurement, f2: funds_assets, f4: village_assets+funds_assets, f5: none
    expect(counts(s.area)).toEqual({ bidding: 1, procurement: 1, funds_assets: 2, village_assets: 1 });
    expect(counts(s.unitKind)).toEqual({ township: 2, village: 1, school: 1 });
    expect(s.topUnits[0]).toMatchObject({ unitId: fx.unitA, unitName: '分析测试镇', count: 2 });
    expect(s.topUnits.map((u: { unitId: string }) => u.unitId).sort()).toEqual([fx.unitA, fx.unitA1, fx.unitB].sort());
  });

  it('narrows by unit kind, area (a unit and those under it) and term', async () => {
    const township = await summary(`roundId=${fx.roundId}&unitKind=township`);
    expect(township.total).toBe(2); // f1, f2
    expect(counts(township.aspect)).toEqual({ party_leadership: 1, anti_corruption: 1 });
    // area A = A and A1, every round: f1, f2, f4 and f6 of 2024
    const area = await summary(`areaUnitId=${fx.unitA}`);
    expect(area.total).toBe(4);
    expect(counts(area.aspect)).toEqual({ party_leadership: 2, anti_corruption: 2 });
    expect(counts(area.area)).toEqual({ bidding: 2, procurement: 1, funds_assets: 2, village_assets: 1 });
    // the term 2026–2030 drops the 2024 inspection: f1, f2, f4
    const term = await summary(`areaUnitId=${fx.unitA}&termPlanId=${fx.termPlanId}`);
    expect(term.total).toBe(3);
    expect(counts(term.aspect)).toEqual({ party_leadership: 1, anti_corruption: 2 });
    const village = await summary(`roundId=${fx.roundId}&areaUnitId=${fx.unitA1}`);
    expect(village).toMatchObject({ total: 1, common: 1, immediate: 1 });
    const none = await summary(`roundId=${fx.oldRoundId}&unitKind=school`);
    expect(none.total).toBe(0);
    expect(none.aspect.every((r: { count: number }) => r.count === 0)).toBe(true);
  });

  it('refuses bad input (400), strangers (401), users without analytics (403), other committees (404)', async () => {
    const office = await h.as('office');
    for (const q of ['roundId=abc', 'unitKind=castle', 'termPlanId=1']) {
      const res = await office.get(`/api/analytics/findings/summary?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await h.anonymous.get('/api/analytics/findings/summary')).statusCode).toBe(401);
    for (const user of ['danwei', 'zuyuan']) {
      expect((await (await h.as(user)).get('/api/analytics/findings/summary')).statusCode, user).toBe(403);
    }
    for (const q of [
      `committeeId=${h.outsider.committeeId}`,
      `roundId=${h.outsider.roundId}`,
      `areaUnitId=${h.outsider.unitId}`,
    ]) {
      const res = await office.get(`/api/analytics/findings/summary?${q}`);
      expect(res.statusCode, q).toBe(404);
      expect(res.json().message).toMatch(/不存在/);
    }
  });
});

const drill = async (query: string, user = 'office') => {
  const res = await (await h.as(user)).get(`/api/analytics/findings?roundId=${fx.roundId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/analytics/findings (drill-down)', () => {
  it('lists exactly the findings behind every figure', async () => {
    const s = await summary(`roundId=${fx.roundId}`);
    for (const dimension of ['aspect', 'discipline', 'majorProblem', 'focus', 'powerType', 'area', 'unitKind']) {
      for (const { code, count } of s[dimension] as { code: string | null; count: number }[]) {
        const page = await drill(`dimension=${dimension}&value=${code ?? 'none'}&pageSize=100`);
        expect(page.total, `${dimension}=${code}`).toBe(count);
        expect(page.items).toHaveLength(count);
      }
    }
    for (const flag of ['all', 'common', 'individual', 'eightRules', 'immediate', 'sensitive'] as const) {
      const figure = flag === 'all' ? s.total : s[flag];
      expect((await drill(`dimension=${flag}`)).total, flag).toBe(figure);
    }
    for (const u of s.topUnits as { unitId: string; count: number }[]) {
      expect((await drill(`dimension=unit&value=${u.unitId}`)).total).toBe(u.count);
    }
  });

  it('gives the rows with their classification, round and unit, paged', async () => {
    const page = await drill('dimension=aspect&value=anti_corruption&pageSize=1');
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const both = await drill('dimension=aspect&value=anti_corruption');
    const ids = both.items.map((r: { id: string }) => r.id).sort();
    expect(ids).toEqual([fx.findings.f2, fx.findings.f4].sort());
    const f2 = both.items.find((r: { id: string }) => r.id === fx.findings.f2);
    expect(f2).toMatchObject({
      unitName: '分析测试镇',
      roundName: '分析测试轮次',
      title: '分析测试问题f2',
      discipline: 'integrity',
      areas: ['funds_assets'],
      sensitivity: 'sensitive',
      status: 'fed_back',
    });
  });

  it('refuses a drill key that names no category', async () => {
    for (const q of [
      'dimension=colour',
      'dimension=aspect',
      'dimension=aspect&value=none',
      'dimension=area&value=moon',
      'dimension=unit&value=123',
      'dimension=all&pageSize=1000',
    ]) {
      const res = await (await h.as('office')).get(`/api/analytics/findings?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await h.anonymous.get('/api/analytics/findings?dimension=all')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/analytics/findings?dimension=all')).statusCode).toBe(403);
    const other = `/api/analytics/findings?dimension=all&roundId=${h.outsider.roundId}`;
    expect((await (await h.as('office')).get(other)).statusCode).toBe(404);
  });
});

describe('GET /api/analytics/findings/export', () => {
  it('exports the drill-down rows as .xlsx, watermarked and audited', async () => {
    const audits = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'analytics.export'`.execute(h.database.db)
        ).rows[0]?.n,
      );
    const before = await audits();
    const res = await (await h.as('office')).get(
      `/api/analytics/findings/export?roundId=${fx.roundId}&dimension=area&value=funds_assets`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
    });
    // the watermark banner, the header, then f2 and f4
    expect(rows).toHaveLength(4);
    const header = rows[1] as string[];
    const records = rows.slice(2).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
    expect(records.map((r) => r.问题).sort()).toEqual(['分析测试问题f2', '分析测试问题f4']);
    expect(records.find((r) => r.问题 === '分析测试问题f4')).toMatchObject({
      被巡察单位: '分析测试村',
      四个方面: '党风廉政建设和反腐败',
      立行立改: '是',
    });
    expect(await audits()).toBe(before + 1);
    const other = `/api/analytics/findings/export?dimension=all&committeeId=${h.outsider.committeeId}`;
    expect((await (await h.as('office')).get(other)).statusCode).toBe(404);
    expect((await (await h.as('zuyuan')).get('/api/analytics/findings/export?dimension=all')).statusCode).toBe(403);
  });
});

describe('sensitive findings', () => {
  it('are counted for everyone, but their title only reaches those who may read the finding', async () => {
    // a leader whose role lost finding.read still reads analytics: f2 stays in the count, its title does not
    await sql`DELETE FROM role_permission WHERE role_code = 'leader' AND permission_code = 'finding.read'`.execute(
      h.database.db,
    );
    const leader = await h.login('leader');
    const res = await leader.get(
      `/api/analytics/findings?roundId=${fx.roundId}&dimension=aspect&value=anti_corruption`,
    );
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { id: string; title: string | null }[];
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === fx.findings.f2)?.title).toBeNull();
    expect(rows.find((r) => r.id === fx.findings.f4)?.title).toBe('分析测试问题f4');
    expect(res.body).not.toContain('分析测试问题f2');
    const sheet = await leader.get(
      `/api/analytics/findings/export?roundId=${fx.roundId}&dimension=aspect&value=anti_corruption`,
    );
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.worksheets[0]?.eachRow((r) => {
      texts.push((r.values as ExcelJS.CellValue[]).map((v) => String(v ?? '')).join('|'));
    });
    expect(texts.join('\n')).not.toContain('分析测试问题f2');
    expect(texts.join('\n')).toContain('敏感问题，无权查看');
  });
});
