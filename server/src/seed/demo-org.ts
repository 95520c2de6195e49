// Step 1 of the demo district (demo-district.ts): the org tree of 中共示例市城关区委 grows to ~60
// departments and units and 12 townships/streets with ~150 villages and communities, with planning
// attributes (codes, 社会关注度, 廉政风险 factors, some inspections before the system); committee short
// names; the 领导小组 and 巡察办, the demo users `leader` and `office` in their posts. The core demo's
// own units are left exactly as they are (the API tests rely on them).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Tx } from '../platform/db.ts';
import type { OrgUnitTable } from '../platform/schema.ts';
import type { DistrictContext } from './demo-district.ts';
import {
  DEMO_DEPARTMENTS,
  DEMO_OTHER_UNITS,
  DEMO_TOWNSHIPS,
  type DemoOrgUnit,
  DONGGUAN_EXTRA,
  GIVEN_NAMES,
  SURNAMES,
  VILLAGE_ROOTS,
} from './demo-org-data.ts';

/** Deterministic spread of small numbers: the demo looks varied but is the same on every start. */
const spread = (i: number, n: number) => (i * 7919 + 104_729) % n;
const personName = (i: number) =>
  `${SURNAMES[spread(i, SURNAMES.length)]}${GIVEN_NAMES[spread(i * 3 + 1, GIVEN_NAMES.length)]}`;
const CODE_PREFIX: Record<string, string> = {
  department: 'BM',
  affiliated: 'ZS',
  soe: 'GQ',
  school: 'XX',
  hospital: 'YY',
};

class TreeBuilder {
  readonly rows: Insertable<OrgUnitTable>[] = [];
  private readonly paths = new Map<string, string>();
  private readonly committeeId: string;

  constructor(committeeId: string, existing: { id: string; path: string }[]) {
    this.committeeId = committeeId;
    for (const unit of existing) this.paths.set(unit.id, unit.path);
  }

  add(unit: Omit<Insertable<OrgUnitTable>, 'id' | 'committee_id' | 'path'>): string {
    const id = randomUUID();
    const path = `${unit.parent_id ? this.paths.get(unit.parent_id) : '/'}${id}/`;
    this.paths.set(id, path);
    this.rows.push({ ...unit, id, committee_id: this.committeeId, path });
    return id;
  }
}

function lastInspected(i: number): string | null {
  // about four in ten were inspected in the previous term, before this system
  if (spread(i, 10) >= 4) return null;
  return `${2021 + spread(i, 3)}-${String(3 + spread(i, 8)).padStart(2, '0')}-${String(5 + spread(i, 20)).padStart(2, '0')}`;
}

function addAgencies(tree: TreeBuilder, core: Record<string, string>) {
  const byName = new Map<string, string>();
  const counters: Record<string, number> = {};
  [...DEMO_DEPARTMENTS, ...DEMO_OTHER_UNITS].forEach((unit: DemoOrgUnit, i) => {
    counters[unit.kind] = (counters[unit.kind] ?? 0) + 1;
    const parent = unit.parent ? (core[unit.parent] ?? byName.get(unit.parent)) : undefined;
    const heavy = unit.approval || unit.enforcement || unit.kind === 'soe';
    const id = tree.add({
      parent_id: parent ?? null,
      name: unit.name,
      kind: unit.kind,
      code: `${CODE_PREFIX[unit.kind]}${String(counters[unit.kind]).padStart(3, '0')}`,
      head_name: personName(i),
      secretary_name: personName(i + 500),
      social_attention: heavy ? 3 + spread(i, 3) : 1 + spread(i, 3),
      fund_volume: (heavy ? 8000 : 600) + spread(i, 40) * (heavy ? 1250 : 180),
      project_count: heavy ? 5 + spread(i, 30) : spread(i, 4),
      has_approval_power: unit.approval ?? false,
      has_enforcement_power: unit.enforcement ?? false,
      last_inspected_on: lastInspected(i),
      sort_order: i + 1,
    });
    byName.set(unit.name, id);
  });
}

/** 重点 ≈ 15 %, 关注 ≈ 30 %, the rest 一般. */
function villageClassOf(i: number): 'key' | 'attention' | 'general' {
  const slot = spread(i, 20);
  if (slot < 3) return 'key';
  return slot < 9 ? 'attention' : 'general';
}

function addVillages(
  tree: TreeBuilder,
  township: { id: string; name: string; code: string },
  count: number,
  from: number,
) {
  const street = township.name.endsWith('街道');
  for (let n = 0; n < count; n += 1) {
    const i = from + n;
    const root = VILLAGE_ROOTS[(i * 17 + n) % VILLAGE_ROOTS.length];
    tree.add({
      parent_id: township.id,
      name: `${township.name}${root}${street ? '社区' : '村'}`,
      kind: 'village',
      code: `${township.code}-${String(n + 1).padStart(2, '0')}`,
      head_name: personName(i + 1000),
      secretary_name: personName(i + 1000),
      social_attention: 1 + spread(i, 4),
      fund_volume: 20 + spread(i, 30) * 20,
      project_count: spread(i, 6),
      last_inspected_on: spread(i, 5) === 0 ? lastInspected(i) : null,
      village_class: villageClassOf(i),
      sort_order: n + 1,
    });
  }
}

function addTownships(tree: TreeBuilder, dongguanId: string) {
  let villages = 0;
  DEMO_TOWNSHIPS.forEach((township, i) => {
    const code = `XZ${String(i + 1).padStart(2, '0')}`;
    const id = tree.add({
      parent_id: null,
      name: township.name,
      kind: 'township',
      code,
      head_name: personName(i + 2000),
      secretary_name: personName(i + 2100),
      social_attention: 2 + spread(i, 4),
      fund_volume: 3000 + spread(i, 20) * 400,
      project_count: 8 + spread(i, 25),
      has_approval_power: true,
      has_enforcement_power: true,
      last_inspected_on: lastInspected(i + 7),
      sort_order: 100 + i,
    });
    addVillages(tree, { id, name: township.name, code }, township.villages, villages);
    villages += township.villages;
  });
  addVillages(tree, { id: dongguanId, name: '东关街道', code: 'XZ00' }, DONGGUAN_EXTRA, villages);
}

const LEADING_GROUP = [
  { post: 'leader', name: '李明', title: '区委书记', user: 'leader' },
  { post: 'executive_deputy', name: '张伟东', title: '区委副书记' },
  { post: 'deputy', name: '孙立', title: '区委常委、区纪委书记、区监委主任' },
  { post: 'deputy', name: '周敏', title: '区委常委、组织部部长' },
  { post: 'member', name: '刘建华', title: '区委常委、区委办公室主任' },
  { post: 'member', name: '黄晓明', title: '区委宣传部常务副部长' },
  { post: 'member', name: '郭志刚', title: '区审计局局长' },
  { post: 'member', name: '谢丽娟', title: '区信访局局长' },
] as const;

const OFFICE = [
  { post: 'director', name: '王芳', title: '区委巡察办主任', user: 'office' },
  { post: 'deputy_director', name: '蒋文涛', title: '区委巡察办副主任' },
  { post: 'deputy_director', name: '曾慧敏', title: '区委巡察办副主任' },
  { post: 'staff', name: '彭宇', title: '综合科科长' },
  { post: 'staff', name: '刘畅', title: '综合科科员', user: 'banshi' },
  { post: 'staff', name: '叶倩', title: '督查科科长' },
  { post: 'staff', name: '杜明轩', title: '综合科科员' },
  { post: 'staff', name: '唐佳怡', title: '督查科科员' },
] as const;

async function seedMembers(tx: Tx, { ids }: DistrictContext) {
  const rows = [
    ...LEADING_GROUP.map((m) => ({ ...m, body: 'leading_group' })),
    ...OFFICE.map((m) => ({ ...m, body: 'office' })),
  ].map((m, i) => ({
    committee_id: ids.committeeId,
    body: m.body,
    post: m.post,
    name: m.name,
    title: m.title,
    // the demo users already hold the roles these posts grant, so no grant is recorded here
    user_id: 'user' in m ? (ids.users[m.user] ?? null) : null,
    started_on: '2021-09-15',
    granted_role: null,
    grant_id: null,
    sort_order: i,
  }));
  await tx.insertInto('committee_member').values(rows).execute();
}

export async function seedDemoOrg(tx: Tx, context: DistrictContext): Promise<void> {
  const { ids } = context;
  await tx.updateTable('committee').set({ short_name: '市委' }).where('id', '=', ids.cityCommitteeId).execute();
  await tx.updateTable('committee').set({ short_name: '区委' }).where('id', '=', ids.committeeId).execute();
  const existing = await tx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('committee_id', '=', ids.committeeId)
    .execute();
  const tree = new TreeBuilder(ids.committeeId, existing);
  addAgencies(tree, ids.units);
  addTownships(tree, ids.units.dongguan as string);
  // parents come before their children in `rows`, so each batch satisfies the parent foreign key
  for (let i = 0; i < tree.rows.length; i += 100) {
    await tx
      .insertInto('org_unit')
      .values(tree.rows.slice(i, i + 100))
      .execute();
  }
  await seedMembers(tx, context);
}
