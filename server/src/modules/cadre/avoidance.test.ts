// 回避 rules on a real database: each rule, its boundaries (exactly N years, open-ended posts,
// subtree vs sibling units) and the Chinese message shown on a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { type DemoIds, seedDemo } from '../../seed/demo.ts';
import { TEST_NOW } from '../../test/harness.ts';
import { testKeyring } from '../../test/keyring.ts';
import { seedOutsider } from '../../test/outsider.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { findAvoidanceConflicts } from './avoidance.ts';

let database: TestDatabase;
let demo: DemoIds;
let outsiderUnitId: string;
const asOf = '2026-06-15';

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemo(database.db, fixedClock(TEST_NOW), testKeyring());
  outsiderUnitId = (await seedOutsider(database.db, asOf)).unitId;
});
afterAll(() => database.dispose());

const unit = (key: string) => demo.units[key] as string;

async function cadre(name: string, homeUnit: string | null, post = '科员'): Promise<string> {
  const row = await database.db
    .insertInto('cadre')
    .values({
      committee_id: demo.committeeId,
      name,
      home_unit_id: homeUnit,
      home_unit_name: homeUnit ? '（见单位）' : '市审计局',
      post,
      skills: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function pastPost(cadreId: string, unitKey: string, post: string, start: string | null, end: string | null) {
  await database.db
    .insertInto('cadre_past_post')
    .values({ cadre_id: cadreId, unit_id: unit(unitKey), unit_name: '', post, start_date: start, end_date: end })
    .execute();
}

const check = (cadreIds: string[], unitKeys: string[], crossInspection = false) =>
  findAvoidanceConflicts(database.db, { cadreIds, unitIds: unitKeys.map(unit), asOf, crossInspection });

describe('home_unit', () => {
  it('refuses the cadre’s own unit and the units above it, not siblings or units below', async () => {
    const zhang = await cadre('张伟', unit('jiaoyu'), '副局长');
    const chen = await cadre('陈晨晨', unit('zhijianzhan'), '站长');
    const tian = await cadre('田野', unit('dongguan_sq'), '社区书记');
    const conflicts = (await check([zhang, chen, tian], ['jiaoyu', 'zhujian', 'nanyuan_sq'])).filter(
      (c) => c.rule === 'home_unit',
    );
    expect(conflicts.map((c) => c.message)).toEqual([
      '陈晨晨现任区建设工程质量安全监督站站长，所在单位隶属被巡察单位区住房和城乡建设局',
      '张伟现任区教育局副局长，所在单位即被巡察单位',
    ]);
    expect(await check([chen], ['zhijianzhan'])).toMatchObject([
      { rule: 'home_unit', unitName: '区建设工程质量安全监督站' },
    ]);
    const parentOnly = await cadre('罗兰', unit('zhujian'));
    expect(await check([parentOnly], ['zhijianzhan'])).toEqual([]);
  });
});

describe('past_post', () => {
  it('counts a post that ended less than N years before asOf, not exactly N years', async () => {
    const li = await cadre('李娜', null);
    await pastPost(li, 'caizheng', '办公室主任', '2019-03-01', '2021-06-16');
    const wang = await cadre('王静', null);
    await pastPost(wang, 'caizheng', '预算科科长', '2015-01-01', '2021-06-15');
    expect(await check([li, wang], ['caizheng'])).toEqual([
      {
        cadreId: li,
        cadreName: '李娜',
        unitId: unit('caizheng'),
        unitName: '区财政局',
        rule: 'past_post',
        message: '李娜2019年3月至2021年6月在区财政局任办公室主任，离开未满5年',
      },
    ]);
  });

  it('treats a post without end date as current and looks into the subtree only', async () => {
    const zhou = await cadre('周凯', null);
    await pastPost(zhou, 'zhijianzhan', '质监员', '2020-09-01', null);
    expect((await check([zhou], ['zhujian'])).map((c) => c.message)).toEqual([
      '周凯自2020年9月起在区建设工程质量安全监督站（隶属被巡察单位区住房和城乡建设局）任质监员，未登记离任时间',
    ]);
    const parentPost = await cadre('周全', null);
    await pastPost(parentPost, 'zhujian', '科员', null, '2025-01-31');
    expect(await check([parentPost], ['zhijianzhan'])).toEqual([]);
    expect((await check([parentPost], ['zhujian'])).map((c) => c.message)).toEqual([
      '周全至2025年1月在区住房和城乡建设局任科员，离开未满5年',
    ]);
  });

  it('uses the target committee’s avoidance_years', async () => {
    const ma = await cadre('马丽', null);
    await pastPost(ma, 'weijian', '医政科科长', '2018-01-01', '2022-06-16');
    await database.db.updateTable('committee').set({ avoidance_years: 3 }).where('id', '=', demo.committeeId).execute();
    try {
      expect(await check([ma], ['weijian'])).toEqual([]);
      await database.db
        .updateTable('committee')
        .set({ avoidance_years: 4 })
        .where('id', '=', demo.committeeId)
        .execute();
      expect((await check([ma], ['weijian']))[0]?.message).toMatch(/离开未满4年$/);
    } finally {
      await database.db
        .updateTable('committee')
        .set({ avoidance_years: 5 })
        .where('id', '=', demo.committeeId)
        .execute();
    }
  });
});

describe('relative', () => {
  it('refuses units whose leadership includes a close relative, in the subtree only', async () => {
    const wang = await cadre('王强', null);
    const relative = (name: string, relation: string, unitKey: string, post: string, isLeader: boolean) =>
      database.db
        .insertInto('cadre_relative')
        .values({ cadre_id: wang, name, relation, unit_id: unit(unitKey), unit_name: '', post, is_leader: isLeader })
        .execute();
    await relative('刘芳', 'spouse', 'shichang', '党组书记', true);
    await relative('王小明', 'lineal', 'dongguan_sq', '党委书记', true);
    await relative('王大军', 'collateral', 'yiyuan', '护士', false);
    expect((await check([wang], ['shichang', 'dongguan', 'nanyuan_sq', 'yiyuan'])).map((c) => c.message)).toEqual([
      '王强的直系血亲王小明任东关社区（隶属被巡察单位东关街道）党委书记',
      '王强的配偶刘芳任区市场监督管理局党组书记',
    ]);
  });
});

describe('under_inspection', () => {
  it('refuses every target while the cadre’s unit or a unit above it is stationed/investigating/reporting', async () => {
    const zhao = await cadre('赵敏', unit('jiaoyu'));
    expect((await check([zhao], ['caizheng'])).map((c) => c.message)).toEqual(['赵敏所在单位区教育局正在接受巡察']);
    const qian = await cadre('钱多', unit('zhijianzhan'));
    expect(await check([qian], ['caizheng'])).toEqual([]); // 区住建局 is in 整改 (rectifying), no longer inspected

    const tang = await cadre('唐悦', unit('nanyuan_sq'));
    const inspection = await database.db
      .insertInto('inspection')
      .values({
        committee_id: demo.committeeId,
        round_id: demo.roundId,
        unit_id: unit('dongguan'),
        type: 'regular',
        phase: 'reporting',
        team_name: '区委第二巡察组',
        start_date: '2026-05-01',
        end_date: '2026-06-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await check([tang], ['caizheng', 'weijian'])).map((c) => `${c.unitName}:${c.message}`)).toEqual([
      '区财政局:唐悦所在单位南园社区隶属的东关街道正在接受巡察',
      '区卫生健康局:唐悦所在单位南园社区隶属的东关街道正在接受巡察',
    ]);
    await database.db.updateTable('inspection').set({ phase: 'feedback' }).where('id', '=', inspection.id).execute();
    expect(await check([tang], ['caizheng'])).toEqual([]);
  });
});

describe('cross_area', () => {
  it('only for 交叉巡察: refuses cadres whose unit is under the same committee', async () => {
    const sun = await cadre('孙丽', unit('caizheng'));
    const fromOutside = await cadre('城西干部', outsiderUnitId);
    const noHome = await cadre('市审计局干部', null);
    expect(await check([sun], ['ziran'])).toEqual([]);
    expect((await check([sun, fromOutside, noHome], ['ziran'], true)).map((c) => c.message)).toEqual([
      '孙丽所在单位区财政局与被巡察单位区自然资源局同属中共示例市城关区委，交叉巡察应由其他地区干部承担',
    ]);
  });
});

describe('inputs', () => {
  it('returns nothing for empty lists', async () => {
    const zhang = await cadre('空查', unit('jiaoyu'));
    expect(await check([], ['jiaoyu'])).toEqual([]);
    expect(await check([zhang], [])).toEqual([]);
  });
});
